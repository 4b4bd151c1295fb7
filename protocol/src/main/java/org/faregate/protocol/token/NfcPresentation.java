package org.faregate.protocol.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.crypto.EcdsaSignature;
import org.faregate.protocol.crypto.SigningKey;

/**
 * An NFC tap: the credential read with SELECT, and the device's signature over the gate's challenge
 * (with its counter) returned by INTERNAL AUTHENTICATE.
 */
public record NfcPresentation(Credential credential, NfcChallenge challenge, long counter, Bytes deviceSignature)
        implements Presentation {

    static final byte[] SIGNING_TAG = "faregate-nfc-v1".getBytes(StandardCharsets.US_ASCII);

    public NfcPresentation {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(challenge, "challenge");
        if (counter < 0 || counter > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("counter must fit in 32 unsigned bits: " + counter);
        }
        if (deviceSignature.length() != EcdsaSignature.RAW_LENGTH) {
            throw new IllegalArgumentException("device signature must be 64 bytes (r||s)");
        }
    }

    /** The card's or phone's side: answers a challenge. */
    public static NfcPresentation answer(Credential credential, SigningKey deviceKey, NfcChallenge challenge,
                                         long counter) {
        return new NfcPresentation(credential, challenge, counter,
                deviceKey.sign(signedMessage(credential, challenge, counter)));
    }

    @Override
    public byte[] signedMessage() {
        return signedMessage(credential, challenge, counter);
    }

    private static byte[] signedMessage(Credential credential, NfcChallenge challenge, long counter) {
        byte[] challengeBytes = challenge.encoded().toArray();
        ByteBuffer out = ByteBuffer.allocate(SIGNING_TAG.length + Credential.LENGTH + challengeBytes.length + 4);
        out.put(SIGNING_TAG).put(credential.encoded().toArray()).put(challengeBytes).putInt((int) counter);
        return out.array();
    }
}
