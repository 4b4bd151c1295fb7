package org.faregate.fares.gtfs;

import java.util.Objects;
import java.util.Optional;

/** What fares need of a row of routes.txt: its network (from routes.network_id or route_networks.txt). */
public record Route(RouteId id, Optional<NetworkId> network) {

    public Route {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(network, "network");
    }
}
