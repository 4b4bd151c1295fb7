package org.faregate.protocol.crypto;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** The one curve Faregate signs with: NIST P-256 (secp256r1), SHA-256 as the message digest. */
final class P256 {

    static final ECDomainParameters DOMAIN;

    static {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        DOMAIN = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH(), curve.getSeed());
    }

    static final int FIELD_BYTES = 32;

    private P256() {
    }

    /** Writes a number below 2^256 as 32 unsigned big-endian bytes at {@code offset}. */
    static void writeUnsigned(java.math.BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > FIELD_BYTES ? bytes.length - FIELD_BYTES : 0;
        int length = bytes.length - start;
        System.arraycopy(bytes, start, out, offset + FIELD_BYTES - length, length);
    }

    static byte[] sha256(byte[] message) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(message, 0, message.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }
}
