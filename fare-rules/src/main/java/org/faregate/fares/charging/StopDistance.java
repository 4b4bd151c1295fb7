package org.faregate.fares.charging;

/** A row of a distance table: the fare distance between two stations in whole metres. */
public record StopDistance(String fromStopId, String toStopId, long metres) {

    public StopDistance {
        Ids.requireNonBlank(fromStopId, "fromStopId");
        Ids.requireNonBlank(toStopId, "toStopId");
        if (metres < 0) {
            throw new IllegalArgumentException("distance must not be negative, was " + metres);
        }
    }
}
