package org.faregate.fares.gtfs;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fare_leg_rules.txt rows that match an effective leg, with both meanings of an empty network_id,
 * from_area_id or to_area_id:
 * <ul>
 * <li>no rule_priority column: empty means every value not listed anywhere in that column (a leg whose
 *     value — or, for areas, every area of its stop — is unlisted; a leg with no network or area too);</li>
 * <li>rule_priority column present: empty is a wildcard, and only matches of the highest priority survive.</li>
 * </ul>
 * An empty timeframe group never affects matching; a given one must contain the departure (from) or arrival
 * (to) in the stop's local time.
 */
final class LegRuleMatcher {

    private final FaresFeed feed;
    private final TimeframeMatcher timeframes;
    private final Set<NetworkId> listedNetworks = new HashSet<>();
    private final Set<AreaId> listedFromAreas = new HashSet<>();
    private final Set<AreaId> listedToAreas = new HashSet<>();

    LegRuleMatcher(FaresFeed feed) {
        this.feed = feed;
        this.timeframes = new TimeframeMatcher(feed);
        for (FareLegRule rule : feed.legRules()) {
            rule.network().ifPresent(listedNetworks::add);
            rule.fromArea().ifPresent(listedFromAreas::add);
            rule.toArea().ifPresent(listedToAreas::add);
        }
    }

    List<FareLegRule> matching(EffectiveLeg leg) {
        Set<AreaId> fromAreas = feed.areasOf(leg.fromStop());
        Set<AreaId> toAreas = feed.areasOf(leg.toStop());
        Set<NetworkId> networks = leg.network().map(Set::of).orElse(Set.of());
        List<FareLegRule> matches = feed.legRules().stream()
                .filter(rule -> field(rule.network(), networks, listedNetworks))
                .filter(rule -> field(rule.fromArea(), fromAreas, listedFromAreas))
                .filter(rule -> field(rule.toArea(), toAreas, listedToAreas))
                .filter(rule -> rule.fromTimeframe().map(g -> timeframes.matches(g, leg.fromStop(), leg.departure()))
                        .orElse(true))
                .filter(rule -> rule.toTimeframe().map(g -> timeframes.matches(g, leg.toStop(), leg.arrival()))
                        .orElse(true))
                .toList();
        if (!feed.rulePriorityColumn()) {
            return matches;
        }
        int highest = matches.stream().mapToInt(FareLegRule::priority).max().orElse(0);
        return matches.stream().filter(rule -> rule.priority() == highest).toList();
    }

    private <T> boolean field(Optional<T> ruleValue, Set<T> legValues, Set<T> listed) {
        if (ruleValue.isPresent()) {
            return legValues.contains(ruleValue.get());
        }
        if (feed.rulePriorityColumn()) {
            return true;
        }
        return legValues.stream().noneMatch(listed::contains);
    }
}
