package org.faregate.fares;

/**
 * A whole-percent discount on a non-negative amount, computed exactly in minor units.
 *
 * <p>Rounding: the discounted amount {@code minor * (100 - percent) / 100} is rounded half up to
 * the currency's minor unit, i.e. an exact half goes to the higher amount (the rider pays the
 * half unit). Examples: 3.25 at 50% = 1.625 -> 1.63; 0.01 at 50% = 0.005 -> 0.01;
 * 0.03 at 33% = 0.0201 -> 0.02.
 */
record PercentDiscount(int percent) {

    static final PercentDiscount NONE = new PercentDiscount(0);

    PercentDiscount {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("discount percent must be 0..100, was " + percent);
        }
    }

    Money applyTo(Money amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot discount a negative amount: " + amount);
        }
        long hundredths = Math.multiplyExact(amount.minor(), 100L - percent);
        return Money.of(Math.addExact(hundredths, 50) / 100, amount.currency());
    }

    boolean isNone() {
        return percent == 0;
    }
}
