package org.faregate.fares;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One tap of an account, as the fare rules see it.
 *
 * @param tapId         unique id of the tap within the priced list; non-blank
 * @param at            when the tap happened
 * @param stationId     where the tap happened (station or stop id); non-blank
 * @param event         entry, exit or board
 * @param riderCategory the rider category of the credential, e.g. {@code "adult"}, {@code "child"}; non-blank
 * @param routeId       the route the tap was made on (a bus validator knows its route), if known; non-blank
 *                      when present. Rules that know no routes ignore it
 * @param fareMediaId   what the rider tapped with (GTFS {@code fare_media_id}), if known; non-blank when
 *                      present. Rules that know no fare media ignore it
 */
public record FareTap(String tapId, Instant at, String stationId, TapEvent event, String riderCategory,
                      Optional<String> routeId, Optional<String> fareMediaId) {

    public FareTap {
        requireNonBlank(tapId, "tapId");
        Objects.requireNonNull(at, "at");
        requireNonBlank(stationId, "stationId");
        Objects.requireNonNull(event, "event");
        requireNonBlank(riderCategory, "riderCategory");
        Objects.requireNonNull(routeId, "routeId");
        routeId.ifPresent(id -> requireNonBlank(id, "routeId"));
        Objects.requireNonNull(fareMediaId, "fareMediaId");
        fareMediaId.ifPresent(id -> requireNonBlank(id, "fareMediaId"));
    }

    /** A tap with no route and no fare media. */
    public FareTap(String tapId, Instant at, String stationId, TapEvent event, String riderCategory) {
        this(tapId, at, stationId, event, riderCategory, Optional.empty(), Optional.empty());
    }

    static void requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
