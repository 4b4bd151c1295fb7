package org.faregate.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SignatureException;
import org.faregate.protocol.Bytes;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private final SigningKey key = SigningKey.generate(new SecureRandom());
    private final byte[] message = "tap at S01".getBytes(StandardCharsets.US_ASCII);

    @Test
    void signatureVerifiesWithTheMatchingPublicKey() throws SignatureException {
        Bytes signature = key.sign(message);
        assertThat(signature.length()).isEqualTo(64);
        key.verifyingKey().verify(message, signature);
    }

    @Test
    void signingIsDeterministic() {
        assertThat(key.sign(message)).isEqualTo(key.sign(message));
    }

    @Test
    void aChangedMessageDoesNotVerify() {
        Bytes signature = key.sign(message);
        byte[] other = "tap at S02".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> key.verifyingKey().verify(other, signature)).isInstanceOf(SignatureException.class);
    }

    @Test
    void anotherKeyDoesNotVerify() {
        Bytes signature = key.sign(message);
        VerifyingKey stranger = SigningKey.generate(new SecureRandom()).verifyingKey();
        assertThatThrownBy(() -> stranger.verify(message, signature)).isInstanceOf(SignatureException.class);
    }

    @Test
    void rawSignatureOfWrongLengthIsMalformed() {
        assertThatThrownBy(() -> key.verifyingKey().verify(message, Bytes.of(new byte[63])))
                .isInstanceOf(MalformedSignatureException.class).hasMessageContaining("64 bytes");
    }

    @Test
    void scalarExportRestoresTheSameKey() {
        SigningKey restored = SigningKey.fromScalar(key.exportScalar());
        assertThat(restored.verifyingKey()).isEqualTo(key.verifyingKey());
        assertThat(restored.sign(message)).isEqualTo(key.sign(message));
    }

    @Test
    void compressedPublicKeyRoundTrips() {
        Bytes compressed = key.verifyingKey().compressed();
        assertThat(compressed.length()).isEqualTo(VerifyingKey.COMPRESSED_LENGTH);
        assertThat(VerifyingKey.parse(compressed.toArray())).isEqualTo(key.verifyingKey());
    }

    @Test
    void pointOffTheCurveIsRefused() {
        byte[] bogus = new byte[65];
        bogus[0] = 0x04;
        bogus[64] = 1;
        assertThatThrownBy(() -> VerifyingKey.parse(bogus)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(key.toString()).doesNotContain(key.exportScalar().toHex());
    }
}
