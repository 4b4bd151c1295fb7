package org.faregate.fares.gtfs;

/** The id of a area (areas.area_id). Never blank. */
public record AreaId(String value) {

    public AreaId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("AreaId must not be blank");
        }
    }

    public static AreaId of(String value) {
        return new AreaId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
