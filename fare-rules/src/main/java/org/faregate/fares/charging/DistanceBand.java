package org.faregate.fares.charging;

import java.util.Objects;
import org.faregate.fares.Money;

/**
 * Beyond {@code fromMetres}, every started {@code stepMetres} adds {@code stepFare}, up to {@code toMetres}.
 * Beijing's 12–32 km band is {@code (12000, 32000, 10000, 1.00)}: two steps of ¥1.
 *
 * @param toMetres end of the band, or {@link #UNBOUNDED}; the band's length must be a whole number of steps
 */
public record DistanceBand(long fromMetres, long toMetres, long stepMetres, Money stepFare) {

    public static final long UNBOUNDED = Long.MAX_VALUE;

    public DistanceBand {
        Objects.requireNonNull(stepFare, "stepFare");
        if (fromMetres < 0 || toMetres <= fromMetres || stepMetres <= 0) {
            throw new IllegalArgumentException("band needs 0 <= from < to and step > 0, was from=" + fromMetres
                    + " to=" + toMetres + " step=" + stepMetres);
        }
        if (toMetres != UNBOUNDED && (toMetres - fromMetres) % stepMetres != 0) {
            throw new IllegalArgumentException("band " + fromMetres + "-" + toMetres
                    + " m is not a whole number of " + stepMetres + " m steps");
        }
        if (stepFare.isNegative()) {
            throw new IllegalArgumentException("step fare must not be negative, was " + stepFare);
        }
    }

    public static DistanceBand unbounded(long fromMetres, long stepMetres, Money stepFare) {
        return new DistanceBand(fromMetres, UNBOUNDED, stepMetres, stepFare);
    }

    /**
     * Steps started at {@code metres} with bands {@code (lower, upper]}: a distance exactly on a step
     * boundary has not started the next step.
     */
    long stepsUpTo(long metres) {
        if (metres <= fromMetres) {
            return 0;
        }
        long inBand = Math.min(metres, toMetres) - fromMetres;
        return (inBand + stepMetres - 1) / stepMetres;
    }
}
