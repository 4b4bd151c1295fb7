package org.faregate.gateway.gates;

import java.security.SignatureException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.GateId;
import org.faregate.protocol.auth.BatchSignature;
import org.faregate.protocol.crypto.VerifyingKey;

/**
 * Decides whether a tap batch comes from a registered gate: the gate is registered and not revoked, the
 * signing time is within {@link #MAX_CLOCK_DIFFERENCE} of this node's clock, and the signature verifies over
 * the exact body with the registered key. Returns the authenticated gate or throws a refusal; there is no
 * boolean to forget. Blocking (one SQL read): call it from a worker thread.
 */
public final class GateAuthenticator {

    /**
     * How far a gate's signing time may be from this node's clock. Gates already refuse tokens when their clock
     * is off by more than their skew allowance (at most 5 minutes), so a correct gate is always inside it.
     */
    public static final Duration MAX_CLOCK_DIFFERENCE = Duration.ofMinutes(10);

    private final GateRegistry registry;
    private final InstantSource clock;

    public GateAuthenticator(GateRegistry registry, InstantSource clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The gate that signed {@code body}, or a refusal saying why it is not accepted. */
    public GateId authenticate(BatchSignature signature, byte[] body) {
        GateId gate = signature.gateId();
        RegisteredGate registered = registry.find(gate).orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_GATE,
                "gate " + gate + " is not registered; an operator registers its public key with"
                        + " POST /v1/admin/gates"));
        if (registered.revoked()) {
            throw new RefusedException(Refusal.GATE_REVOKED, "gate " + gate + " was revoked at "
                    + registered.revokedAt() + "; its batches are refused until it is registered with a new key");
        }
        Instant now = clock.instant();
        if (Duration.between(signature.signedAt(), now).abs().compareTo(MAX_CLOCK_DIFFERENCE) > 0) {
            throw new RefusedException(Refusal.STALE_SIGNATURE, "gate " + gate + " signed at "
                    + signature.signedAt() + ", more than " + MAX_CLOCK_DIFFERENCE.toMinutes()
                    + " minutes from the gateway's time " + now + "; check the gate's clock");
        }
        try {
            signature.verify(VerifyingKey.parse(Bytes.parseHex(registered.publicKey()).toArray()), body);
        } catch (SignatureException e) {
            throw new RefusedException(Refusal.BAD_SIGNATURE, "the signature does not verify over this body"
                    + " with the key registered for gate " + gate, e);
        }
        return gate;
    }
}
