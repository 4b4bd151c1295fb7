package org.faregate.simulator.report;

import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.Direction;
import org.faregate.protocol.Reason;
import org.faregate.protocol.TapId;
import org.faregate.simulator.city.Media;

/** The simulator's own record of one tap it made: who, where, when, and what the gate said. */
public record SimTap(TapId tapId, int rider, String stationId, Direction direction, Instant at, Media media,
                     Reason reason, long decisionNanos) {

    public SimTap {
        Objects.requireNonNull(tapId, "tapId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(reason, "reason");
    }
}
