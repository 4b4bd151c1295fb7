package org.faregate.gateway.gates;

import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.GateId;

/**
 * A gate as the operator registered it: the public key its batches must verify with, who registered it and
 * when, and when it was revoked (null while it may deliver).
 */
public record RegisteredGate(GateId gateId, String publicKey, Instant registeredAt, String registeredBy,
                             Instant revokedAt, String revokedBy) {

    public RegisteredGate {
        Objects.requireNonNull(gateId, "gateId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(registeredBy, "registeredBy");
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
