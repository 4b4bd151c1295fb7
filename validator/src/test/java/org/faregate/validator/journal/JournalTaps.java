package org.faregate.validator.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapRecord;

/** Test data for journal tests: tap records, and copies of a journal's files as a crash would leave them. */
final class JournalTaps {

    static final Instant T = Instant.parse("2025-06-02T08:00:00Z");
    private final SecureRandom random = new SecureRandom();

    TapRecord tap(int n) {
        boolean accepted = n % 3 != 0;
        return new TapRecord(TapId.timeOrdered(Instant.now(), random), GateId.of("S01-IN-1"), StationId.of("S01"), Direction.ENTRY,
                T.plusSeconds(n), n % 2 == 0 ? "qr" : "nfc",
                accepted ? CredentialId.random(random) : null, accepted ? AccountId.of(n + 1) : null,
                accepted ? Reason.ACCEPTED : Reason.BAD_SIGNATURE);
    }

    List<TapRecord> append(TapJournal journal, int count) {
        List<TapRecord> taps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TapRecord tap = tap(i);
            journal.append(tap);
            taps.add(tap);
        }
        return taps;
    }

    static List<TapId> ids(List<TapRecord> taps) {
        return taps.stream().map(TapRecord::tapId).toList();
    }

    static Path journalDir(Path dataDir) {
        return dataDir.resolve(SegmentedTapJournal.DIRECTORY);
    }

    /** The segment files of the journal in {@code dataDir}, oldest first. */
    static List<Path> segmentFiles(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(journalDir(dataDir))) {
            return files.filter(f -> f.getFileName().toString().endsWith(SegmentFiles.SUFFIX)).sorted().toList();
        }
    }

    /** What survives a power cut: the segment files as they are, opened by a new process in {@code to}. */
    static Path copySegments(Path dataDir, Path to) throws IOException {
        Files.createDirectories(journalDir(to));
        for (Path segment : segmentFiles(dataDir)) {
            Files.copy(segment, journalDir(to).resolve(segment.getFileName()));
        }
        return to;
    }
}
