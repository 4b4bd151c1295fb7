package org.faregate.fares.charging;

import java.util.Objects;

/**
 * A network's policy for incomplete journeys.
 *
 * @param networkId         the network whose incomplete journeys this rule prices
 * @param basis             flat amount or highest fare from the origin
 * @param countsTowardsCaps false (London): the maximum fare is charged in full, never capped, and
 *                          adds nothing to any cap; true: it is capped and counted like any fare
 * @param boundedByDailyCap true (Sydney Opal): the maximum fare is never more than the daily cap
 */
public record MaxFareRule(String networkId, MaxFareBasis basis, boolean countsTowardsCaps, boolean boundedByDailyCap) {

    public MaxFareRule {
        Ids.requireNonBlank(networkId, "networkId");
        Objects.requireNonNull(basis, "basis");
    }
}
