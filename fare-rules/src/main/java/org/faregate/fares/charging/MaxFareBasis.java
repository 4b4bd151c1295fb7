package org.faregate.fares.charging;

import java.util.Objects;
import org.faregate.fares.Money;

/** How the maximum fare of an incomplete journey is found. */
public sealed interface MaxFareBasis {

    /** The same amount for every incomplete journey of the network (London style). */
    record Flat(Money amount) implements MaxFareBasis {
        public Flat {
            Objects.requireNonNull(amount, "amount");
            if (amount.isNegative()) {
                throw new IllegalArgumentException("maximum fare must not be negative, was " + amount);
            }
        }
    }

    /**
     * The highest fare from the known station (Sound Transit style): the entry of a journey without
     * exit or an over-long one; for an exit without entry, the highest fare to that exit's station.
     */
    record HighestFromOrigin() implements MaxFareBasis {
    }
}
