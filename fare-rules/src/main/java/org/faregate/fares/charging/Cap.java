package org.faregate.fares.charging;

import java.util.Objects;
import org.faregate.fares.Money;

/** A fare cap: within one window of {@code period}, fares in {@code scope} cost at most {@code amount} in all. */
public record Cap(String capId, CapPeriod period, Money amount, CapScope scope) {

    public Cap {
        Ids.requireNonBlank(capId, "capId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(scope, "scope");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cap amount must not be negative, was " + amount);
        }
    }

    String label() {
        return period.adjective() + " cap " + capId + " " + amount.toDecimalString();
    }
}
