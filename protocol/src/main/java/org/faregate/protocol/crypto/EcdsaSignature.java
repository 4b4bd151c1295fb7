package org.faregate.protocol.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.faregate.protocol.Bytes;

/**
 * An ECDSA P-256 signature (r, s). Faregate's tokens carry it raw as r||s (IEEE P1363, 64 bytes);
 * strict DER is read too, for interoperability tests. Parsing rejects every non-canonical encoding.
 */
public final class EcdsaSignature {

    public static final int RAW_LENGTH = 2 * P256.FIELD_BYTES;

    private final BigInteger r;
    private final BigInteger s;

    private EcdsaSignature(BigInteger r, BigInteger s) {
        this.r = r;
        this.s = s;
    }

    static EcdsaSignature of(BigInteger r, BigInteger s) {
        return new EcdsaSignature(r, s);
    }

    /** Reads raw r||s: exactly 64 bytes, two unsigned big-endian 32-byte numbers. */
    public static EcdsaSignature parseP1363(byte[] raw) throws MalformedSignatureException {
        if (raw.length != RAW_LENGTH) {
            throw new MalformedSignatureException("raw signature must be " + RAW_LENGTH + " bytes, got " + raw.length);
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, P256.FIELD_BYTES));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, P256.FIELD_BYTES, RAW_LENGTH));
        return new EcdsaSignature(r, s);
    }

    /** Reads a DER SEQUENCE of two positive INTEGERs; anything but the one canonical DER encoding is refused. */
    public static EcdsaSignature parseDer(byte[] der) throws MalformedSignatureException {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (sequence.size() != 2
                    || !(sequence.getObjectAt(0) instanceof ASN1Integer r)
                    || !(sequence.getObjectAt(1) instanceof ASN1Integer s)) {
                throw new MalformedSignatureException("DER signature is not a SEQUENCE of two INTEGERs");
            }
            if (!Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), der)) {
                throw new MalformedSignatureException("signature is not canonical DER");
            }
            if (r.getValue().signum() < 0 || s.getValue().signum() < 0) {
                throw new MalformedSignatureException("DER signature has a negative INTEGER");
            }
            return new EcdsaSignature(r.getValue(), s.getValue());
        } catch (IOException | RuntimeException e) {
            throw new MalformedSignatureException("unreadable DER signature: " + e.getMessage());
        }
    }

    BigInteger r() {
        return r;
    }

    BigInteger s() {
        return s;
    }

    /** Raw r||s, 64 bytes. */
    public Bytes toP1363() {
        byte[] out = new byte[RAW_LENGTH];
        P256.writeUnsigned(r, out, 0);
        P256.writeUnsigned(s, out, P256.FIELD_BYTES);
        return Bytes.of(out);
    }
}
