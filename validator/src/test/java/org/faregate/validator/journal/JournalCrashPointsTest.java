package org.faregate.validator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash at every byte: a journal of a few taps and acknowledgements over several segments, cut at every
 * byte offset of its files (as a crash in the middle of any write leaves them), and separately with every
 * byte flipped. Recovery must keep every tap whose append returned before the cut, minus those whose
 * acknowledgement returned before it, in order; it must never invent or duplicate a tap.
 */
class JournalCrashPointsTest {

    private static final long SEGMENT = 560;
    private final JournalTaps data = new JournalTaps();

    @TempDir
    Path dir;

    /** One step of the script: the bytes it wrote end at {@code end}; {@code tap} is set for an append. */
    private record Step(long start, long end, TapRecord tap, List<TapRecord> pendingAfter) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<TapRecord> appended = new ArrayList<>();
    /** Each segment file's bytes, oldest first, after the whole script. */
    private final List<byte[]> segments = new ArrayList<>();

    /** Where crashed copies are opened: memory (/dev/shm) when there is one; the recovery logic is under test. */
    private Path crashDir;

    @BeforeEach
    void runTheScript() throws IOException {
        Path shm = Path.of("/dev/shm");
        crashDir = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "faregate-crash-") : dir.resolve("crashed");
        Path original = dir.resolve("original");
        Map<TapId, TapRecord> pending = new LinkedHashMap<>();
        try (SegmentedTapJournal journal = SegmentedTapJournal.open(original, Long.MAX_VALUE >> 2, SEGMENT)) {
            for (int i = 0; i < 6; i++) {
                TapRecord tap = data.tap(i);
                long start = journal.status().usedBytes();
                journal.append(tap);
                appended.add(tap);
                pending.put(tap.tapId(), tap);
                steps.add(new Step(start, journal.status().usedBytes(), tap, List.copyOf(pending.values())));
                if (i % 3 == 2) { // acknowledge some taps, never the first: no segment is deleted
                    List<TapId> acked = List.of(appended.get(i - 1).tapId(), appended.get(i).tapId());
                    start = journal.status().usedBytes();
                    journal.acknowledge(acked);
                    acked.forEach(pending::remove);
                    steps.add(new Step(start, journal.status().usedBytes(), null, List.copyOf(pending.values())));
                }
            }
        }
        for (Path segment : JournalTaps.segmentFiles(original)) {
            segments.add(Files.readAllBytes(segment));
        }
        assertThat(segments.size()).as("segment files").isGreaterThanOrEqualTo(3);
    }

    @Test
    void cutAtEveryByteKeepsExactlyWhatWasDecidedBeforeTheCut() throws IOException {
        byte[] all = concatenated();
        for (int cut = 0; cut <= all.length; cut++) {
            Path crashed = crashCopy(cut, -1);
            try (SegmentedTapJournal journal = SegmentedTapJournal.open(crashed, Long.MAX_VALUE >> 2, SEGMENT)) {
                assertThat(journal.pending(1000)).as("cut at byte %d", cut).containsExactlyElementsOf(expectedAt(cut));
                assertThat(journal.corruptBytes()).as("cut at byte %d", cut).isZero();
            }
        }
    }

    @Test
    void flippedByteLosesAtMostTheTapItHitAndInventsNothing() throws IOException {
        byte[] all = concatenated();
        List<TapRecord> finalPending = steps.get(steps.size() - 1).pendingAfter();
        for (int flip = 0; flip < all.length; flip++) {
            Path crashed = crashCopy(all.length, flip);
            TapRecord hit = tapWrittenAt(flip);
            try (SegmentedTapJournal journal = SegmentedTapJournal.open(crashed, Long.MAX_VALUE >> 2, SEGMENT)) {
                List<TapRecord> recovered = journal.pending(1000);
                assertThat(recovered).as("byte %d flipped", flip).doesNotHaveDuplicates();
                assertThat(appended).as("byte %d flipped", flip).containsSubsequence(recovered);
                assertThat(recovered).as("byte %d flipped", flip)
                        .containsAll(finalPending.stream().filter(tap -> tap != hit).toList());
            }
        }
    }

    @AfterEach
    void removeCrashCopies() throws IOException {
        try (Stream<Path> paths = Files.walk(crashDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private List<TapRecord> expectedAt(long cut) {
        List<TapRecord> expected = List.of();
        for (Step step : steps) {
            if (step.end() <= cut) {
                expected = step.pendingAfter();
            }
        }
        return expected;
    }

    private TapRecord tapWrittenAt(long offset) {
        return steps.stream().filter(s -> s.start() <= offset && offset < s.end()).findFirst()
                .map(Step::tap).orElse(null);
    }

    private byte[] concatenated() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        segments.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * The journal's files as a crash at byte {@code cut} of their concatenation leaves them: earlier segments
     * whole, the one holding the cut truncated there (empty if it had just been created), later ones absent.
     * With {@code flip >= 0}, that byte is inverted as well.
     */
    private Path crashCopy(long cut, int flip) throws IOException {
        Path crashed = crashDir;
        Path journalDir = Files.createDirectories(JournalTaps.journalDir(crashed));
        long start = 0;
        for (int i = 0; i < segments.size(); i++) {
            Path file = journalDir.resolve(SegmentFiles.name(i + 1));
            byte[] bytes = segments.get(i);
            if (start > cut) {
                Files.deleteIfExists(file);
                continue;
            }
            byte[] kept = Arrays.copyOf(bytes, (int) Math.min(bytes.length, cut - start));
            if (flip >= start && flip < start + kept.length) {
                kept[(int) (flip - start)] ^= (byte) 0xFF;
            }
            Files.write(file, kept); // reused between crashes: writing in place is cheaper than a new directory
            start += bytes.length;
        }
        return crashed;
    }
}
