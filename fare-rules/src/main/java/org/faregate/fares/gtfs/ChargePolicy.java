package org.faregate.fares.gtfs;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the product to charge among the matches a rider is eligible for (GTFS lists every matching
 * product and does not choose).
 */
@FunctionalInterface
public interface ChargePolicy {

    Optional<LegMatch> choose(List<LegMatch> eligible);

    /** The cheapest; ties go to the earliest rule line, then the earliest product line. */
    static ChargePolicy cheapest() {
        return eligible -> eligible.stream().min(Comparator
                .comparing((LegMatch m) -> m.product().amount())
                .thenComparingInt(m -> m.rule().line())
                .thenComparingInt(m -> m.product().line()));
    }
}
