package org.faregate.validator.link;

import java.net.URI;
import java.util.Objects;
import java.util.OptionalInt;

/** A call to the gateway failed: unreachable, timed out, an error status or a body of the wrong shape. */
public final class GatewayException extends Exception {

    private final URI uri;
    private final int status;

    /** The gateway could not be reached or did not answer in time. */
    public static GatewayException unreachable(URI uri, Throwable cause) {
        return new GatewayException(uri, 0, "gateway unreachable at " + uri + ": " + cause, cause);
    }

    /** The gateway answered, with an error status or a body that could not be read. */
    public static GatewayException answered(URI uri, int status, String problem, Throwable cause) {
        return new GatewayException(uri, status, "gateway " + uri + " answered " + status + ": " + problem, cause);
    }

    private GatewayException(URI uri, int status, String message, Throwable cause) {
        super(message, cause);
        this.uri = Objects.requireNonNull(uri, "uri");
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    /** The HTTP status, empty when no answer came. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    public boolean unreachable() {
        return status == 0;
    }
}
