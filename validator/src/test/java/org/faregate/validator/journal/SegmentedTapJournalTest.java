package org.faregate.validator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.validator.journal.JournalTaps.ids;
import static org.faregate.validator.journal.JournalTaps.segmentFiles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentedTapJournalTest {

    private static final long LIMIT = SegmentedTapJournal.DEFAULT_MAX_BYTES;
    private final JournalTaps data = new JournalTaps();

    @TempDir
    Path dir;

    private SegmentedTapJournal open() {
        return SegmentedTapJournal.open(dir, LIMIT);
    }

    /** A journal whose segments hold about five taps each. */
    private SegmentedTapJournal openSmallSegments(Path dataDir) {
        return SegmentedTapJournal.open(dataDir, LIMIT, 1500);
    }

    /** A journal holding {@code count} taps, closed again; returns the taps in append order. */
    private List<TapRecord> closedJournalWith(int count) {
        try (SegmentedTapJournal journal = open()) {
            return data.append(journal, count);
        }
    }

    private Path lastSegment() throws IOException {
        List<Path> files = segmentFiles(dir);
        return files.get(files.size() - 1);
    }

    @Test
    void pendingTapsSurviveReopenInOrder() {
        List<TapRecord> taps = closedJournalWith(5);

        try (SegmentedTapJournal reopened = open()) {
            assertThat(reopened.pending(100)).containsExactlyElementsOf(taps);
            assertThat(reopened.pending(2)).containsExactlyElementsOf(taps.subList(0, 2));
        }
    }

    @Test
    void everyAppendedTapIsOnDiskWithoutClose() throws IOException {
        SegmentedTapJournal journal = openSmallSegments(dir);
        List<TapRecord> taps = data.append(journal, 20);
        journal.acknowledge(List.of(taps.get(0).tapId()));

        try (SegmentedTapJournal afterCrash = openSmallSegments(JournalTaps.copySegments(dir, dir.resolve("crash")))) {
            assertThat(afterCrash.pending(100)).containsExactlyElementsOf(taps.subList(1, 20));
        } finally {
            journal.close();
        }
    }

    @Test
    void rollsToNewSegmentsAndKeepsTheOrderAcrossThem() throws IOException {
        List<TapRecord> taps;
        try (SegmentedTapJournal journal = openSmallSegments(dir)) {
            taps = data.append(journal, 23);
            assertThat(journal.status().segments()).isEqualTo(segmentFiles(dir).size()).isGreaterThanOrEqualTo(4);
        }
        for (Path segment : segmentFiles(dir)) {
            assertThat(Files.size(segment)).isLessThanOrEqualTo(1500);
        }
        assertThat(segmentFiles(dir).get(0).getFileName().toString()).isEqualTo("00000000000000000001.seg");

        try (SegmentedTapJournal reopened = openSmallSegments(dir)) {
            assertThat(reopened.pending(100)).containsExactlyElementsOf(taps);
        }
    }

    @Test
    void segmentIsDeletedOnlyWhenItAndEveryOlderOneAreAcknowledged() throws IOException {
        try (SegmentedTapJournal journal = openSmallSegments(dir)) {
            List<TapRecord> taps = data.append(journal, 23);
            int segments = segmentFiles(dir).size();

            journal.acknowledge(ids(taps.subList(1, 12))); // all but the very first of the two oldest segments
            assertThat(segmentFiles(dir)).hasSize(segments);

            journal.acknowledge(List.of(taps.get(0).tapId()));
            assertThat(segmentFiles(dir)).hasSizeLessThan(segments);
            assertThat(journal.pending(100)).containsExactlyElementsOf(taps.subList(12, 23));
            assertThat(journal.status().segments()).isEqualTo(segmentFiles(dir).size());
        }
        try (SegmentedTapJournal reopened = openSmallSegments(dir)) {
            assertThat(reopened.pendingCount()).isEqualTo(11);
        }
    }

    @Test
    void everythingAcknowledgedLeavesOneEmptySegment() throws IOException {
        try (SegmentedTapJournal journal = openSmallSegments(dir)) {
            List<TapRecord> taps = data.append(journal, 23);
            journal.acknowledge(ids(taps));

            assertThat(segmentFiles(dir)).hasSize(1);
            assertThat(Files.size(segmentFiles(dir).get(0))).isZero();
            assertThat(journal.status().usedBytes()).isZero();
            journal.append(data.tap(99));
        }
        try (SegmentedTapJournal reopened = openSmallSegments(dir)) {
            assertThat(reopened.pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void tornTailIsCutAndEarlierRecordsStayIntact() throws IOException {
        List<TapRecord> taps = closedJournalWith(4);
        long size = Files.size(lastSegment());
        try (FileChannel channel = FileChannel.open(lastSegment(), StandardOpenOption.WRITE)) {
            channel.truncate(size - 7);
        }

        try (SegmentedTapJournal reopened = open()) {
            assertThat(reopened.pending(100)).containsExactlyElementsOf(taps.subList(0, 3));
            TapRecord next = data.tap(10);
            reopened.append(next);
            assertThat(reopened.pending(100)).endsWith(next);
        }
        try (SegmentedTapJournal again = open()) {
            assertThat(again.pendingCount()).isEqualTo(4);
            assertThat(again.corruptBytes()).isZero();
        }
    }

    @Test
    void garbageAfterTheLastRecordIsCut() throws IOException {
        List<TapRecord> taps = closedJournalWith(3);
        long size = Files.size(lastSegment());
        byte[] garbage = new byte[300];
        new SecureRandom().nextBytes(garbage);
        garbage[0] = JournalCodec.MAGIC;
        garbage[1] = JournalCodec.TYPE_TAP;
        Files.write(lastSegment(), garbage, StandardOpenOption.APPEND);

        try (SegmentedTapJournal reopened = open()) {
            assertThat(reopened.pending(100)).containsExactlyElementsOf(taps);
            assertThat(reopened.status().usedBytes()).isEqualTo(size);
        }
        assertThat(Files.size(lastSegment())).isEqualTo(size);
    }

    @Test
    void corruptRecordInTheMiddleDoesNotTakeLaterTapsWithIt() throws IOException {
        List<TapRecord> taps = closedJournalWith(3);
        byte[] bytes = Files.readAllBytes(lastSegment());
        bytes[JournalCodec.HEADER + 5] ^= 0x20; // inside the first record's JSON
        Files.write(lastSegment(), bytes);

        try (SegmentedTapJournal reopened = open()) {
            assertThat(reopened.pending(100)).containsExactlyElementsOf(taps.subList(1, 3));
            assertThat(reopened.corruptBytes()).isPositive();
        }
    }

    @Test
    void acknowledgementsAreDurable() {
        List<TapRecord> taps;
        try (SegmentedTapJournal journal = open()) {
            taps = data.append(journal, 6);
            journal.acknowledge(List.of(taps.get(1).tapId(), taps.get(4).tapId()));
        }

        try (SegmentedTapJournal reopened = open()) {
            assertThat(reopened.pending(100)).containsExactly(taps.get(0), taps.get(2), taps.get(3), taps.get(5));
        }
    }

    @Test
    void repeatedAndUnknownAcknowledgementsAreHarmless() {
        try (SegmentedTapJournal journal = open()) {
            List<TapRecord> taps = data.append(journal, 3);
            List<TapId> first = List.of(taps.get(0).tapId());
            journal.acknowledge(first);
            long size = journal.status().usedBytes();

            journal.acknowledge(first);
            journal.acknowledge(List.of(data.tap(50).tapId()));

            assertThat(journal.status().usedBytes()).isEqualTo(size);
            assertThat(journal.pending(100)).containsExactlyElementsOf(taps.subList(1, 3));
        }
    }

    @Test
    void singleFileJournalOfAnOlderVersionIsMigrated() throws IOException {
        JournalCodec codec = new JournalCodec();
        List<TapRecord> taps = List.of(data.tap(1), data.tap(2), data.tap(3), data.tap(4));
        Path legacy = dir.resolve(LegacyJournalFile.FILE_NAME);
        try (FileChannel out = FileChannel.open(legacy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (TapRecord tap : taps) {
                out.write(codec.encodeTap(tap));
            }
            out.write(codec.encodeAck(List.of(taps.get(1).tapId())));
        }

        try (SegmentedTapJournal journal = open()) {
            assertThat(journal.pending(100)).containsExactly(taps.get(0), taps.get(2), taps.get(3));
        }
        assertThat(legacy).doesNotExist();
        try (SegmentedTapJournal reopened = open()) {
            assertThat(reopened.pending(100)).containsExactly(taps.get(0), taps.get(2), taps.get(3));
        }
    }

    @Test
    void migrationCutShortByACrashCarriesEachTapOnce() throws IOException {
        JournalCodec codec = new JournalCodec();
        List<TapRecord> taps = List.of(data.tap(1), data.tap(2), data.tap(3));
        try (SegmentedTapJournal journal = open()) {
            journal.append(taps.get(0)); // as if the first migration copied one tap and then died
        }
        try (FileChannel out = FileChannel.open(dir.resolve(LegacyJournalFile.FILE_NAME),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (TapRecord tap : taps) {
                out.write(codec.encodeTap(tap));
            }
        }

        try (SegmentedTapJournal journal = open()) {
            assertThat(journal.pending(100)).containsExactlyElementsOf(taps);
        }
    }

    @Test
    void secondOpenerOfOneJournalIsRefused() {
        try (SegmentedTapJournal journal = open()) {
            assertThatThrownBy(this::open)
                    .isInstanceOf(JournalException.class)
                    .hasMessageContaining(dir.toString());
            assertThat(journal.pendingCount()).isZero();
        }
    }
}
