package org.faregate.fares.engine;

import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;
import org.faregate.fares.Money;
import org.faregate.fares.charging.Extensions;
import org.faregate.fares.charging.MaxFareBasis;
import org.faregate.fares.gtfs.FaresFeed;

/** The one currency of a feed and its extensions: every fare product and every extension amount. */
final class Currencies {

    private Currencies() {
    }

    /** Throws {@link IllegalArgumentException} when there is no amount at all or more than one currency. */
    static Currency of(FaresFeed feed, Extensions extensions) {
        Set<String> codes = new TreeSet<>();
        feed.fareProducts().values().forEach(rows -> rows.forEach(row -> add(codes, row.amount())));
        extensions.caps().forEach(cap -> add(codes, cap.amount()));
        extensions.maxFares().forEach(rule -> {
            if (rule.basis() instanceof MaxFareBasis.Flat flat) {
                add(codes, flat.amount());
            }
        });
        extensions.distanceFaresByNetwork().values().forEach(fare -> add(codes, fare.bands().baseFare()));
        extensions.timeLimitsByNetwork().values().forEach(limit -> add(codes, limit.surchargePerPeriod()));
        extensions.spendTiers().forEach(tier -> add(codes, tier.threshold()));
        if (codes.size() != 1) {
            throw new IllegalArgumentException(codes.isEmpty() ? "no amount in any currency: the feed has no fare"
                    : "amounts in several currencies " + codes + ": an engine charges one currency");
        }
        return Currency.getInstance(codes.iterator().next());
    }

    private static void add(Set<String> codes, Money amount) {
        codes.add(amount.currency().getCurrencyCode());
    }
}
