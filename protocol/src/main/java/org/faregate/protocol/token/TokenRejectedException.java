package org.faregate.protocol.token;

import java.util.Objects;
import org.faregate.protocol.Reason;

/** A presentation the verifier refused, with the stable reason code and what exactly was wrong. */
public final class TokenRejectedException extends Exception {

    private final Reason reason;

    public TokenRejectedException(Reason reason, String message) {
        super(reason.code() + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
        if (reason.accepted()) {
            throw new IllegalArgumentException("a rejection needs a refusal reason");
        }
    }

    public Reason reason() {
        return reason;
    }
}
