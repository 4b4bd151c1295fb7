package org.faregate.protocol.feed;

import java.util.Objects;

/**
 * A deny-list feed or key list the gate must not use: malformed, or not signed by a key the gate trusts.
 * The code is stable ({@link #MALFORMED} or {@link #UNTRUSTED}); the message says what and where.
 */
public final class FeedException extends Exception {

    /** The bytes are not a feed message: wrong magic, truncated, trailing bytes, impossible counts. */
    public static final String MALFORMED = "feed_malformed";
    /** Well formed, but the signature is missing, unknown or wrong, or the message is older than one already used. */
    public static final String UNTRUSTED = "feed_untrusted";

    private final String code;

    public FeedException(String code, String message) {
        this(code, message, null);
    }

    public FeedException(String code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}
