package org.faregate.fares.gtfs;

/** The id of a leg group (fare_leg_rules.leg_group_id). Never blank. */
public record LegGroupId(String value) {

    public LegGroupId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("LegGroupId must not be blank");
        }
    }

    public static LegGroupId of(String value) {
        return new LegGroupId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
