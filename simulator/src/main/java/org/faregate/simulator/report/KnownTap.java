package org.faregate.simulator.report;

import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.Reason;
import org.faregate.protocol.TapId;

/**
 * A tap as the simulator knows it independently of the gateway: what a gate decided, and for whose
 * account (null when the gate could not tell), so the gateway's database can be checked against it.
 */
public record KnownTap(TapId tapId, AccountId account, String riderCategory, String stationId, Direction direction,
                       Instant at, Reason reason) {

    public KnownTap {
        Objects.requireNonNull(tapId, "tapId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        if (reason.accepted() && (account == null || riderCategory == null)) {
            throw new IllegalArgumentException("an accepted tap belongs to a known account and category");
        }
    }
}
