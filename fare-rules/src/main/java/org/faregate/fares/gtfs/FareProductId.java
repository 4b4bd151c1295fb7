package org.faregate.fares.gtfs;

/** The id of a fare product (fare_products.fare_product_id). Never blank. */
public record FareProductId(String value) {

    public FareProductId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("FareProductId must not be blank");
        }
    }

    public static FareProductId of(String value) {
        return new FareProductId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
