package org.faregate.gateway;

import java.util.Objects;
import org.faregate.protocol.wire.ErrorBody;

/** A request the gateway will not carry out, with a stable code and a message that says what and where. */
public class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Refusal refusal;

    public RefusedException(Refusal refusal, String message) {
        super(message);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    public RefusedException(Refusal refusal, String message, Throwable cause) {
        super(message, cause);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The response body: an {@link ErrorBody}, or a record with the same two fields and more detail. */
    public Object body() {
        return new ErrorBody(refusal.code(), getMessage());
    }
}
