package org.faregate.fares.charging;

import java.util.Objects;

/** The maximum fare of an incomplete journey and whether it goes into the cap ledger as a capped fare. */
public record MaxFareCharge(Price price, boolean countsTowardsCaps) {

    public MaxFareCharge {
        Objects.requireNonNull(price, "price");
    }
}
