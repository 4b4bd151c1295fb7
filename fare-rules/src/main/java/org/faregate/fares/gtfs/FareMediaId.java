package org.faregate.fares.gtfs;

/** The id of a fare media (fare_media.fare_media_id). Never blank. */
public record FareMediaId(String value) {

    public FareMediaId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("FareMediaId must not be blank");
        }
    }

    public static FareMediaId of(String value) {
        return new FareMediaId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
