package org.faregate.fares.gtfs;

import java.util.Objects;

/** A row of fare_media.txt: what holds or validates a fare product (card, app, contactless…). */
public record FareMedia(FareMediaId id, String name, int type) {

    public FareMedia {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (type < 0 || type > 4) {
            throw new IllegalArgumentException("fare_media_type must be 0..4, was " + type);
        }
    }
}
