package org.faregate.fares.gtfs;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** What fares need of a row of stops.txt. */
public record Stop(StopId id, Optional<StopId> parentStation, Optional<ZoneId> timezone) {

    public Stop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentStation, "parentStation");
        Objects.requireNonNull(timezone, "timezone");
    }
}
