package org.faregate.protocol.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import org.faregate.protocol.Bytes;
import org.junit.jupiter.api.Test;

/** The documented test vector (docs/token-format.md) is what the code produces, and an independent verifier agrees. */
class TokenVectorTest {

    static final String CREDENTIAL_HEX = "01000000070b7e2c4a9d1f4e3b8a6c5f2d1e0c9b8a000000000000002a0001000000006ae6810000"
            + "0000006b0e0e0001f403d65a93977caa3d1b081852ff57a79e465f1660577304baead505dd3a48589cf34618206014163c6eb80"
            + "eee7d00d97d254cdd2e12dee0b8e0cab93eee77e0dc241d2780ab5bf7037d0e1052bf0c60b66292202d204b4ac9d07e62cad63d"
            + "a2133c";
    static final String QR_HEX = "51" + CREDENTIAL_HEX + "000000006b054b0800000003e61d65608626e161b0e5398f3a4e3d1859"
            + "26637bbc6b9226088980363da1454cde65dd115b8a1e2bcd4fc2cfdf4c3543af9e9aa04373b9a10a0c0b3153a8198a";

    @Test
    void credentialEncodesToTheDocumentedBytes() {
        assertThat(TokenFixture.credential().encoded().toHex()).isEqualTo(CREDENTIAL_HEX);
        assertThat(Credential.LENGTH).isEqualTo(146);
    }

    @Test
    void qrPresentationEncodesToTheDocumentedBytes() {
        assertThat(TokenFixture.qr(TokenFixture.PRESENTED_AT, 3).encoded().toHex()).isEqualTo(QR_HEX);
        assertThat(QrPresentation.LENGTH).isEqualTo(223).isLessThanOrEqualTo(300);
    }

    @Test
    void documentedVectorVerifiesAtItsTime() throws Exception {
        VerifiedPresentation verified = TokenFixture.verifier()
                .verifyQr(Bytes.parseHex(QR_HEX).toArray(), TokenFixture.PRESENTED_AT.plusSeconds(5));
        assertThat(verified.credential().id()).isEqualTo(TokenFixture.CREDENTIAL_ID);
        assertThat(verified.counter()).isEqualTo(3);
    }

    @Test
    void theJdkVerifierAcceptsBothSignaturesOfTheVector() throws Exception {
        Credential credential = Credential.parse(Bytes.parseHex(CREDENTIAL_HEX).toArray());
        QrPresentation qr = QrPresentation.parse(Bytes.parseHex(QR_HEX).toArray());
        assertThat(jdkVerifies(TokenFixture.ISSUER_KEY.verifyingKey().compressed(), credential.signedMessage(),
                credential.issuerSignature())).isTrue();
        assertThat(jdkVerifies(credential.devicePublicKey(), qr.signedMessage(), qr.deviceSignature())).isTrue();
    }

    /** SunEC, an implementation independent of Bouncy Castle, with raw r||s input. */
    private static boolean jdkVerifies(Bytes compressedKey, byte[] message, Bytes rawSignature) throws Exception {
        byte[] uncompressed = uncompressed(compressedKey);
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", "SunEC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        PublicKey key = KeyFactory.getInstance("EC", "SunEC").generatePublic(new ECPublicKeySpec(point, spec));
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
        signature.initVerify(key);
        signature.update(message);
        return signature.verify(rawSignature.toArray());
    }

    private static byte[] uncompressed(Bytes compressed) {
        return org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256r1").getCurve()
                .decodePoint(compressed.toArray()).getEncoded(false);
    }
}
