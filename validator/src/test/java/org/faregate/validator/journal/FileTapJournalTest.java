package org.faregate.validator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTapJournalTest {

    private static final Instant T = Instant.parse("2025-06-02T08:00:00Z");
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    private TapRecord tap(int n) {
        boolean accepted = n % 3 != 0;
        return new TapRecord(TapId.random(random), GateId.of("S01-IN-1"), StationId.of("S01"), Direction.ENTRY,
                T.plusSeconds(n), n % 2 == 0 ? "qr" : "nfc",
                accepted ? CredentialId.random(random) : null, accepted ? AccountId.of(n + 1) : null,
                accepted ? Reason.ACCEPTED : Reason.BAD_SIGNATURE);
    }

    private List<TapRecord> appendTaps(TapJournal journal, int count) {
        List<TapRecord> taps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TapRecord tap = tap(i);
            journal.append(tap);
            taps.add(tap);
        }
        return taps;
    }

    private Path journalFile() {
        return dir.resolve(FileTapJournal.FILE_NAME);
    }

    /** What survives a power cut: the bytes on disk, opened by a new process (here: another directory). */
    private Path copyAsAfterCrash() throws IOException {
        Path crashed = Files.createDirectory(dir.resolve("after-crash"));
        Files.copy(journalFile(), crashed.resolve(FileTapJournal.FILE_NAME));
        return crashed;
    }

    @Test
    void pendingTapsSurviveReopenInOrder() {
        List<TapRecord> taps;
        try (FileTapJournal journal = FileTapJournal.open(dir)) {
            taps = appendTaps(journal, 5);
        }

        try (FileTapJournal reopened = FileTapJournal.open(dir)) {
            assertThat(reopened.pending(100)).containsExactlyElementsOf(taps);
            assertThat(reopened.pending(2)).containsExactlyElementsOf(taps.subList(0, 2));
        }
    }

    @Test
    void everyAppendedTapIsOnDiskWithoutClose() throws IOException {
        FileTapJournal journal = FileTapJournal.open(dir);
        List<TapRecord> taps = appendTaps(journal, 20);
        journal.acknowledge(List.of(taps.get(0).tapId()));

        try (FileTapJournal afterCrash = FileTapJournal.open(copyAsAfterCrash())) {
            assertThat(afterCrash.pending(100)).containsExactlyElementsOf(taps.subList(1, 20));
        } finally {
            journal.close();
        }
    }

    @Test
    void tornTailIsCutAndEarlierRecordsStayIntact() throws IOException {
        List<TapRecord> taps;
        try (FileTapJournal journal = FileTapJournal.open(dir)) {
            taps = appendTaps(journal, 4);
        }
        long size = Files.size(journalFile());
        try (FileChannel channel = FileChannel.open(journalFile(), StandardOpenOption.WRITE)) {
            channel.truncate(size - 7);
        }

        try (FileTapJournal reopened = FileTapJournal.open(dir)) {
            assertThat(reopened.pending(100)).containsExactlyElementsOf(taps.subList(0, 3));
            TapRecord next = tap(10);
            reopened.append(next);
            assertThat(reopened.pending(100)).endsWith(next);
        }
        try (FileTapJournal again = FileTapJournal.open(dir)) {
            assertThat(again.pendingCount()).isEqualTo(4);
            assertThat(again.corruptBytes()).isZero();
        }
    }

    @Test
    void garbageAfterTheLastRecordIsCut() throws IOException {
        List<TapRecord> taps;
        try (FileTapJournal journal = FileTapJournal.open(dir)) {
            taps = appendTaps(journal, 3);
        }
        long size = Files.size(journalFile());
        byte[] garbage = new byte[300];
        random.nextBytes(garbage);
        garbage[0] = JournalCodec.MAGIC;
        garbage[1] = JournalCodec.TYPE_TAP;
        Files.write(journalFile(), garbage, StandardOpenOption.APPEND);

        try (FileTapJournal reopened = FileTapJournal.open(dir)) {
            assertThat(reopened.pending(100)).containsExactlyElementsOf(taps);
            assertThat(reopened.fileSize()).isEqualTo(size);
        }
        assertThat(Files.size(journalFile())).isEqualTo(size);
    }

    @Test
    void corruptRecordInTheMiddleDoesNotTakeLaterTapsWithIt() throws IOException {
        List<TapRecord> taps;
        try (FileTapJournal journal = FileTapJournal.open(dir)) {
            taps = appendTaps(journal, 3);
        }
        byte[] bytes = Files.readAllBytes(journalFile());
        bytes[JournalCodec.HEADER + 5] ^= 0x20; // inside the first record's JSON
        Files.write(journalFile(), bytes);

        try (FileTapJournal reopened = FileTapJournal.open(dir)) {
            assertThat(reopened.pending(100)).containsExactlyElementsOf(taps.subList(1, 3));
            assertThat(reopened.corruptBytes()).isPositive();
        }
    }

    @Test
    void acknowledgementsAreDurable() {
        List<TapRecord> taps;
        try (FileTapJournal journal = FileTapJournal.open(dir)) {
            taps = appendTaps(journal, 6);
            journal.acknowledge(List.of(taps.get(1).tapId(), taps.get(4).tapId()));
        }

        try (FileTapJournal reopened = FileTapJournal.open(dir)) {
            assertThat(reopened.pending(100)).containsExactly(taps.get(0), taps.get(2), taps.get(3), taps.get(5));
        }
    }

    @Test
    void repeatedAndUnknownAcknowledgementsAreHarmless() {
        try (FileTapJournal journal = FileTapJournal.open(dir)) {
            List<TapRecord> taps = appendTaps(journal, 3);
            List<TapId> first = List.of(taps.get(0).tapId());
            journal.acknowledge(first);
            long size = journal.fileSize();

            journal.acknowledge(first);
            journal.acknowledge(List.of(TapId.random(random)));

            assertThat(journal.fileSize()).isEqualTo(size);
            assertThat(journal.pending(100)).containsExactlyElementsOf(taps.subList(1, 3));
        }
    }

    @Test
    void compactionKeepsOnlyPendingTaps() {
        try (FileTapJournal journal = FileTapJournal.open(dir, 4096)) {
            List<TapRecord> taps = appendTaps(journal, 40);
            journal.acknowledge(taps.subList(0, 38).stream().map(TapRecord::tapId).toList());

            assertThat(journal.fileSize()).isLessThan(4096);
            assertThat(journal.pending(100)).containsExactlyElementsOf(taps.subList(38, 40));
            TapRecord next = tap(99);
            journal.append(next);
        }
        try (FileTapJournal reopened = FileTapJournal.open(dir)) {
            assertThat(reopened.pendingCount()).isEqualTo(3);
        }
    }

    @Test
    void secondOpenerOfOneJournalIsRefused() {
        try (FileTapJournal journal = FileTapJournal.open(dir)) {
            assertThatThrownBy(() -> FileTapJournal.open(dir))
                    .isInstanceOf(JournalException.class)
                    .hasMessageContaining(dir.toString());
            assertThat(journal.pendingCount()).isZero();
        }
    }
}
