package org.faregate.fares.gtfs;

import java.util.Objects;

/** A row of rider_categories.txt; the default category prices riders who name none. */
public record RiderCategory(RiderCategoryId id, String name, boolean isDefault) {

    public RiderCategory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
