package org.faregate.fares.gtfs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.fares.Money;
import org.faregate.fares.charging.MaxFareBasis;
import org.faregate.fares.charging.MaxFareRule;

/**
 * Reads {@code faregate_max_fares.txt}: one row per gated network, its maximum journey time and maximum fare.
 * {@code amount} and {@code currency} are required for {@code flat} and ignored for {@code highest_from_origin}.
 */
final class MaxFareReader {

    static final String FILE = "faregate_max_fares.txt";
    private static final Map<String, Boolean> TYPES = Map.of("flat", true, "highest_from_origin", false);

    final List<MaxFareRule> rules = new ArrayList<>();
    final Map<String, Duration> maxJourneyByNetwork = new HashMap<>();

    private final FeedFiles files;
    private final Notices notices;
    private final ExtensionUses uses;

    MaxFareReader(FeedFiles files, Notices notices, ExtensionUses uses) {
        this.files = files;
        this.notices = notices;
        this.uses = uses;
    }

    void read() {
        files.table(FILE, false, List.of("network_id", "max_journey_minutes", "max_fare_type"),
                List.of("amount", "currency", "counts_towards_caps", "bounded_by_daily_cap")).ifPresent(table -> {
                    FeedFiles.Keys keys = new FeedFiles.Keys();
                    for (CsvTable.Row row : table.rows()) {
                        Fields f = new Fields(row, notices);
                        String network = f.required("network_id");
                        f.required("max_journey_minutes");
                        Optional<Integer> minutes = f.integer("max_journey_minutes", 1, Integer.MAX_VALUE);
                        Optional<Boolean> flat = f.oneOf("max_fare_type", TYPES);
                        Optional<MaxFareBasis> basis = flat.flatMap(isFlat -> isFlat ? flat(f) : Optional.of(
                                new MaxFareBasis.HighestFromOrigin()));
                        boolean counts = f.enumValue("counts_towards_caps", 1).orElse(0) == 1;
                        boolean bounded = f.enumValue("bounded_by_daily_cap", 1).orElse(0) == 1;
                        if (f.ok() && keys.firstTime(f, "network_id", network)) {
                            rules.add(new MaxFareRule(network, basis.orElseThrow(), counts, bounded));
                            maxJourneyByNetwork.put(network, Duration.ofMinutes(minutes.orElseThrow()));
                            uses.network(f, "network_id", network);
                        }
                    }
                });
    }

    private Optional<MaxFareBasis> flat(Fields f) {
        Optional<Currency> currency = f.currency("currency");
        Optional<Money> amount = f.nonNegativeAmount("amount", currency);
        currency.ifPresent(c -> uses.currency(f, c));
        return amount.map(MaxFareBasis.Flat::new);
    }
}
