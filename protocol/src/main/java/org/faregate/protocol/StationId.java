package org.faregate.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A station (GTFS stop_id of the station), e.g. {@code S03}. */
public record StationId(String value) {

    public StationId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("station id must be 1-64 characters: '" + value + "'");
        }
    }

    @JsonCreator
    public static StationId of(String value) {
        return new StationId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
