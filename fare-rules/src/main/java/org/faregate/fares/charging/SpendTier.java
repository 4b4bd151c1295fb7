package org.faregate.fares.charging;

import java.util.Objects;
import org.faregate.fares.Money;

/**
 * From {@code threshold} spent in the month (inclusive), later rides get {@code percentOff} whole percent
 * off. A tier with 0 % ends an earlier discount (Beijing: no discount once 400.00 is spent).
 */
public record SpendTier(Money threshold, int percentOff) {

    public SpendTier {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("threshold must not be negative, was " + threshold);
        }
        if (percentOff < 0 || percentOff > 100) {
            throw new IllegalArgumentException("percent off must be 0..100, was " + percentOff);
        }
    }

    /**
     * {@code fare x (100 - percentOff) / 100}, rounded half up to the minor unit (the rider pays an exact
     * half unit): 5.00 at 20 % = 4.00; 0.05 at 50 % = 0.025 -> 0.03; 0.03 at 33 % = 0.0201 -> 0.02.
     */
    Money applyTo(Money fare) {
        long hundredths = Math.multiplyExact(fare.minor(), 100L - percentOff);
        return Money.of(Math.addExact(hundredths, 50) / 100, fare.currency());
    }
}
