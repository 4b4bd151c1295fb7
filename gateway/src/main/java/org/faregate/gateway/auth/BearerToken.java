package org.faregate.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bearer secret (RFC 6750): an operator's or a rider's token. Only its SHA-256 {@link #hash} is stored;
 * the text leaves the gateway once, in the answer that created it ({@link #reveal}). {@link #toString}
 * never shows it, so a token cannot reach a log line or an error message by accident.
 */
public final class BearerToken {

    /** What a token opens, told by its prefix. Configured bootstrap tokens may have no prefix: operator. */
    public enum Kind {
        OPERATOR("fgo_"),
        RIDER("fgr_");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** 32 random bytes: 256 bits, as RFC 6750 section 5.2 asks of unguessable bearer tokens and more. */
    static final int RANDOM_BYTES = 32;
    /** A configured token shorter than this is refused at start: it would be guessable. */
    static final int MIN_CONFIGURED_LENGTH = 32;
    private static final int MAX_LENGTH = 512;
    /** RFC 6750 b64token characters. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final String text;

    private BearerToken(String text) {
        this.text = text;
    }

    /** A fresh token of {@code kind}: its prefix and 256 random bits, base64url without padding. */
    public static BearerToken generate(Kind kind, SecureRandom random) {
        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        return new BearerToken(kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /**
     * A token as a client sent it (the part after {@code Bearer }).
     *
     * @throws IllegalArgumentException if it is empty, too long or has characters a bearer token cannot have;
     *                                  the message never repeats the text
     */
    public static BearerToken parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.length() > MAX_LENGTH || !B64TOKEN.matcher(text).matches()) {
            throw new IllegalArgumentException("a bearer token is 1-" + MAX_LENGTH
                    + " characters of A-Z a-z 0-9 - . _ ~ + / (then optional =)");
        }
        return new BearerToken(text);
    }

    /** An operator-chosen token (the bootstrap admin's): a bearer token of at least 32 characters. */
    public static BearerToken configured(String text) {
        BearerToken token = parse(text.trim());
        if (token.text.length() < MIN_CONFIGURED_LENGTH) {
            throw new IllegalArgumentException("the admin token must be at least " + MIN_CONFIGURED_LENGTH
                    + " characters (e.g. `openssl rand -hex 32`)");
        }
        return token;
    }

    public Kind kind() {
        return text.startsWith(Kind.RIDER.prefix()) ? Kind.RIDER : Kind.OPERATOR;
    }

    /** SHA-256 of the token's UTF-8 bytes in lower-case hex: what the database stores and looks up. */
    public String hash() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The secret itself, for the one answer that hands it out (and for in-process clients of a gateway). */
    public String reveal() {
        return text;
    }

    @Override
    public String toString() {
        return "BearerToken[" + kind().name().toLowerCase(java.util.Locale.ROOT) + ", redacted]";
    }
}
