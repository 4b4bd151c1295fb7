package org.faregate.fares.gtfs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.faregate.fares.Money;

/**
 * Applies fare_transfer_rules.txt along a journey. A run starts at a leg paid in full; each next leg is a
 * transfer of the run when a rule goes from the previous leg's group to its group (directional; an empty
 * group means every group not listed in that column), the run's transfer count allows it (the smallest
 * transfer_count at or above the current count; -1 unlimited) and the duration_limit, measured from the
 * first leg of the run, is not exceeded. Among the rules left, the cheapest for the rider wins.
 */
final class TransferPricer {

    /** The cost a transfer adds for the leg after it, and the rule. */
    record Applied(FareTransferRule rule, Money amount, String how) {
    }

    private final FaresFeed feed;
    private final Set<LegGroupId> listedFrom = new HashSet<>();
    private final Set<LegGroupId> listedTo = new HashSet<>();

    TransferPricer(FaresFeed feed) {
        this.feed = feed;
        for (FareTransferRule rule : feed.transferRules()) {
            rule.fromLegGroup().ifPresent(listedFrom::add);
            rule.toLegGroup().ifPresent(listedTo::add);
        }
    }

    /**
     * The transfer from {@code previous} (charged {@code previousCharge}) to {@code next}, as transfer number
     * {@code count} of a run that began with {@code first}; empty when no rule applies.
     */
    Optional<Applied> transfer(EffectiveLeg first, LegMatch previous, Money previousCharge, EffectiveLeg next,
                               LegMatch nextMatch, int count, Predicate<FareProduct> eligible) {
        Optional<LegGroupId> from = previous.rule().legGroup();
        Optional<LegGroupId> to = nextMatch.rule().legGroup();
        List<FareTransferRule> candidates = feed.transferRules().stream()
                .filter(rule -> group(rule.fromLegGroup(), from, listedFrom))
                .filter(rule -> group(rule.toLegGroup(), to, listedTo))
                .filter(rule -> rule.transferCount().map(c -> c == -1 || c >= count).orElse(true))
                .filter(rule -> withinLimit(rule, first, next))
                .toList();
        int smallest = candidates.stream().flatMap(rule -> rule.transferCount().stream())
                .mapToInt(c -> c == -1 ? Integer.MAX_VALUE : c).min().orElse(Integer.MAX_VALUE);
        List<Applied> applicable = new ArrayList<>();
        for (FareTransferRule rule : candidates) {
            int ruleCount = rule.transferCount().map(c -> c == -1 ? Integer.MAX_VALUE : c).orElse(smallest);
            if (ruleCount != smallest) {
                continue;
            }
            transferProduct(rule, eligible, nextMatch.product().amount())
                    .ifPresent(ab -> applicable.add(cost(rule, ab, previousCharge, nextMatch.product().amount())));
        }
        return applicable.stream().min(Comparator.comparing(Applied::amount)
                .thenComparingInt(applied -> applied.rule().line()));
    }

    private static Applied cost(FareTransferRule rule, Money ab, Money a, Money b) {
        return switch (rule.fareTransferType()) {
            case FROM_LEG_PLUS_TRANSFER -> new Applied(rule, ab, "A + AB: transfer " + ab);
            case FROM_LEG_PLUS_TRANSFER_PLUS_TO_LEG -> new Applied(rule, ab.plus(b),
                    "A + AB + B: transfer " + ab + " + leg " + b);
            case TRANSFER_ONLY -> new Applied(rule, ab.minus(a), "AB: " + ab + " less " + a + " already charged");
        };
    }

    private Optional<Money> transferProduct(FareTransferRule rule, Predicate<FareProduct> eligible, Money sameCurrency) {
        if (rule.fareProduct().isEmpty()) {
            return Optional.of(Money.zero(sameCurrency.currency()));
        }
        return feed.fareProducts().getOrDefault(rule.fareProduct().get(), List.of()).stream()
                .filter(eligible).map(FareProduct::amount).min(Comparator.naturalOrder());
    }

    private static boolean group(Optional<LegGroupId> ruleGroup, Optional<LegGroupId> legGroup, Set<LegGroupId> listed) {
        if (ruleGroup.isPresent()) {
            return ruleGroup.equals(legGroup);
        }
        return legGroup.map(g -> !listed.contains(g)).orElse(true);
    }

    private static boolean withinLimit(FareTransferRule rule, EffectiveLeg first, EffectiveLeg next) {
        if (rule.durationLimit().isEmpty()) {
            return true;
        }
        FareTransferRule.DurationLimitType type = rule.durationLimitType().orElseThrow();
        Instant start = switch (type) {
            case DEPARTURE_TO_ARRIVAL, DEPARTURE_TO_DEPARTURE -> first.departure();
            case ARRIVAL_TO_DEPARTURE, ARRIVAL_TO_ARRIVAL -> first.arrival();
        };
        Instant end = switch (type) {
            case DEPARTURE_TO_ARRIVAL, ARRIVAL_TO_ARRIVAL -> next.arrival();
            case DEPARTURE_TO_DEPARTURE, ARRIVAL_TO_DEPARTURE -> next.departure();
        };
        return Duration.between(start, end).compareTo(rule.durationLimit().get()) <= 0;
    }
}
