package org.faregate.fares.gtfs;

import java.util.Objects;
import java.util.Optional;

/** A row of fare_leg_join_rules.txt: two consecutive legs that count as one effective fare leg. */
public record FareLegJoinRule(int line, NetworkId fromNetwork, NetworkId toNetwork,
                              Optional<StopId> fromStop, Optional<StopId> toStop) {

    public FareLegJoinRule {
        Objects.requireNonNull(fromNetwork, "fromNetwork");
        Objects.requireNonNull(toNetwork, "toNetwork");
        Objects.requireNonNull(fromStop, "fromStop");
        Objects.requireNonNull(toStop, "toStop");
    }
}
