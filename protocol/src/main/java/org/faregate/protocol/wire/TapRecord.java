package org.faregate.protocol.wire;

import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;

/**
 * One tap as a gate journals it and sends it: accepted or refused, with its reason.
 * Credential and account are absent when the token could not even be read.
 *
 * @param channel {@code qr} or {@code nfc}
 * @param routeId the GTFS route of a validate-on-board reader (a bus), null at a station gate; older gates
 *                and journals without it read as null
 */
public record TapRecord(TapId tapId, GateId gateId, StationId stationId, Direction direction, Instant at,
                        String channel, CredentialId credentialId, AccountId accountId, Reason reason,
                        String routeId) {

    public TapRecord {
        Objects.requireNonNull(tapId, "tapId");
        Objects.requireNonNull(gateId, "gateId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        if (!"qr".equals(channel) && !"nfc".equals(channel)) {
            throw new IllegalArgumentException("channel must be qr or nfc: '" + channel + "'");
        }
        if (reason.accepted() && (credentialId == null || accountId == null)) {
            throw new IllegalArgumentException("an accepted tap names its credential and account");
        }
        if (routeId != null && (routeId.isBlank() || routeId.length() > 64)) {
            throw new IllegalArgumentException("route id must be 1-64 characters: '" + routeId + "'");
        }
    }

    /** A tap at a station gate (no route). */
    public TapRecord(TapId tapId, GateId gateId, StationId stationId, Direction direction, Instant at, String channel,
                     CredentialId credentialId, AccountId accountId, Reason reason) {
        this(tapId, gateId, stationId, direction, at, channel, credentialId, accountId, reason, null);
    }

    public boolean accepted() {
        return reason.accepted();
    }
}
