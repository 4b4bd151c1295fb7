package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.faregate.fares.Money;

/**
 * GTFS-Fares v2 matching and pricing over one feed. Pure and immutable; safe to share.
 * {@link #legCandidates} lists every product a single leg could be charged; {@link #price} joins legs,
 * filters products by rider category and fare media, lets the {@link ChargePolicy} choose, and applies
 * transfer rules.
 */
public final class FareMatcher {

    private final FaresFeed feed;
    private final ChargePolicy policy;
    private final LegRuleMatcher legRules;
    private final LegJoiner joiner;
    private final TransferPricer transfers;

    private FareMatcher(FaresFeed feed, ChargePolicy policy) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.legRules = new LegRuleMatcher(feed);
        this.joiner = new LegJoiner(feed);
        this.transfers = new TransferPricer(feed);
    }

    /** A matcher charging the cheapest eligible product. */
    public static FareMatcher of(FaresFeed feed) {
        return new FareMatcher(feed, ChargePolicy.cheapest());
    }

    public static FareMatcher of(FaresFeed feed, ChargePolicy policy) {
        return new FareMatcher(feed, policy);
    }

    /** Every product row of every leg rule that matches this single leg (no joining, no rider filter). */
    public List<LegMatch> legCandidates(FareLeg leg) {
        return candidates(EffectiveLeg.of(0, leg, feed));
    }

    /**
     * Prices consecutive legs of one rider.
     *
     * @param riderCategory the rider's category; empty means the feed's default category
     * @param fareMedia     what the rider pays with; empty means any media
     */
    public JourneyQuote price(List<FareLeg> legs, Optional<RiderCategoryId> riderCategory,
                              Optional<FareMediaId> fareMedia) {
        Optional<RiderCategoryId> category = riderCategory.or(feed::defaultRiderCategory);
        Predicate<FareProduct> eligible = product -> product.riderCategory().map(c -> category.map(c::equals)
                .orElse(false)).orElse(true) && product.fareMedia().map(m -> fareMedia.map(m::equals).orElse(true))
                .orElse(true);
        List<EffectiveLeg> effective = joiner.join(legs);
        List<LegCharge> charges = new ArrayList<>();
        int runStart = -1;
        int transfersInRun = 0;
        for (int i = 0; i < effective.size(); i++) {
            EffectiveLeg leg = effective.get(i);
            List<LegMatch> all = candidates(leg);
            Optional<LegMatch> chosen = policy.choose(all.stream().filter(m -> eligible.test(m.product())).toList());
            if (chosen.isEmpty()) {
                charges.add(new LegCharge.Unknown(leg.legs(), all.isEmpty() ? "no fare leg rule matches"
                        : "no product of " + cite(all) + " for this rider category and fare media"));
                runStart = -1;
                continue;
            }
            String rules = "rules " + cite(all) + "; chose " + chosen.get();
            if (runStart >= 0 && charges.get(i - 1) instanceof LegCharge.Priced previous) {
                Optional<TransferPricer.Applied> applied = transfers.transfer(effective.get(runStart), previous.match(),
                        previous.amount(), leg, chosen.get(), transfersInRun + 1, eligible);
                if (applied.isPresent()) {
                    transfersInRun++;
                    charges.add(new LegCharge.Priced(leg.legs(), applied.get().amount(), chosen.get(),
                            Optional.of(applied.get().rule()), rules + "; transfer " + transfersInRun + " by "
                            + applied.get().rule().cite() + ": " + applied.get().how()));
                    continue;
                }
            }
            runStart = i;
            transfersInRun = 0;
            Money amount = chosen.get().product().amount();
            charges.add(new LegCharge.Priced(leg.legs(), amount, chosen.get(), Optional.empty(),
                    rules + "; full fare " + amount));
        }
        return new JourneyQuote(charges);
    }

    private List<LegMatch> candidates(EffectiveLeg leg) {
        List<LegMatch> matches = new ArrayList<>();
        for (FareLegRule rule : legRules.matching(leg)) {
            for (FareProduct product : feed.fareProducts().getOrDefault(rule.product(), List.of())) {
                matches.add(new LegMatch(rule, product));
            }
        }
        return matches;
    }

    private static String cite(List<LegMatch> matches) {
        return matches.stream().map(m -> m.rule().cite()).distinct().collect(Collectors.joining(", "));
    }
}
