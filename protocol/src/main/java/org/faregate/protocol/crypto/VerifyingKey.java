package org.faregate.protocol.crypto;

import java.math.BigInteger;
import java.security.SignatureException;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.faregate.protocol.Bytes;

/** A P-256 public key that checks signatures. Verification throws; there is no boolean to forget. */
public final class VerifyingKey {

    /** Length of the SEC1 compressed encoding used inside credentials. */
    public static final int COMPRESSED_LENGTH = 33;

    private final ECPoint point;
    private final ECPublicKeyParameters parameters;

    VerifyingKey(ECPoint point) {
        this.point = point.normalize();
        this.parameters = new ECPublicKeyParameters(this.point, P256.DOMAIN);
    }

    /** Reads a SEC1 point, compressed (33 bytes) or uncompressed (65 bytes), checked to be on the curve. */
    public static VerifyingKey parse(byte[] sec1) {
        try {
            ECPoint point = P256.DOMAIN.getCurve().decodePoint(sec1);
            if (point.isInfinity() || !point.isValid()) {
                throw new IllegalArgumentException("public key is not a valid P-256 point");
            }
            return new VerifyingKey(point);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable P-256 public key: " + e.getMessage(), e);
        }
    }

    /** Reads an X.509 SubjectPublicKeyInfo (DER) holding a P-256 key. */
    public static VerifyingKey parseSubjectPublicKeyInfo(byte[] der) {
        try {
            return parse(SubjectPublicKeyInfo.getInstance(der).getPublicKeyData().getBytes());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable SubjectPublicKeyInfo: " + e.getMessage(), e);
        }
    }

    public Bytes compressed() {
        return Bytes.of(point.getEncoded(true));
    }

    /** Checks a raw r||s signature over {@code message}; throws if it is malformed or does not verify. */
    public void verify(byte[] message, Bytes rawSignature) throws SignatureException {
        verify(message, EcdsaSignature.parseP1363(rawSignature.toArray()));
    }

    /** Checks a parsed signature over {@code message}; throws if it does not verify. */
    public void verify(byte[] message, EcdsaSignature signature) throws SignatureException {
        BigInteger r = signature.r();
        BigInteger s = signature.s();
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, parameters);
        if (!verifier.verifySignature(P256.sha256(message), r, s)) {
            throw new SignatureException("signature does not verify");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifyingKey that && point.equals(that.point);
    }

    @Override
    public int hashCode() {
        return compressed().hashCode();
    }

    @Override
    public String toString() {
        return "VerifyingKey[" + compressed().toHex() + "]";
    }
}
