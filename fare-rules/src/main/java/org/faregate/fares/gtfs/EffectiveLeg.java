package org.faregate.fares.gtfs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Consecutive legs that fare_leg_join_rules.txt make one fare leg: departure of the first, arrival of the
 * last. The network is the legs' common network, or none when joined legs differ.
 *
 * @param legs the indexes of the joined legs in the journey, ascending
 */
record EffectiveLeg(List<Integer> legs, Optional<NetworkId> network, StopId fromStop, StopId toStop,
                    Instant departure, Instant arrival) {

    EffectiveLeg {
        legs = List.copyOf(legs);
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("an effective leg has at least one leg");
        }
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(fromStop, "fromStop");
        Objects.requireNonNull(toStop, "toStop");
        Objects.requireNonNull(departure, "departure");
        Objects.requireNonNull(arrival, "arrival");
    }

    static EffectiveLeg of(int index, FareLeg leg, FaresFeed feed) {
        return new EffectiveLeg(List.of(index), leg.networkIn(feed), leg.fromStop(), leg.toStop(),
                leg.departure(), leg.arrival());
    }
}
