package org.faregate.fares.charging;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.faregate.fares.Money;

/**
 * A fare before caps, as the cap ledger sees it.
 *
 * @param chargeId          the tap (or journey) the fare is charged on; unique in one ledger run
 * @param at                when the fare is incurred (the journey's first tap)
 * @param fare              the fare before caps; not negative
 * @param riderCategory     the rider category of the fare
 * @param networkId         the network of the journey
 * @param areas             the areas (zones) the journey touched; may be empty
 * @param countsTowardsCaps false for a maximum fare that caps must neither reduce nor count (London)
 */
public record CapEntry(String chargeId, Instant at, Money fare, String riderCategory, String networkId,
                       Set<String> areas, boolean countsTowardsCaps) {

    public CapEntry {
        Ids.requireNonBlank(chargeId, "chargeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fare, "fare");
        if (fare.isNegative()) {
            throw new IllegalArgumentException("fare before caps must not be negative, was " + fare);
        }
        Ids.requireNonBlank(riderCategory, "riderCategory");
        Ids.requireNonBlank(networkId, "networkId");
        areas = Ids.copyOf(areas, "areas");
    }
}
