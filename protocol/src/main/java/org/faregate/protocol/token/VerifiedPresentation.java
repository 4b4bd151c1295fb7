package org.faregate.protocol.token;

import java.time.Instant;
import org.faregate.protocol.Bytes;

/**
 * A presentation whose signatures, validity windows and offline limit all checked out.
 * Only {@link PresentationVerifier} makes one: holding one is proof the checks ran.
 */
public final class VerifiedPresentation {

    public enum Kind { QR, NFC }

    private final Credential credential;
    private final Kind kind;
    private final long counter;
    private final Instant presentedAt;
    private final Bytes replayKey;

    VerifiedPresentation(Credential credential, Kind kind, long counter, Instant presentedAt, Bytes replayKey) {
        this.credential = credential;
        this.kind = kind;
        this.counter = counter;
        this.presentedAt = presentedAt;
        this.replayKey = replayKey;
    }

    public Credential credential() {
        return credential;
    }

    public Kind kind() {
        return kind;
    }

    public long counter() {
        return counter;
    }

    /** The device's timestamp (QR) or the gate's challenge time (NFC). */
    public Instant presentedAt() {
        return presentedAt;
    }

    /**
     * Identifies this presentation for the replay guard: credential id, counter and time — never the
     * signature, which is malleable (s and n−s both verify).
     */
    public Bytes replayKey() {
        return replayKey;
    }
}
