package org.faregate.validator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.faregate.validator.journal.JournalTaps.ids;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.faregate.protocol.wire.TapRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal keeps within its byte allowance: levels rise as it fills, and when full it refuses, keeping all. */
class JournalAllowanceTest {

    private static final long LIMIT = 64L << 10;
    private static final long SEGMENT = 8L << 10;
    private final JournalTaps data = new JournalTaps();

    @TempDir
    Path dir;

    @Test
    void fullJournalRefusesTheNextTapKeepsEveryEarlierOneAndRecoversWhenAcknowledged() {
        try (SegmentedTapJournal journal = SegmentedTapJournal.open(dir, LIMIT, SEGMENT)) {
            assertThat(journal.status().limitBytes()).isEqualTo(LIMIT);
            assertThat(journal.status().level()).isEqualTo(DiskLevel.OK);
            Set<DiskLevel> seen = new LinkedHashSet<>();
            List<TapRecord> kept = new ArrayList<>();
            JournalException refusal = null;
            for (int i = 0; i < 1000 && refusal == null; i++) {
                TapRecord tap = data.tap(i);
                try {
                    journal.append(tap);
                    kept.add(tap);
                } catch (JournalException e) {
                    refusal = e;
                }
                seen.add(journal.status().level());
            }

            assertThat(refusal).isNotNull().hasMessageContaining("journal full");
            assertThat(seen).containsExactly(DiskLevel.OK, DiskLevel.WARNING, DiskLevel.CRITICAL, DiskLevel.FULL);
            JournalStatus full = journal.status();
            assertThat(full.usedBytes()).isLessThanOrEqualTo(LIMIT);
            assertThat(full.pendingTaps()).isEqualTo(kept.size());
            assertThat(full.percentUsed()).isGreaterThanOrEqualTo(90);
            assertThat(journal.pending(10_000)).containsExactlyElementsOf(kept);
            assertThatThrownBy(() -> journal.append(data.tap(5000))).isInstanceOf(JournalException.class);

            journal.acknowledge(ids(kept.subList(0, kept.size() / 2)));

            assertThat(journal.status().level()).isEqualTo(DiskLevel.OK);
            journal.append(data.tap(5001));
            assertThat(journal.pendingCount()).isEqualTo(kept.size() - kept.size() / 2 + 1);
        }
    }

    @Test
    void allowanceIsTheFileSystemsRoomWhenThatIsSmaller() {
        try (SegmentedTapJournal journal = SegmentedTapJournal.open(dir, Long.MAX_VALUE)) {
            JournalStatus status = journal.status();
            assertThat(status.limitBytes()).isLessThan(Long.MAX_VALUE);
            assertThat(status.limitBytes()).isCloseTo(
                    dir.toFile().getUsableSpace() - SegmentedTapJournal.FILE_SYSTEM_RESERVE, within(64L << 20));
        }
    }
}
