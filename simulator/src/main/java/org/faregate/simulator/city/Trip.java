package org.faregate.simulator.city;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One planned journey: into {@code origin} at {@code departAt}, out of {@code destination} after {@code ride}. */
public record Trip(Station origin, Station destination, Instant departAt, Duration ride) {

    public Trip {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(departAt, "departAt");
        if (origin.equals(destination)) {
            throw new IllegalArgumentException("a trip goes somewhere else: " + origin.id());
        }
        if (ride.isNegative() || ride.isZero()) {
            throw new IllegalArgumentException("a ride takes time: " + ride);
        }
    }

    public Instant arriveAt() {
        return departAt.plus(ride);
    }
}
