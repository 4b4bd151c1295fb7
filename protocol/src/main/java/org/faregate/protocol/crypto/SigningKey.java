package org.faregate.protocol.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.faregate.protocol.Bytes;

/**
 * A P-256 private key. Signs with deterministic nonces (RFC 6979) and returns raw r||s.
 * {@link #toString()} never shows key material.
 */
public final class SigningKey {

    private final BigInteger scalar;
    private final VerifyingKey verifyingKey;

    private SigningKey(BigInteger scalar) {
        if (scalar.signum() <= 0 || scalar.compareTo(P256.DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("private scalar out of range");
        }
        this.scalar = scalar;
        this.verifyingKey = new VerifyingKey(new FixedPointCombMultiplier().multiply(P256.DOMAIN.getG(), scalar));
    }

    public static SigningKey generate(SecureRandom random) {
        BigInteger n = P256.DOMAIN.getN();
        BigInteger candidate;
        do {
            candidate = new BigInteger(n.bitLength(), random);
        } while (candidate.signum() == 0 || candidate.compareTo(n) >= 0);
        return new SigningKey(candidate);
    }

    /** Restores a key from its 32-byte big-endian scalar (as written by {@link #exportScalar()}). */
    public static SigningKey fromScalar(Bytes scalar) {
        if (scalar.length() != P256.FIELD_BYTES) {
            throw new IllegalArgumentException("private scalar must be 32 bytes, got " + scalar.length());
        }
        return new SigningKey(new BigInteger(1, scalar.toArray()));
    }

    /** The secret scalar, for the key store only. */
    public Bytes exportScalar() {
        byte[] out = new byte[P256.FIELD_BYTES];
        P256.writeUnsigned(scalar, out, 0);
        return Bytes.of(out);
    }

    public VerifyingKey verifyingKey() {
        return verifyingKey;
    }

    /** Signs SHA-256({@code message}); returns raw r||s (64 bytes). */
    public Bytes sign(byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(scalar, P256.DOMAIN));
        BigInteger[] rs = signer.generateSignature(P256.sha256(message));
        return EcdsaSignature.of(rs[0], rs[1]).toP1363();
    }

    @Override
    public String toString() {
        return "SigningKey[public=" + verifyingKey.compressed().toHex() + "]";
    }
}
