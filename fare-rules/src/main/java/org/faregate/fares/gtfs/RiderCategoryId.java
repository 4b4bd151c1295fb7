package org.faregate.fares.gtfs;

/** The id of a rider category (rider_categories.rider_category_id). Never blank. */
public record RiderCategoryId(String value) {

    public RiderCategoryId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("RiderCategoryId must not be blank");
        }
    }

    public static RiderCategoryId of(String value) {
        return new RiderCategoryId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
