package org.faregate.fares.charging;

import java.util.List;
import java.util.Objects;
import org.faregate.fares.Money;

/**
 * A distance fare formula: {@code baseFare} up to {@code baseMetres}, then contiguous bands that each add a
 * fare per started step. Exact integer arithmetic on metres.
 *
 * <pre>
 * Shanghai: 3.00 to 6000 m; (6000, unbounded, 10000 m, 1.00)
 * Beijing:  3.00 to 6000 m; (6000, 12000, 6000 m, 1.00), (12000, 32000, 10000 m, 1.00),
 *           (32000, unbounded, 20000 m, 1.00)
 * </pre>
 *
 * Beyond a last bounded band (or with no band at all) the fare stays at its highest value.
 * With {@link BoundaryRule#UPPER_BAND} a distance {@code d} is priced as {@code d + 1} metre under the
 * {@code (lower, upper]} rule: for whole metres the two are the same thing, exactly on a boundary
 * moves up one band and nothing else changes.
 */
public record DistanceBands(Money baseFare, long baseMetres, List<DistanceBand> bands, BoundaryRule boundary) {

    public DistanceBands {
        Objects.requireNonNull(baseFare, "baseFare");
        Objects.requireNonNull(boundary, "boundary");
        bands = List.copyOf(bands);
        if (baseFare.isNegative() || baseMetres <= 0) {
            throw new IllegalArgumentException("base fare must not be negative and base distance positive");
        }
        long expectedFrom = baseMetres;
        for (DistanceBand band : bands) {
            if (band.fromMetres() != expectedFrom) {
                throw new IllegalArgumentException("band starting at " + band.fromMetres() + " m should start at "
                        + expectedFrom + " m: bands must be contiguous from the base distance");
            }
            if (!band.stepFare().currency().equals(baseFare.currency())) {
                throw new IllegalArgumentException("band currency differs from base fare currency");
            }
            expectedFrom = band.toMetres();
        }
    }

    /** The fare of a journey of {@code metres}, with how it was computed. */
    public Price fareFor(long metres) {
        if (metres < 0) {
            throw new IllegalArgumentException("distance must not be negative, was " + metres);
        }
        long priced = boundary == BoundaryRule.UPPER_BAND ? Math.addExact(metres, 1) : metres;
        Money fare = baseFare;
        StringBuilder why = new StringBuilder("distance ").append(km(metres)).append(" km: ")
                .append(baseFare.toDecimalString()).append(" to ").append(km(baseMetres)).append(" km");
        for (DistanceBand band : bands) {
            long steps = band.stepsUpTo(priced);
            if (steps > 0) {
                fare = fare.plus(band.stepFare().times(steps));
                why.append(" + ").append(steps).append(" x ").append(band.stepFare().toDecimalString())
                        .append(" per ").append(km(band.stepMetres())).append(" km");
            }
        }
        return new Price(fare, why.append(" = ").append(fare).toString());
    }

    private static String km(long metres) {
        return metres / 1000 + "." + String.format("%03d", metres % 1000);
    }
}
