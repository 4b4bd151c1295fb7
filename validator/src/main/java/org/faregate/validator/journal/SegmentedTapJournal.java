package org.faregate.validator.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A tap journal in append-only segment files under {@code <data dir>/journal/} (see docs/journal.md).
 * Every append and acknowledgement is a CRC-checked record ({@link JournalCodec}) forced to the device
 * before the call returns. Writing rolls to a new segment at a size limit; segments are deleted oldest
 * first, once they and every older segment hold only acknowledged taps. On open, a torn tail is cut and a
 * corrupt record is skipped and reported without taking later taps with it; a single-file journal of an
 * older version is migrated. The journal keeps within a byte allowance (the configured limit, or less if
 * the file system has less room): it raises an alarm once per {@link DiskLevel} crossing and, when
 * {@link DiskLevel#FULL}, refuses appends rather than take a tap it could not keep.
 */
public final class SegmentedTapJournal implements TapJournal {

    /** Default allowance for the journal's files. */
    public static final long DEFAULT_MAX_BYTES = 512L << 20;
    /** Kept free on the file system for acknowledgements and the gate's state files. */
    static final long FILE_SYSTEM_RESERVE = 16L << 20;
    static final String DIRECTORY = "journal";
    private static final long MAX_SEGMENT_BYTES = 4L << 20;
    private static final long MIN_SEGMENT_BYTES = 64L << 10;
    private static final int ACK_CHUNK = 10_000;
    private static final Logger logger = LoggerFactory.getLogger(SegmentedTapJournal.class);

    private final Path dataDir;
    private final long maxBytes;
    private final long segmentBytes;
    private final JournalCodec codec = new JournalCodec();
    /** Segments on disk, oldest first; the last one is {@link #active}. */
    private final LinkedHashMap<Long, SegmentUse> segments = new LinkedHashMap<>();
    /** Pending taps in append order, with the segment that holds each. */
    private final LinkedHashMap<TapId, Pending> pending = new LinkedHashMap<>();
    private SegmentFiles files;
    private Segment active;
    private long usedBytes;
    private long capacity;
    private long corruptBytes;
    private DiskLevel alarmedLevel = DiskLevel.OK;

    private record Pending(TapRecord tap, long segment) {
    }

    /** Bytes and pending taps of one segment file. */
    private static final class SegmentUse {
        long bytes;
        int pendingTaps;
    }

    private SegmentedTapJournal(Path dataDir, long maxBytes, long segmentBytes) {
        this.dataDir = dataDir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens (creating if needed) the journal under {@code dataDir}, recovering from an earlier crash, with an
     * allowance of {@code maxBytes} for its files.
     */
    public static SegmentedTapJournal open(Path dataDir, long maxBytes) {
        return open(dataDir, maxBytes, Math.max(MIN_SEGMENT_BYTES, Math.min(MAX_SEGMENT_BYTES, maxBytes / 16)));
    }

    static SegmentedTapJournal open(Path dataDir, long maxBytes, long segmentBytes) {
        if (maxBytes <= DiskLevel.TAP_RECORD_ROOM || segmentBytes <= 0) {
            throw new IllegalArgumentException("journal limits too small: maxBytes=" + maxBytes
                    + ", segmentBytes=" + segmentBytes);
        }
        SegmentedTapJournal journal = new SegmentedTapJournal(dataDir, maxBytes, segmentBytes);
        try {
            journal.files = SegmentFiles.lock(dataDir.resolve(DIRECTORY));
            journal.recover();
        } catch (IOException e) {
            journal.closeQuietly();
            throw new JournalException("cannot open tap journal in " + dataDir.resolve(DIRECTORY), e);
        }
        return journal;
    }

    @Override
    public synchronized void append(TapRecord tap) {
        ensureOpen();
        ByteBuffer record = codec.encodeTap(tap);
        int length = record.remaining();
        if (!hasRoomFor(length)) {
            raiseAlarm();
            throw new JournalException("tap journal full, tap " + tap.tapId() + " refused [used=" + usedBytes
                    + ", limit=" + capacity + "]", null);
        }
        try {
            if (active.size() > 0 && active.size() + length > segmentBytes) {
                roll();
            }
            write(record);
        } catch (IOException e) {
            throw new JournalException("cannot append tap " + tap.tapId() + " to " + active.path(), e);
        }
        if (pending.putIfAbsent(tap.tapId(), new Pending(tap, active.number())) == null) {
            segments.get(active.number()).pendingTaps++; // a tap id appended twice stays where it was first, as on recovery
        }
        raiseAlarm();
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
        try {
            for (int from = 0; from < known.size(); from += ACK_CHUNK) {
                write(codec.encodeAck(known.subList(from, Math.min(known.size(), from + ACK_CHUNK))));
            }
            for (TapId id : known) {
                segments.get(pending.remove(id).segment()).pendingTaps--;
            }
            freeAcknowledgedSegments();
        } catch (IOException e) {
            throw new JournalException("cannot record acknowledgement of " + known.size() + " taps in "
                    + files.directory(), e);
        }
        raiseAlarm();
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

    /** Disk use now; asks the file system for its usable space again. */
    @Override
    public synchronized JournalStatus status() {
        if (files != null) {
            refreshCapacity();
        }
        return new JournalStatus(usedBytes, capacity, pending.size(), segments.size(),
                DiskLevel.of(usedBytes, capacity));
    }

    /** Bytes of corrupt records skipped when the journal was opened (0 when healthy). */
    public synchronized long corruptBytes() {
        return corruptBytes;
    }

    @Override
    public synchronized void close() {
        if (files != null) {
            closeQuietly();
            logger.info("Tap journal closed [dir={}, pending={}, bytes={}]", dataDir.resolve(DIRECTORY),
                    pending.size(), usedBytes);
        }
    }

    private void recover() throws IOException {
        List<Long> numbers = files.numbers();
        for (long number : numbers) {
            readSegment(number);
        }
        if (numbers.isEmpty()) {
            active = files.create(1);
            segments.put(1L, new SegmentUse());
        } else {
            long last = numbers.get(numbers.size() - 1);
            active = Segment.open(last, files.path(last), false);
        }
        freeAcknowledgedSegments();
        migrateLegacyFile();
        refreshCapacity();
        logger.info("Tap journal open [dir={}, segments={}, pending={}, bytes={}, limit={}, corruptBytes={}]",
                files.directory(), segments.size(), pending.size(), usedBytes, capacity, corruptBytes);
        raiseAlarm();
    }

    private void readSegment(long number) throws IOException {
        Path path = files.path(number);
        byte[] bytes = Files.readAllBytes(path);
        JournalScan scan = JournalScan.of(bytes, codec, path);
        SegmentUse use = new SegmentUse();
        segments.put(number, use);
        for (JournalScan.Decoded decoded : scan.records()) {
            if (decoded.entry() instanceof JournalCodec.Tap tap) {
                if (pending.putIfAbsent(tap.record().tapId(), new Pending(tap.record(), number)) == null) {
                    use.pendingTaps++;
                }
            } else if (decoded.entry() instanceof JournalCodec.Ack ack) {
                for (TapId id : ack.tapIds()) {
                    Pending removed = pending.remove(id);
                    if (removed != null) {
                        segments.get(removed.segment()).pendingTaps--;
                    }
                }
            }
        }
        corruptBytes += scan.corruptBytes();
        use.bytes = scan.goodEnd();
        if (scan.goodEnd() < bytes.length) {
            logger.warn("Torn journal tail cut [file={}, at={}, bytes={}]", path, scan.goodEnd(),
                    bytes.length - scan.goodEnd());
            try (Segment segment = Segment.open(number, path, false)) {
                segment.truncate(scan.goodEnd());
            }
        }
        usedBytes += use.bytes;
    }

    /** Carries the pending taps of an old single-file journal over into segments, then deletes that file. */
    private void migrateLegacyFile() throws IOException {
        Path legacy = dataDir.resolve(LegacyJournalFile.FILE_NAME);
        if (!Files.exists(legacy)) {
            return;
        }
        refreshCapacity();
        int carried = 0;
        for (TapRecord tap : LegacyJournalFile.pendingTaps(legacy, codec)) {
            if (!pending.containsKey(tap.tapId())) { // carried before a crash in the middle of a migration
                append(tap);
                carried++;
            }
        }
        Files.delete(legacy);
        SegmentFiles.forceDirectory(dataDir);
        logger.info("Single-file tap journal migrated to segments [file={}, carried={}]", legacy, carried);
    }

    private boolean hasRoomFor(int length) {
        if (usedBytes + length <= capacity && DiskLevel.of(usedBytes, capacity) != DiskLevel.FULL) {
            return true;
        }
        refreshCapacity();
        return usedBytes + length <= capacity && DiskLevel.of(usedBytes, capacity) != DiskLevel.FULL;
    }

    private void refreshCapacity() {
        try {
            capacity = Math.min(maxBytes, usedBytes + Math.max(0, files.usableSpace() - FILE_SYSTEM_RESERVE));
        } catch (IOException e) {
            logger.warn("Usable space unknown, keeping the last figure [dir={}]: {}", files.directory(),
                    e.getMessage());
            capacity = Math.min(maxBytes, capacity == 0 ? maxBytes : capacity);
        }
    }

    private void write(ByteBuffer record) throws IOException {
        long before = active.size();
        active.append(record);
        long written = active.size() - before;
        segments.get(active.number()).bytes += written;
        usedBytes += written;
    }

    private void roll() throws IOException {
        long next = active.number() + 1;
        Segment created = files.create(next);
        active.close();
        active = created;
        segments.put(next, new SegmentUse());
        refreshCapacity();
        logger.debug("Tap journal segment started [file={}]", created.path());
    }

    /**
     * Deletes the oldest segments while they hold no pending tap. Only a prefix is ever deleted: an
     * acknowledgement record refers to taps in its own or older segments, so no kept record loses its meaning.
     * When nothing is pending at all, the active segment is rolled so that it can go too.
     */
    private void freeAcknowledgedSegments() throws IOException {
        if (pending.isEmpty() && active.size() > 0) {
            roll();
        }
        List<Long> free = new ArrayList<>();
        for (var entry : segments.entrySet()) {
            if (entry.getKey() == active.number() || entry.getValue().pendingTaps > 0) {
                break;
            }
            free.add(entry.getKey());
        }
        if (free.isEmpty()) {
            return;
        }
        files.delete(free);
        for (long number : free) {
            usedBytes -= segments.remove(number).bytes;
        }
        logger.debug("Acknowledged journal segments deleted [dir={}, segments={}]", files.directory(), free.size());
    }

    /** Logs once when the disk level changes: WARN at WARNING, ERROR at CRITICAL and FULL, INFO when it falls. */
    private void raiseAlarm() {
        DiskLevel level = DiskLevel.of(usedBytes, capacity);
        if (level == alarmedLevel) {
            return;
        }
        DiskLevel before = alarmedLevel;
        alarmedLevel = level;
        String message = "Tap journal disk level {} [from={}, used={}, limit={}, pending={}]";
        switch (level) {
            case OK -> logger.info(message, level, before, usedBytes, capacity, pending.size());
            case WARNING -> logger.warn(message, level, before, usedBytes, capacity, pending.size());
            case CRITICAL, FULL -> logger.error(message, level, before, usedBytes, capacity, pending.size());
        }
    }

    private void ensureOpen() {
        if (files == null) {
            throw new IllegalStateException("tap journal is closed: " + dataDir.resolve(DIRECTORY));
        }
    }

    private void closeQuietly() {
        try {
            if (active != null) {
                active.close();
            }
            if (files != null) {
                files.close();
            }
        } catch (IOException e) {
            logger.warn("Closing tap journal failed [dir={}]", dataDir.resolve(DIRECTORY), e);
        } finally {
            active = null;
            files = null;
        }
    }
}
