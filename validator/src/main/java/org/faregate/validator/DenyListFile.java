package org.faregate.validator;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.faregate.validator.decision.DenyList;

/**
 * The deny list on disk, for an offline cold start. Big-endian:
 * <pre>
 *   magic    4 bytes  "FGDL"
 *   format   int      1
 *   version  long     the list's version
 *   count    int      number of ids
 *   ids      count × (long most, long least), ascending unsigned order, no repeats
 *   crc      int      CRC32C of every byte before it
 * </pre>
 * 16 bytes an id plus 24: 160 MB for 10 million. Reading checks the length, the CRC (before anything is
 * built) and the order of the ids; any mismatch is a {@link CorruptFileException} naming the byte offset.
 */
final class DenyListFile {

    static final int MAGIC = 0x46_47_44_4C; // "FGDL"
    static final int FORMAT = 1;
    static final int HEADER_BYTES = 20;
    private static final int BUFFER_BYTES = 1 << 20;

    /** The file is not a whole, intact deny list. */
    static final class CorruptFileException extends IOException {
        CorruptFileException(String message) {
            super(message);
        }
    }

    private DenyListFile() {
    }

    /** Writes the list to {@code out} (positioned at 0) and returns how many ids were written. */
    static int write(DenyList list, FileChannel out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        CRC32C crc = new CRC32C();
        int[] written = {0};
        try {
            list.export(new DenyList.Exporter() {
                @Override
                public void begin(long version, int size) {
                    buffer.putInt(MAGIC).putInt(FORMAT).putLong(version).putInt(size);
                }

                @Override
                public void id(long most, long least) {
                    if (buffer.remaining() < 16) {
                        unchecked(() -> drain(buffer, crc, out));
                    }
                    buffer.putLong(most).putLong(least);
                    written[0]++;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        drain(buffer, crc, out);
        buffer.putInt((int) crc.getValue()).flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        return written[0];
    }

    private static void drain(ByteBuffer buffer, CRC32C crc, FileChannel out) throws IOException {
        buffer.flip();
        crc.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    /** Replaces {@code list}'s content with the file's. On any exception the list is unchanged. */
    static void read(Path file, DenyList list) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            readFully(in, header, 0);
            header.flip();
            int magic = header.getInt();
            int format = header.getInt();
            long version = header.getLong();
            int count = header.getInt();
            if (magic != MAGIC) {
                throw new CorruptFileException("not a deny-list file (bad magic at byte 0)");
            }
            if (format != FORMAT) {
                throw new CorruptFileException("unknown deny-list file format " + format + " at byte 4");
            }
            long expected = HEADER_BYTES + 16L * count + 4;
            if (count < 0 || in.size() != expected) {
                throw new CorruptFileException("deny-list file has " + in.size() + " bytes, its header (count "
                        + count + " at byte 16) needs " + expected);
            }
            try {
                list.restore(version, count, sink -> unchecked(() -> scan(in, count, header, sink)));
            } catch (IllegalArgumentException e) {
                throw new CorruptFileException(e.getMessage());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** Reads every id, then checks the CRC; ids reach {@code sink} only as they are read. */
    private static void scan(FileChannel in, int count, ByteBuffer header, DenyList.IdSink sink) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, HEADER_BYTES);
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        long position = HEADER_BYTES;
        long idBytes = 16L * count;
        long end = HEADER_BYTES + idBytes;
        while (position < end) {
            buffer.clear().limit((int) Math.min(BUFFER_BYTES, end - position));
            readFully(in, buffer, position);
            buffer.flip();
            crc.update(buffer.duplicate());
            position += buffer.remaining();
            while (buffer.hasRemaining()) {
                sink.id(buffer.getLong(), buffer.getLong());
            }
        }
        ByteBuffer trailer = ByteBuffer.allocate(4);
        readFully(in, trailer, end);
        int stored = trailer.flip().getInt();
        if (stored != (int) crc.getValue()) {
            throw new CorruptFileException("deny-list file CRC mismatch at byte " + end + ": stored "
                    + Integer.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue()));
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    /** The list's callbacks take no checked exceptions (the domain package does no I/O): carry ours through. */
    private static void unchecked(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readFully(FileChannel in, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = in.read(buffer, at);
            if (read < 0) {
                throw new EOFException("deny-list file ends at byte " + at);
            }
            at += read;
        }
    }
}
