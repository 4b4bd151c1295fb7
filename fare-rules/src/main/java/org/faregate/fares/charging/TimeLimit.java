package org.faregate.fares.charging;

import java.time.Duration;
import java.util.Objects;
import org.faregate.fares.Money;

/**
 * Time-limited validity inside the paid area: a ride of at most {@code validity} (entry to exit, exactly
 * the validity included) has no surcharge; beyond it every started {@code surchargePeriod} adds
 * {@code surchargePerPeriod}. One second over a 2 h validity with 30 min periods is one period.
 */
public record TimeLimit(Duration validity, Duration surchargePeriod, Money surchargePerPeriod) {

    public TimeLimit {
        requirePositive(validity, "validity");
        requirePositive(surchargePeriod, "surchargePeriod");
        Objects.requireNonNull(surchargePerPeriod, "surchargePerPeriod");
        if (surchargePerPeriod.isNegative()) {
            throw new IllegalArgumentException("surcharge must not be negative, was " + surchargePerPeriod);
        }
    }

    /** The surcharge of a complete journey (zero within the validity), with its explanation. */
    public Price surcharge(Journey.Complete journey) {
        return surcharge(journey.duration());
    }

    Price surcharge(Duration ride) {
        if (ride.compareTo(validity) <= 0) {
            return new Price(Money.zero(surchargePerPeriod.currency()),
                    "ride " + Durations.text(ride) + " within " + Durations.text(validity) + " validity: no surcharge");
        }
        Duration over = ride.minus(validity);
        long periods = over.dividedBy(surchargePeriod);
        if (surchargePeriod.multipliedBy(periods).compareTo(over) < 0) {
            periods++;
        }
        Money amount = surchargePerPeriod.times(periods);
        return new Price(amount, "ride " + Durations.text(ride) + ", " + Durations.text(over) + " over "
                + Durations.text(validity) + " validity: " + periods + " started " + Durations.text(surchargePeriod)
                + " period(s) x " + surchargePerPeriod.toDecimalString() + " = " + amount.toDecimalString());
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
