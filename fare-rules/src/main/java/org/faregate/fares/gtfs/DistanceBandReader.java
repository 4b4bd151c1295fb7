package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faregate.fares.Money;
import org.faregate.fares.charging.BoundaryRule;
import org.faregate.fares.charging.DistanceBand;
import org.faregate.fares.charging.DistanceBands;

/**
 * Reads {@code faregate_distance_bands.txt}: per distance_fare_id, in file order, a base row from 0 m and
 * bands that each start where the previous one ended ({@code distance_band_gap}); the rows of one id agree
 * on network, currency and boundary ({@code conflicting_rows}). At most one formula per network.
 */
final class DistanceBandReader {

    static final String FILE = "faregate_distance_bands.txt";
    private static final Map<String, BoundaryRule> BOUNDARIES = Map.of(
            "lower_band", BoundaryRule.LOWER_BAND, "upper_band", BoundaryRule.UPPER_BAND);

    /** One row whose fields all read well; {@code end} and {@code step} are 0 when empty. */
    record BandRow(int line, String network, long start, long end, long step, Money amount, BoundaryRule boundary) {
    }

    private final FeedFiles files;
    private final Notices notices;
    private final ExtensionUses uses;

    DistanceBandReader(FeedFiles files, Notices notices, ExtensionUses uses) {
        this.files = files;
        this.notices = notices;
        this.uses = uses;
    }

    /** The formulas by network; a formula with any bad row is left out (its errors are in the notices). */
    Map<String, DistanceBands> read() {
        Map<String, List<BandRow>> rowsById = new LinkedHashMap<>();
        Set<String> broken = new HashSet<>();
        files.table(FILE, false, List.of("distance_fare_id", "network_id", "band_start_m", "amount", "currency"),
                List.of("band_end_m", "step_m", "boundary_in")).ifPresent(table -> {
                    for (CsvTable.Row row : table.rows()) {
                        Fields f = new Fields(row, notices);
                        String id = f.required("distance_fare_id");
                        Optional<BandRow> band = band(f);
                        if (band.isPresent()) {
                            rowsById.computeIfAbsent(id, k -> new ArrayList<>()).add(band.get());
                        } else {
                            broken.add(id);
                        }
                    }
                });
        Map<String, DistanceBands> byNetwork = new HashMap<>();
        Map<String, Integer> networkLines = new HashMap<>();
        rowsById.forEach((id, rows) -> {
            if (broken.contains(id)) {
                return;
            }
            Optional<DistanceBands> bands = new BandChain(id, rows, notices).bands();
            String network = rows.get(0).network();
            Integer earlier = networkLines.putIfAbsent(network, rows.get(0).line());
            if (earlier != null) {
                notices.add(NoticeCode.DUPLICATE_KEY, FILE, rows.get(0).line(), "network_id", "network " + network
                        + " already has the distance fare on line " + earlier);
            } else {
                bands.ifPresent(b -> byNetwork.put(network, b));
            }
        });
        return byNetwork;
    }

    private Optional<BandRow> band(Fields f) {
        String network = f.required("network_id");
        f.required("band_start_m");
        Optional<Integer> start = f.integer("band_start_m", 0, Integer.MAX_VALUE);
        Optional<Integer> end = f.integer("band_end_m", 1, Integer.MAX_VALUE);
        Optional<Integer> step = f.integer("step_m", 1, Integer.MAX_VALUE);
        Optional<java.util.Currency> currency = f.currency("currency");
        Optional<Money> amount = f.nonNegativeAmount("amount", currency);
        BoundaryRule boundary = f.optional("boundary_in").isEmpty() ? BoundaryRule.LOWER_BAND
                : f.oneOf("boundary_in", BOUNDARIES).orElse(BoundaryRule.LOWER_BAND);
        if (!f.ok()) {
            return Optional.empty();
        }
        uses.network(f, "network_id", network);
        uses.currency(f, currency.orElseThrow());
        return Optional.of(new BandRow(f.line(), network, start.orElseThrow(), end.orElse(0), step.orElse(0),
                amount.orElseThrow(), boundary));
    }
}
