package org.faregate.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.time.Instant;
import java.util.HexFormat;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.GateId;
import org.faregate.protocol.crypto.SigningKey;
import org.junit.jupiter.api.Test;

class BatchSignatureTest {

    /** The documented vector's key: 32 bytes of 0x33 (tests only). */
    private static final SigningKey GATE_KEY = SigningKey.fromScalar(Bytes.parseHex("33".repeat(32)));
    private static final GateId GATE = GateId.of("S01-IN-1");
    private static final Instant AT = Instant.parse("2026-11-24T08:30:00Z");
    private static final byte[] BODY = "{\"gateId\":\"S01-IN-1\",\"taps\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignedMessageIsTheDocumentedLayout() {
        assertThat(HexFormat.of().formatHex(BatchSignature.signedBytes(GATE, AT, BODY))).isEqualTo(
                HexFormat.of().formatHex("faregate-batch-v1".getBytes(StandardCharsets.US_ASCII))
                        + "08" + HexFormat.of().formatHex("S01-IN-1".getBytes(StandardCharsets.US_ASCII))
                        + "000001a20cad1740" + "0000001f" + HexFormat.of().formatHex(BODY));
    }

    @Test
    void theDocumentedVectorIsReproduced() {
        BatchSignature signature = BatchSignature.sign(GATE_KEY, GATE, AT, BODY);

        assertThat(GATE_KEY.verifyingKey().compressed().toHex()).isEqualTo(VECTOR_PUBLIC_KEY);
        assertThat(signature.timeHeader()).isEqualTo("1795509000000");
        assertThat(signature.signatureHeader()).isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void aSignatureParsedFromItsHeadersVerifiesOverTheExactBody() throws SignatureException {
        BatchSignature sent = BatchSignature.sign(GATE_KEY, GATE, AT, BODY);

        BatchSignature received = BatchSignature.parse(GATE.value(), sent.timeHeader(), sent.signatureHeader());

        assertThat(received).isEqualTo(sent);
        received.verify(GATE_KEY.verifyingKey(), BODY);
    }

    @Test
    void anyChangeToBodyGateOrTimeBreaksTheSignature() {
        BatchSignature sent = BatchSignature.sign(GATE_KEY, GATE, AT, BODY);
        byte[] spaced = (new String(BODY, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> sent.verify(GATE_KEY.verifyingKey(), spaced)).isInstanceOf(SignatureException.class);
        assertThatThrownBy(() -> new BatchSignature(GateId.of("S01-IN-2"), AT, sent.signature())
                .verify(GATE_KEY.verifyingKey(), BODY)).isInstanceOf(SignatureException.class);
        assertThatThrownBy(() -> new BatchSignature(GATE, AT.plusMillis(1), sent.signature())
                .verify(GATE_KEY.verifyingKey(), BODY)).isInstanceOf(SignatureException.class);
        SigningKey other = SigningKey.generate(new SecureRandom());
        assertThatThrownBy(() -> sent.verify(other.verifyingKey(), BODY)).isInstanceOf(SignatureException.class);
        assertThatCode(() -> sent.verify(GATE_KEY.verifyingKey(), BODY)).doesNotThrowAnyException();
    }

    @Test
    void unreadableHeadersAreNamed() {
        String hex = "00".repeat(64);
        assertThatThrownBy(() -> BatchSignature.parse(null, "1", hex)).hasMessageContaining("missing header Faregate-Gate");
        assertThatThrownBy(() -> BatchSignature.parse("G1", "soon", hex)).hasMessageContaining("Faregate-Time");
        assertThatThrownBy(() -> BatchSignature.parse("G1", "1", null))
                .hasMessageContaining("missing header Faregate-Signature");
        assertThatThrownBy(() -> BatchSignature.parse("G1", "1", "abc")).hasMessageContaining("128 hex digits");
        assertThatThrownBy(() -> BatchSignature.parse("G1", "1", "zz".repeat(64))).hasMessageContaining("not hex");
        assertThatThrownBy(() -> BatchSignature.parse("no spaces", "1", hex)).hasMessageContaining("gate id");
    }

    private static final String VECTOR_PUBLIC_KEY = "0351a7580833898ea1b183cbd7350a4099078c6ef1c1e18e970cd7683035f25e7d";
    private static final String VECTOR_SIGNATURE =
            "7a863910e291b38cf6a2ccefc80cdd5a132cd1e364749b1e9c38ca47c4f20363"
            + "19b4d29366690b43d81691f8c2f7d4dacdc82005ab5f9274b6d41035b776b125";
}
