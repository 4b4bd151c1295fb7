package org.faregate.fares;

import java.time.Instant;
import java.util.Objects;

/**
 * One tap of an account, as the fare rules see it.
 *
 * @param tapId         unique id of the tap within the priced list; non-blank
 * @param at            when the tap happened
 * @param stationId     where the tap happened (station or stop id); non-blank
 * @param event         entry, exit or board
 * @param riderCategory the rider category of the credential, e.g. {@code "adult"}, {@code "child"}; non-blank
 */
public record FareTap(String tapId, Instant at, String stationId, TapEvent event, String riderCategory) {

    public FareTap {
        requireNonBlank(tapId, "tapId");
        Objects.requireNonNull(at, "at");
        requireNonBlank(stationId, "stationId");
        Objects.requireNonNull(event, "event");
        requireNonBlank(riderCategory, "riderCategory");
    }

    static void requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
