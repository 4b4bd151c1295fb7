package org.faregate.fares.gtfs;

import java.util.Objects;
import java.util.Optional;
import org.faregate.fares.Money;

/**
 * One row of fare_products.txt: a product's price for one rider category and one fare media. An empty
 * category or media means the row applies to every category or media. The amount may be zero or negative.
 */
public record FareProduct(FareProductId id, String name, Optional<RiderCategoryId> riderCategory,
                          Optional<FareMediaId> fareMedia, Money amount, int line) {

    public FareProduct {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(riderCategory, "riderCategory");
        Objects.requireNonNull(fareMedia, "fareMedia");
        Objects.requireNonNull(amount, "amount");
    }

    /** Whether a rider of {@code category} paying with {@code media} may buy this row. */
    boolean eligible(RiderCategoryId category, FareMediaId media) {
        return riderCategory.map(c -> c.equals(category)).orElse(true)
                && fareMedia.map(m -> m.equals(media)).orElse(true);
    }
}
