package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.faregate.fares.Money;
import org.faregate.fares.charging.SpendTier;

/**
 * Reads {@code faregate_spend_tiers.txt}: one set of tiers for now (a second spend_tier_id is
 * {@code conflicting_rows}), thresholds unique, returned in increasing order whatever the row order.
 */
final class SpendTierReader {

    static final String FILE = "faregate_spend_tiers.txt";

    private final FeedFiles files;
    private final Notices notices;
    private final ExtensionUses uses;

    SpendTierReader(FeedFiles files, Notices notices, ExtensionUses uses) {
        this.files = files;
        this.notices = notices;
        this.uses = uses;
    }

    List<SpendTier> read() {
        List<SpendTier> tiers = new ArrayList<>();
        Optional<CsvTable> table = files.table(FILE, false,
                List.of("spend_tier_id", "threshold_amount", "currency", "percent_off"), List.of());
        if (table.isEmpty()) {
            return tiers;
        }
        FeedFiles.Keys keys = new FeedFiles.Keys();
        String setId = null;
        int setLine = 0;
        for (CsvTable.Row row : table.get().rows()) {
            Fields f = new Fields(row, notices);
            String id = f.required("spend_tier_id");
            Optional<Currency> currency = f.currency("currency");
            Optional<Money> threshold = f.nonNegativeAmount("threshold_amount", currency);
            f.required("percent_off");
            Optional<Integer> percent = f.integer("percent_off", 0, 100);
            if (f.ok() && setId != null && !setId.equals(id)) {
                f.problem(NoticeCode.CONFLICTING_ROWS, "spend_tier_id", "one spend tier set per feed for now: '"
                        + setId + "' is defined on line " + setLine + ", here '" + id + "'");
            }
            if (f.ok() && keys.firstTime(f, "threshold_amount", threshold.orElseThrow())) {
                if (setId == null) {
                    setId = id;
                    setLine = f.line();
                }
                tiers.add(new SpendTier(threshold.orElseThrow(), percent.orElseThrow()));
                uses.currency(f, currency.orElseThrow());
            }
        }
        tiers.sort(Comparator.comparingLong(tier -> tier.threshold().minor()));
        return tiers;
    }
}
