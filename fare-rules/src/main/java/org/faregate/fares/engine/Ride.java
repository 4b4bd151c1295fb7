package org.faregate.fares.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.faregate.fares.charging.Journey;
import org.faregate.fares.charging.Tap;
import org.faregate.fares.gtfs.FareMediaId;
import org.faregate.fares.gtfs.NetworkId;
import org.faregate.fares.gtfs.RiderCategoryId;
import org.faregate.fares.gtfs.RouteId;

/**
 * A journey with what pricing needs of its taps. The rider category and fare media are those of the
 * journey's first tap; the route is the first tap's, else the exit's.
 *
 * @param networkId the network of the journey's taps, or {@link TapNetworks#NONE}
 * @param areas     the areas (zones) of every stop the journey touched, for cap scopes
 */
record Ride(Journey journey, String networkId, Optional<RouteId> route, String riderCategory,
            Optional<String> fareMedia, Set<String> areas) {

    Ride {
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(riderCategory, "riderCategory");
        Objects.requireNonNull(fareMedia, "fareMedia");
        areas = Set.copyOf(areas);
    }

    Tap first() {
        return journey.taps().get(0);
    }

    /** The tap the journey's charge goes on: its entry or board tap (or a lone exit). */
    String chargeTapId() {
        return first().tapId();
    }

    Instant at() {
        return first().at();
    }

    /** The GTFS network of the journey, empty when its taps have none. */
    Optional<NetworkId> network() {
        return TapNetworks.isNone(networkId) ? Optional.empty() : Optional.of(NetworkId.of(networkId));
    }

    Optional<RiderCategoryId> gtfsCategory() {
        return Optional.of(RiderCategoryId.of(riderCategory));
    }

    Optional<FareMediaId> gtfsMedia() {
        return fareMedia.map(FareMediaId::of);
    }
}
