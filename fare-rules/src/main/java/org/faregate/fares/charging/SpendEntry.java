package org.faregate.fares.charging;

import java.time.Instant;
import java.util.Objects;
import org.faregate.fares.Money;

/** A fare before the spend-tier discount: charged on {@code chargeId}, incurred at {@code at}; not negative. */
public record SpendEntry(String chargeId, Instant at, Money fare) {

    public SpendEntry {
        Ids.requireNonBlank(chargeId, "chargeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fare, "fare");
        if (fare.isNegative()) {
            throw new IllegalArgumentException("fare must not be negative, was " + fare);
        }
    }
}
