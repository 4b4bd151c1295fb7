package org.faregate.validator.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapRecord;

/**
 * The single-file journal ({@code taps.journal} in the data directory) that gates wrote before segments:
 * the same records, in one file. Read once on open so that its pending taps move into segments.
 */
final class LegacyJournalFile {

    static final String FILE_NAME = "taps.journal";

    private LegacyJournalFile() {
    }

    /** The taps in {@code file} that it does not acknowledge, in append order; torn and corrupt bytes skipped. */
    static List<TapRecord> pendingTaps(Path file, JournalCodec codec) throws IOException {
        JournalScan scan = JournalScan.of(Files.readAllBytes(file), codec, file);
        Map<TapId, TapRecord> pending = new LinkedHashMap<>();
        for (JournalScan.Decoded decoded : scan.records()) {
            if (decoded.entry() instanceof JournalCodec.Tap tap) {
                pending.put(tap.record().tapId(), tap.record());
            } else if (decoded.entry() instanceof JournalCodec.Ack ack) {
                ack.tapIds().forEach(pending::remove);
            }
        }
        return new ArrayList<>(pending.values());
    }
}
