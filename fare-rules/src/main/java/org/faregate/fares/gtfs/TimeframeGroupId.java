package org.faregate.fares.gtfs;

/** The id of a timeframe group (timeframes.timeframe_group_id). Never blank. */
public record TimeframeGroupId(String value) {

    public TimeframeGroupId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("TimeframeGroupId must not be blank");
        }
    }

    public static TimeframeGroupId of(String value) {
        return new TimeframeGroupId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
