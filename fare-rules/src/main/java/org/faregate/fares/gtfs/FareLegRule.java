package org.faregate.fares.gtfs;

import java.util.Objects;
import java.util.Optional;

/** A row of fare_leg_rules.txt; {@code line} names it in explanations. Priority is 0 when empty or absent. */
public record FareLegRule(int line, Optional<LegGroupId> legGroup, Optional<NetworkId> network,
                          Optional<AreaId> fromArea, Optional<AreaId> toArea,
                          Optional<TimeframeGroupId> fromTimeframe, Optional<TimeframeGroupId> toTimeframe,
                          FareProductId product, int priority) {

    public FareLegRule {
        Objects.requireNonNull(legGroup, "legGroup");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(fromArea, "fromArea");
        Objects.requireNonNull(toArea, "toArea");
        Objects.requireNonNull(fromTimeframe, "fromTimeframe");
        Objects.requireNonNull(toTimeframe, "toTimeframe");
        Objects.requireNonNull(product, "product");
        if (priority < 0) {
            throw new IllegalArgumentException("rule_priority must not be negative, was " + priority);
        }
    }

    /** {@code fare_leg_rules.txt:LINE}, how explanations cite the rule. */
    public String cite() {
        return "fare_leg_rules.txt:" + line;
    }
}
