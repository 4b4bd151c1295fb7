package org.faregate.fares.gtfs;

/** The id of a stop (stops.stop_id). Never blank. */
public record StopId(String value) {

    public StopId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("StopId must not be blank");
        }
    }

    public static StopId of(String value) {
        return new StopId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
