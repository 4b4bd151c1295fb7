package org.faregate.fares.gtfs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One ride to price: on a route (its network comes from the feed) or directly on a network, from a stop to
 * a stop, with the instants of the departure and arrival fare validations.
 */
public record FareLeg(Optional<RouteId> route, Optional<NetworkId> network, StopId fromStop, StopId toStop,
                      Instant departure, Instant arrival) {

    public FareLeg {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(fromStop, "fromStop");
        Objects.requireNonNull(toStop, "toStop");
        Objects.requireNonNull(departure, "departure");
        Objects.requireNonNull(arrival, "arrival");
        if (arrival.isBefore(departure)) {
            throw new IllegalArgumentException("arrival " + arrival + " is before departure " + departure);
        }
    }

    public static FareLeg onRoute(RouteId route, StopId from, StopId to, Instant departure, Instant arrival) {
        return new FareLeg(Optional.of(route), Optional.empty(), from, to, departure, arrival);
    }

    public static FareLeg onNetwork(NetworkId network, StopId from, StopId to, Instant departure, Instant arrival) {
        return new FareLeg(Optional.empty(), Optional.of(network), from, to, departure, arrival);
    }

    /** The leg's network: the one given, else its route's in the feed. */
    Optional<NetworkId> networkIn(FaresFeed feed) {
        return network.or(() -> route.flatMap(feed::networkOf));
    }
}
