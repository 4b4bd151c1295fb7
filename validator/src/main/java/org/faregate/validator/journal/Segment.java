package org.faregate.validator.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The segment being written: records go at its end and are forced to the device before {@link #append}
 * returns. A write that fails is cut back off, so a record the caller saw fail cannot reappear on recovery.
 */
final class Segment implements AutoCloseable {

    private final long number;
    private final Path path;
    private final FileChannel channel;
    private long size;

    private Segment(long number, Path path, FileChannel channel, long size) {
        this.number = number;
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** Opens a segment for appending at its current end ({@code create}: the file must not exist yet). */
    static Segment open(long number, Path path, boolean create) throws IOException {
        FileChannel channel = create
                ? FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                : FileChannel.open(path, StandardOpenOption.WRITE);
        return new Segment(number, path, channel, channel.size());
    }

    long number() {
        return number;
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** Writes one record and forces it (data only: the file's length is forced with it) to the device. */
    void append(ByteBuffer record) throws IOException {
        long position = size;
        try {
            while (record.hasRemaining()) {
                position += channel.write(record, position);
            }
            channel.force(false);
        } catch (IOException e) {
            cutBack(e);
            throw e;
        }
        size = position;
    }

    /** Cuts the file at {@code length} (a torn tail found on recovery) and forces the change. */
    void truncate(long length) throws IOException {
        channel.truncate(length);
        channel.force(false);
        size = Math.min(size, length);
    }

    private void cutBack(IOException failure) {
        try {
            channel.truncate(size);
            channel.force(false);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
