package org.faregate.fares.engine;

import java.util.Objects;
import org.faregate.fares.Money;

/**
 * The fare of one ride before spend tiers and caps.
 *
 * @param maximumFare       a maximum fare (incomplete journey, or an unknown fare charged as one):
 *                          spend tiers do not discount it
 * @param countsTowardsCaps false for a maximum fare the operator keeps out of caps
 */
record JourneyFare(Ride ride, Money fare, String explanation, boolean maximumFare, boolean countsTowardsCaps) {

    JourneyFare {
        Objects.requireNonNull(ride, "ride");
        Objects.requireNonNull(fare, "fare");
        Objects.requireNonNull(explanation, "explanation");
        if (fare.isNegative()) {
            throw new IllegalArgumentException("a ride's fare must not be negative: " + fare);
        }
    }
}
