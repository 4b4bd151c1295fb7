package org.faregate.fares.charging;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Prices a complete journey by the table distance between its entry and exit stations. */
public record DistanceFare(DistanceTable table, DistanceBands bands) {

    public DistanceFare {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(bands, "bands");
    }

    /** The fare from one station to another, or empty when the table has no distance for the pair. */
    public Optional<Price> fare(String fromStopId, String toStopId) {
        OptionalLong metres = table.metres(fromStopId, toStopId);
        if (metres.isEmpty()) {
            return Optional.empty();
        }
        Price price = bands.fareFor(metres.getAsLong());
        return Optional.of(new Price(price.amount(), fromStopId + "->" + toStopId + " " + price.explanation()));
    }

    public Optional<Price> fare(Journey.Complete journey) {
        return fare(journey.entry().stopId(), journey.exit().stopId());
    }
}
