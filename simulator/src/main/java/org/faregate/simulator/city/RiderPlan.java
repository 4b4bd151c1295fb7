package org.faregate.simulator.city;

import java.util.List;
import java.util.Objects;

/**
 * One simulated rider: how they pay, their category, what they put in their wallet at the start
 * (minor units), and the trips they mean to make.
 */
public record RiderPlan(int index, Media media, String category, long openingTopUpMinor, List<Trip> trips) {

    public RiderPlan {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(category, "category");
        trips = List.copyOf(trips);
        if (openingTopUpMinor <= 0) {
            throw new IllegalArgumentException("opening top-up must be positive");
        }
    }
}
