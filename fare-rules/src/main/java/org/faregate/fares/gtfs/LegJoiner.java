package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Joins consecutive legs into effective fare legs by fare_leg_join_rules.txt: leg A then leg B join when a
 * rule names A's network and B's network and, if it names stops, A ends at from_stop_id and B starts at
 * to_stop_id (a station stands for its child stops). Joins chain: A+B+C when both pairs match.
 */
final class LegJoiner {

    private final FaresFeed feed;

    LegJoiner(FaresFeed feed) {
        this.feed = feed;
    }

    List<EffectiveLeg> join(List<FareLeg> legs) {
        List<EffectiveLeg> result = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            FareLeg leg = legs.get(i);
            if (i > 0 && joins(legs.get(i - 1), leg)) {
                EffectiveLeg open = result.remove(result.size() - 1);
                List<Integer> indexes = new ArrayList<>(open.legs());
                indexes.add(i);
                Optional<NetworkId> network = open.network().equals(leg.networkIn(feed)) ? open.network() : Optional.empty();
                result.add(new EffectiveLeg(indexes, network, open.fromStop(), leg.toStop(), open.departure(),
                        leg.arrival()));
            } else {
                result.add(EffectiveLeg.of(i, leg, feed));
            }
        }
        return result;
    }

    private boolean joins(FareLeg before, FareLeg after) {
        Optional<NetworkId> from = before.networkIn(feed);
        Optional<NetworkId> to = after.networkIn(feed);
        if (from.isEmpty() || to.isEmpty()) {
            return false;
        }
        return feed.joinRules().stream().anyMatch(rule -> rule.fromNetwork().equals(from.get())
                && rule.toNetwork().equals(to.get())
                && rule.fromStop().map(stop -> isAt(before.toStop(), stop)).orElse(true)
                && rule.toStop().map(stop -> isAt(after.fromStop(), stop)).orElse(true));
    }

    private boolean isAt(StopId stop, StopId stopOrStation) {
        return stop.equals(stopOrStation)
                || feed.findStop(stop).flatMap(Stop::parentStation).map(stopOrStation::equals).orElse(false);
    }
}
