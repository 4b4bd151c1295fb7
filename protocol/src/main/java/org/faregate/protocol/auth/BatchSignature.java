package org.faregate.protocol.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.GateId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.crypto.VerifyingKey;

/**
 * A gate's signature on one {@code POST /v1/taps} request, carried in three HTTP headers: {@value #GATE_HEADER}
 * (the gate id), {@value #TIME_HEADER} (when the gate signed, epoch milliseconds in decimal) and
 * {@value #SIGNATURE_HEADER} (ECDSA P-256 raw r||s, 128 hex digits).
 *
 * <p>The signed message, never transmitted as such: {@code "faregate-batch-v1" | gate id length (1) | gate id
 * (ASCII) | signed at, epoch ms (8, big-endian) | body length (4) | body}, where the body is the exact bytes of
 * the request body. The domain tag keeps a batch signature from ever verifying as a token or feed signature,
 * and the length prefixes make the split between fields unambiguous.
 */
public record BatchSignature(GateId gateId, Instant signedAt, Bytes signature) {

    public static final String GATE_HEADER = "Faregate-Gate";
    public static final String TIME_HEADER = "Faregate-Time";
    public static final String SIGNATURE_HEADER = "Faregate-Signature";
    static final byte[] DOMAIN = "faregate-batch-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int SIGNATURE_LENGTH = 64;

    public BatchSignature {
        Objects.requireNonNull(gateId, "gateId");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(signature, "signature");
        if (signature.length() != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("a batch signature has " + SIGNATURE_LENGTH + " bytes, not "
                    + signature.length());
        }
    }

    /** Signs {@code body} as {@code gateId} at {@code signedAt} (millisecond precision). */
    public static BatchSignature sign(SigningKey key, GateId gateId, Instant signedAt, byte[] body) {
        Instant millis = Instant.ofEpochMilli(signedAt.toEpochMilli());
        return new BatchSignature(gateId, millis, key.sign(signedBytes(gateId, millis, body)));
    }

    /**
     * Reads the three header values; null means the header was absent. Throws {@link IllegalArgumentException}
     * naming the header that is missing or unreadable.
     */
    public static BatchSignature parse(String gate, String time, String signature) {
        GateId gateId = GateId.of(require(GATE_HEADER, gate));
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochMilli(Long.parseLong(require(TIME_HEADER, time)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIME_HEADER + ": '" + time + "' is not epoch milliseconds", e);
        }
        String hex = require(SIGNATURE_HEADER, signature);
        if (hex.length() != 2 * SIGNATURE_LENGTH) {
            throw new IllegalArgumentException(SIGNATURE_HEADER + ": expected " + 2 * SIGNATURE_LENGTH
                    + " hex digits, got " + hex.length());
        }
        try {
            return new BatchSignature(gateId, signedAt, Bytes.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SIGNATURE_HEADER + ": not hex: " + e.getMessage(), e);
        }
    }

    /** Checks that {@code key} signed exactly {@code body} as this gate at this time; throws if not. */
    public void verify(VerifyingKey key, byte[] body) throws SignatureException {
        key.verify(signedBytes(gateId, signedAt, body), signature);
    }

    /** The {@value #TIME_HEADER} value. */
    public String timeHeader() {
        return Long.toString(signedAt.toEpochMilli());
    }

    /** The {@value #SIGNATURE_HEADER} value. */
    public String signatureHeader() {
        return signature.toHex();
    }

    static byte[] signedBytes(GateId gateId, Instant signedAt, byte[] body) {
        byte[] gate = gateId.utf8();
        return ByteBuffer.allocate(DOMAIN.length + 1 + gate.length + Long.BYTES + Integer.BYTES + body.length)
                .put(DOMAIN).put((byte) gate.length).put(gate).putLong(signedAt.toEpochMilli())
                .putInt(body.length).put(body).array();
    }

    private static String require(String header, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing header " + header);
        }
        return value.trim();
    }
}
