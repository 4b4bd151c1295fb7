package org.faregate.gateway;

import java.nio.charset.StandardCharsets;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.GateId;
import org.faregate.protocol.crypto.SigningKey;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Key pairs of test gates: each gate id always gets the same key (derived from the id), so every test class
 * sharing one gateway registers and signs with the same key.
 */
public final class TestGates {

    private TestGates() {
    }

    public static SigningKey key(GateId gate) {
        byte[] seed = ("faregate-test-gate:" + gate.value()).getBytes(StandardCharsets.US_ASCII);
        SHA256Digest digest = new SHA256Digest();
        digest.update(seed, 0, seed.length);
        byte[] scalar = new byte[32];
        digest.doFinal(scalar, 0);
        scalar[0] &= 0x7f;
        return SigningKey.fromScalar(Bytes.of(scalar));
    }
}
