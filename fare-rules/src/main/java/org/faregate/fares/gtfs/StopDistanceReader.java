package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.fares.charging.DistanceTable;
import org.faregate.fares.charging.StopDistance;

/**
 * Reads {@code faregate_stop_distances.txt} into a symmetric {@link DistanceTable}. A pair given twice in the
 * same direction is {@code duplicate_key}; a reverse row with another distance is {@code conflicting_rows}
 * naming both lines.
 */
final class StopDistanceReader {

    static final String FILE = "faregate_stop_distances.txt";

    private record Seen(int line, long metres) {
    }

    private final FeedFiles files;
    private final Notices notices;
    private final ExtensionUses uses;

    StopDistanceReader(FeedFiles files, Notices notices, ExtensionUses uses) {
        this.files = files;
        this.notices = notices;
        this.uses = uses;
    }

    /** The table, or empty when the file is absent or unreadable. */
    Optional<DistanceTable> read() {
        Optional<CsvTable> table = files.table(FILE, false, List.of("from_stop_id", "to_stop_id", "distance_m"), List.of());
        if (table.isEmpty()) {
            return Optional.empty();
        }
        List<StopDistance> rows = new ArrayList<>();
        Map<List<String>, Seen> seen = new HashMap<>();
        FeedFiles.Keys keys = new FeedFiles.Keys();
        for (CsvTable.Row row : table.get().rows()) {
            Fields f = new Fields(row, notices);
            String from = f.required("from_stop_id");
            String to = f.required("to_stop_id");
            f.required("distance_m");
            Optional<Integer> metres = f.integer("distance_m", 0, Integer.MAX_VALUE);
            if (!f.ok() || !keys.firstTime(f, "to_stop_id", List.of(from, to))) {
                continue;
            }
            Seen reverse = seen.get(List.of(to, from));
            if (reverse != null && reverse.metres() != metres.orElseThrow()) {
                f.problem(NoticeCode.CONFLICTING_ROWS, "distance_m", from + "->" + to + " is " + metres.orElseThrow()
                        + " m here but " + to + "->" + from + " is " + reverse.metres() + " m on line " + reverse.line());
                continue;
            }
            seen.put(List.of(from, to), new Seen(f.line(), metres.orElseThrow()));
            rows.add(new StopDistance(from, to, metres.orElseThrow()));
            uses.stop(f, "from_stop_id", from);
            uses.stop(f, "to_stop_id", to);
        }
        return Optional.of(DistanceTable.of(rows, true));
    }
}
