package org.faregate.protocol.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.crypto.EcdsaSignature;
import org.faregate.protocol.crypto.SigningKey;

/**
 * A QR code's payload: the credential, the phone's timestamp and counter, and the phone's signature
 * over all of it. 223 bytes, binary in the QR symbol; layout in docs/token-format.md.
 */
public record QrPresentation(Credential credential, Instant timestamp, long counter, Bytes deviceSignature)
        implements Presentation {

    public static final int FORMAT = 0x51;
    public static final int SIGNED_LENGTH = 1 + Credential.LENGTH + 8 + 4;
    public static final int LENGTH = SIGNED_LENGTH + EcdsaSignature.RAW_LENGTH;
    static final byte[] SIGNING_TAG = "faregate-qr-v1".getBytes(StandardCharsets.US_ASCII);

    public QrPresentation {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(timestamp, "timestamp");
        if (timestamp.getNano() != 0) {
            throw new IllegalArgumentException("timestamp must be whole seconds: " + timestamp);
        }
        if (counter < 0 || counter > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("counter must fit in 32 unsigned bits: " + counter);
        }
        if (deviceSignature.length() != EcdsaSignature.RAW_LENGTH) {
            throw new IllegalArgumentException("device signature must be 64 bytes (r||s)");
        }
    }

    /** The phone's side: signs a fresh presentation of its credential. */
    public static QrPresentation create(Credential credential, SigningKey deviceKey, Instant timestamp, long counter) {
        Instant seconds = Instant.ofEpochSecond(timestamp.getEpochSecond());
        byte[] message = signedMessage(credential, seconds, counter);
        return new QrPresentation(credential, seconds, counter, deviceKey.sign(message));
    }

    public static QrPresentation parse(byte[] bytes) throws MalformedTokenException {
        TokenReader in = new TokenReader(bytes);
        int format = in.u8("presentation format");
        if (format != FORMAT) {
            throw new MalformedTokenException(0, "not a Faregate QR presentation (format 0x"
                    + Integer.toHexString(format) + ")");
        }
        Credential credential = Credential.read(in);
        Instant timestamp = Instant.ofEpochSecond(in.i64("timestamp"));
        long counter = in.u32("counter");
        Bytes signature = in.bytes(EcdsaSignature.RAW_LENGTH, "device signature");
        in.expectEnd("QR presentation");
        return new QrPresentation(credential, timestamp, counter, signature);
    }

    public Bytes encoded() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        writeSigned(out, credential, timestamp, counter);
        out.put(deviceSignature.toArray());
        return Bytes.of(out.array());
    }

    @Override
    public byte[] signedMessage() {
        return signedMessage(credential, timestamp, counter);
    }

    private static byte[] signedMessage(Credential credential, Instant timestamp, long counter) {
        ByteBuffer out = ByteBuffer.allocate(SIGNING_TAG.length + SIGNED_LENGTH);
        out.put(SIGNING_TAG);
        writeSigned(out, credential, timestamp, counter);
        return out.array();
    }

    private static void writeSigned(ByteBuffer out, Credential credential, Instant timestamp, long counter) {
        out.put((byte) FORMAT);
        out.put(credential.encoded().toArray());
        out.putLong(timestamp.getEpochSecond());
        out.putInt((int) counter);
    }
}
