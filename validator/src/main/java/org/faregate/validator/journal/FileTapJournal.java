package org.faregate.validator.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tap journal in one append-only file ({@code taps.journal}) of CRC-checked records (see
 * {@link JournalCodec}). Every append and acknowledgement is forced to the device before it returns.
 * On open, a torn tail (a crash mid-write) is cut; a corrupt record with good records after it is
 * skipped and reported, never allowed to take the later taps with it. When the file has grown and
 * most of it is acknowledged, it is rewritten with only the pending taps (atomic rename).
 * The directory is locked: one gate process per journal.
 */
public final class FileTapJournal implements TapJournal {

    static final String FILE_NAME = "taps.journal";
    static final long DEFAULT_COMPACT_THRESHOLD = 8L << 20;
    private static final int ACK_CHUNK = 10_000;
    private static final Logger logger = LoggerFactory.getLogger(FileTapJournal.class);

    private final Path file;
    private final long compactThreshold;
    private final JournalCodec codec = new JournalCodec();
    /** Pending taps in append order, with the size of their record in the file. */
    private final LinkedHashMap<TapId, Pending> pending = new LinkedHashMap<>();
    private FileChannel channel;
    private FileLock lock;
    private long size;
    private long liveBytes;
    private long corruptBytes;

    private record Pending(TapRecord tap, int recordLength) {
    }

    private FileTapJournal(Path file, long compactThreshold) {
        this.file = file;
        this.compactThreshold = compactThreshold;
    }

    /** Opens (creating if needed) the journal in {@code directory}, recovering from an earlier crash. */
    public static FileTapJournal open(Path directory) {
        return open(directory, DEFAULT_COMPACT_THRESHOLD);
    }

    static FileTapJournal open(Path directory, long compactThreshold) {
        FileTapJournal journal = new FileTapJournal(directory.resolve(FILE_NAME), compactThreshold);
        try {
            Files.createDirectories(directory);
            journal.recover();
        } catch (IOException e) {
            journal.closeQuietly();
            throw new JournalException("cannot open tap journal " + journal.file, e);
        }
        return journal;
    }

    @Override
    public synchronized void append(TapRecord tap) {
        ensureOpen();
        ByteBuffer record = codec.encodeTap(tap);
        int length = record.remaining();
        write(record, "append tap " + tap.tapId());
        pending.put(tap.tapId(), new Pending(tap, length));
        liveBytes += length;
    }

    @Override
    public synchronized void acknowledge(Collection<TapId> committed) {
        ensureOpen();
        List<TapId> known = new ArrayList<>();
        for (TapId id : Set.copyOf(committed)) {
            if (pending.containsKey(id)) {
                known.add(id);
            }
        }
        for (int from = 0; from < known.size(); from += ACK_CHUNK) {
            List<TapId> chunk = known.subList(from, Math.min(known.size(), from + ACK_CHUNK));
            write(codec.encodeAck(chunk), "acknowledge " + chunk.size() + " taps");
        }
        for (TapId id : known) {
            liveBytes -= pending.remove(id).recordLength();
        }
        if (size > compactThreshold && liveBytes < size / 4) {
            compact();
        }
    }

    @Override
    public synchronized List<TapRecord> pending(int limit) {
        List<TapRecord> out = new ArrayList<>(Math.min(limit, pending.size()));
        for (Pending entry : pending.values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(entry.tap());
        }
        return out;
    }

    @Override
    public synchronized int pendingCount() {
        return pending.size();
    }

    /** Bytes of corrupt records skipped when the journal was opened (0 when healthy). */
    public synchronized long corruptBytes() {
        return corruptBytes;
    }

    synchronized long fileSize() {
        return size;
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            closeQuietly();
            logger.info("Tap journal closed [file={}, pending={}]", file, pending.size());
        }
    }

    private void recover() throws IOException {
        boolean created = !Files.exists(file);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        lockFile();
        if (created) {
            forceDirectory();
        }
        byte[] bytes = Files.readAllBytes(file);
        JournalScan scan = JournalScan.of(bytes, codec, file);
        for (JournalScan.Decoded decoded : scan.records()) {
            if (decoded.entry() instanceof JournalCodec.Tap tap) {
                pending.put(tap.record().tapId(), new Pending(tap.record(), decoded.length()));
                liveBytes += decoded.length();
            } else if (decoded.entry() instanceof JournalCodec.Ack ack) {
                for (TapId id : ack.tapIds()) {
                    Pending removed = pending.remove(id);
                    if (removed != null) {
                        liveBytes -= removed.recordLength();
                    }
                }
            }
        }
        corruptBytes = scan.corruptBytes();
        size = scan.goodEnd();
        if (size < bytes.length) {
            logger.warn("Torn journal tail cut [file={}, at={}, bytes={}]", file, size, bytes.length - size);
            channel.truncate(size);
            channel.force(true);
        }
        logger.info("Tap journal open [file={}, pending={}, bytes={}]", file, pending.size(), size);
    }

    private void lockFile() throws IOException {
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IOException("journal is in use by another gate process: " + file);
        }
    }

    private void write(ByteBuffer record, String what) {
        try {
            long position = size;
            while (record.hasRemaining()) {
                position += channel.write(record, position);
            }
            channel.force(false);
            size = position;
        } catch (IOException e) {
            throw new JournalException("cannot " + what + " to " + file, e);
        }
    }

    private void compact() {
        Path temporary = file.resolveSibling(FILE_NAME + ".compact");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            long written = 0;
            for (Pending entry : pending.values()) {
                ByteBuffer record = codec.encodeTap(entry.tap());
                while (record.hasRemaining()) {
                    written += out.write(record);
                }
            }
            out.force(true);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
            closeQuietly();
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            lockFile();
            logger.info("Tap journal compacted [file={}, from={}, to={}]", file, size, written);
            size = written;
            liveBytes = written;
        } catch (IOException e) {
            throw new JournalException("cannot compact tap journal " + file, e);
        }
    }

    private void forceDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private void ensureOpen() {
        if (channel == null) {
            throw new IllegalStateException("tap journal is closed: " + file);
        }
    }

    private void closeQuietly() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            logger.warn("Closing tap journal failed [file={}]", file, e);
        } finally {
            lock = null;
            channel = null;
        }
    }
}
