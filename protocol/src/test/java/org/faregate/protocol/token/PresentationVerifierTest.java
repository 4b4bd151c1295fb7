package org.faregate.protocol.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.protocol.token.TokenFixture.PRESENTED_AT;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.crypto.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresentationVerifierTest {

    private final PresentationVerifier verifier = TokenFixture.verifier();

    @Test
    void freshCodeFromAValidCredentialIsVerified() throws TokenRejectedException {
        VerifiedPresentation verified = verifier.verifyQr(TokenFixture.qr(PRESENTED_AT, 1).encoded().toArray(),
                PRESENTED_AT);
        assertThat(verified.kind()).isEqualTo(VerifiedPresentation.Kind.QR);
        assertThat(verified.credential().account()).isEqualTo(TokenFixture.ACCOUNT);
        assertThat(verified.presentedAt()).isEqualTo(PRESENTED_AT);
    }

    /** QR validity 60 s plus 30 s skew: a code is good from 30 s before gate time to 90 s after. */
    @ParameterizedTest(name = "code aged {0}s -> {1}")
    @CsvSource({"-31, future_token", "-30, accepted", "0, accepted", "90, accepted", "91, expired_token"})
    void codeFreshnessWindowEdges(long ageSeconds, String expected) {
        Instant now = PRESENTED_AT.plusSeconds(ageSeconds);
        assertThat(outcome(TokenFixture.qr(PRESENTED_AT, 1).encoded().toArray(), now)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "gate time {0} -> {1}")
    @CsvSource({"2026-10-31T23:59:29Z, not_yet_valid", "2026-10-31T23:59:30Z, accepted",
            "2026-12-01T00:00:30Z, accepted", "2026-12-01T00:00:31Z, expired_credential"})
    void credentialValidityWindowEdges(String gateTime, String expected) {
        Instant now = Instant.parse(gateTime);
        assertThat(outcome(TokenFixture.qr(now, 1).encoded().toArray(), now)).isEqualTo(expected);
    }

    @Test
    void flippedByteInTheDeviceSignatureIsABadSignature() {
        byte[] payload = TokenFixture.qr(PRESENTED_AT, 1).encoded().toArray();
        payload[payload.length - 1] ^= 0x01;
        assertThat(outcome(payload, PRESENTED_AT)).isEqualTo("bad_signature");
    }

    @Test
    void changedAccountInsideTheCredentialBreaksTheIssuerSignature() {
        byte[] payload = TokenFixture.qr(PRESENTED_AT, 1).encoded().toArray();
        payload[1 + 28] ^= 0x01; // last byte of the account id
        assertThat(outcome(payload, PRESENTED_AT)).isEqualTo("bad_signature");
    }

    @Test
    void credentialFromAnUntrustedIssuerKeyIsABadSignature() {
        SigningKey forger = SigningKey.generate(new SecureRandom());
        Credential forged = TokenFixture.credential(forger, TokenFixture.KEY_ID, TokenFixture.VALID_FROM,
                TokenFixture.VALID_UNTIL, 500);
        byte[] payload = QrPresentation.create(forged, TokenFixture.DEVICE_KEY, PRESENTED_AT, 1).encoded().toArray();
        assertThat(outcome(payload, PRESENTED_AT)).isEqualTo("bad_signature");
    }

    @Test
    void unknownIssuerKeyIdIsRefused() {
        Credential other = TokenFixture.credential(TokenFixture.ISSUER_KEY, KeyId.of(8), TokenFixture.VALID_FROM,
                TokenFixture.VALID_UNTIL, 500);
        byte[] payload = QrPresentation.create(other, TokenFixture.DEVICE_KEY, PRESENTED_AT, 1).encoded().toArray();
        assertThat(outcome(payload, PRESENTED_AT)).isEqualTo("unknown_key");
    }

    @Test
    void codeSignedByAnotherDeviceIsABadSignature() {
        SigningKey thief = SigningKey.generate(new SecureRandom());
        byte[] payload = QrPresentation.create(TokenFixture.credential(), thief, PRESENTED_AT, 1).encoded().toArray();
        assertThat(outcome(payload, PRESENTED_AT)).isEqualTo("bad_signature");
    }

    @ParameterizedTest(name = "counter {0} of 500 -> {1}")
    @CsvSource({"500, accepted", "501, over_limit"})
    void offlineCounterLimitEdges(long counter, String expected) {
        assertThat(outcome(TokenFixture.qr(PRESENTED_AT, counter).encoded().toArray(), PRESENTED_AT))
                .isEqualTo(expected);
    }

    @Test
    void truncatedPayloadIsMalformedAndSaysWhere() {
        byte[] payload = java.util.Arrays.copyOf(TokenFixture.qr(PRESENTED_AT, 1).encoded().toArray(), 150);
        assertThatThrownBy(() -> verifier.verifyQr(payload, PRESENTED_AT))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_TOKEN))
                .hasMessageContaining("timestamp").hasMessageContaining("at byte 147");
    }

    @Test
    void replayKeyIgnoresTheSignatureBytes() throws TokenRejectedException {
        QrPresentation qr = TokenFixture.qr(PRESENTED_AT, 9);
        VerifiedPresentation first = verifier.verify(qr, PRESENTED_AT);
        VerifiedPresentation second = verifier.verify(qr, PRESENTED_AT.plusSeconds(1));
        assertThat(first.replayKey()).isEqualTo(second.replayKey());
        assertThat(verifier.verify(TokenFixture.qr(PRESENTED_AT, 10), PRESENTED_AT).replayKey())
                .isNotEqualTo(first.replayKey());
    }

    @Test
    void negativeWindowsAreAProgrammingError() {
        assertThatThrownBy(() -> new PresentationVerifier(new IssuerKeys(java.util.Map.of()),
                Duration.ofSeconds(-1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private String outcome(byte[] payload, Instant now) {
        try {
            verifier.verifyQr(payload, now);
            return Reason.ACCEPTED.code();
        } catch (TokenRejectedException e) {
            return e.reason().code();
        }
    }
}
