package org.faregate.fares.gtfs;

import java.time.Duration;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.fares.Money;
import org.faregate.fares.charging.TimeLimit;

/** Reads {@code faregate_time_limits.txt}: one time-limited validity per gated network. */
final class TimeLimitReader {

    static final String FILE = "faregate_time_limits.txt";

    private final FeedFiles files;
    private final Notices notices;
    private final ExtensionUses uses;

    TimeLimitReader(FeedFiles files, Notices notices, ExtensionUses uses) {
        this.files = files;
        this.notices = notices;
        this.uses = uses;
    }

    Map<String, TimeLimit> read() {
        Map<String, TimeLimit> limits = new HashMap<>();
        files.table(FILE, false, List.of("network_id", "validity_minutes", "surcharge_period_minutes",
                "surcharge_amount", "currency"), List.of()).ifPresent(table -> {
                    FeedFiles.Keys keys = new FeedFiles.Keys();
                    for (CsvTable.Row row : table.rows()) {
                        Fields f = new Fields(row, notices);
                        String network = f.required("network_id");
                        Optional<Integer> validity = minutes(f, "validity_minutes");
                        Optional<Integer> period = minutes(f, "surcharge_period_minutes");
                        Optional<Currency> currency = f.currency("currency");
                        Optional<Money> surcharge = f.nonNegativeAmount("surcharge_amount", currency);
                        if (f.ok() && keys.firstTime(f, "network_id", network)) {
                            limits.put(network, new TimeLimit(Duration.ofMinutes(validity.orElseThrow()),
                                    Duration.ofMinutes(period.orElseThrow()), surcharge.orElseThrow()));
                            uses.network(f, "network_id", network);
                            uses.currency(f, currency.orElseThrow());
                        }
                    }
                });
        return limits;
    }

    private static Optional<Integer> minutes(Fields f, String field) {
        f.required(field);
        return f.integer(field, 1, Integer.MAX_VALUE);
    }
}
