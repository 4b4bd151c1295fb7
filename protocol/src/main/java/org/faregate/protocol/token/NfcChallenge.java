package org.faregate.protocol.token;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.GateId;

/**
 * What a gate asks an NFC card or phone to sign: a fresh random nonce, the gate's time and the gate's id,
 * so a response cannot be replayed at another gate or another moment. Encoded as
 * nonce (16) || time (8, epoch seconds) || gate id length (1) || gate id (ASCII).
 */
public record NfcChallenge(Bytes nonce, Instant time, GateId gate) {

    public static final int NONCE_LENGTH = 16;

    public NfcChallenge {
        Objects.requireNonNull(gate, "gate");
        if (nonce.length() != NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be " + NONCE_LENGTH + " bytes");
        }
        if (time.getNano() != 0) {
            throw new IllegalArgumentException("challenge time must be whole seconds: " + time);
        }
    }

    public static NfcChallenge fresh(SecureRandom random, Instant now, GateId gate) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        return new NfcChallenge(Bytes.of(nonce), Instant.ofEpochSecond(now.getEpochSecond()), gate);
    }

    public static NfcChallenge parse(byte[] bytes) throws MalformedTokenException {
        TokenReader in = new TokenReader(bytes);
        Bytes nonce = in.bytes(NONCE_LENGTH, "nonce");
        Instant time = Instant.ofEpochSecond(in.i64("challenge time"));
        int gateAt = in.offset();
        int length = in.u8("gate id length");
        Bytes gate = in.bytes(length, "gate id");
        in.expectEnd("NFC challenge");
        try {
            return new NfcChallenge(nonce, time, GateId.of(new String(gate.toArray(), java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException(gateAt, e.getMessage());
        }
    }

    public Bytes encoded() {
        byte[] gateBytes = gate.utf8();
        ByteBuffer out = ByteBuffer.allocate(NONCE_LENGTH + 8 + 1 + gateBytes.length);
        out.put(nonce.toArray()).putLong(time.getEpochSecond()).put((byte) gateBytes.length).put(gateBytes);
        return Bytes.of(out.array());
    }
}
