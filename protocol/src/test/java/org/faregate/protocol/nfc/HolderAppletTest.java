package org.faregate.protocol.nfc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.GateId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.MediaType;
import org.faregate.protocol.Reason;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.token.NfcChallenge;
import org.faregate.protocol.token.NfcPresentation;
import org.faregate.protocol.token.PresentationVerifier;
import org.faregate.protocol.token.TokenRejectedException;
import org.faregate.protocol.token.VerifiedPresentation;
import org.junit.jupiter.api.Test;

class HolderAppletTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:30:00Z");
    private final SecureRandom random = new SecureRandom();
    private final SigningKey issuer = SigningKey.generate(random);
    private final SigningKey device = SigningKey.generate(random);
    private final Credential card = Credential.issue(KeyId.of(1), issuer, new CredentialId(UUID.randomUUID()),
            AccountId.of(5), RiderCategory.CHILD, MediaType.CARD, NOW.minusSeconds(3600), NOW.plusSeconds(86_400),
            0, device.verifyingKey());
    private final HolderApplet applet = new HolderApplet(card, device, 0);
    private final PresentationVerifier verifier = new PresentationVerifier(
            IssuerKeys.of(KeyId.of(1), issuer.verifyingKey()), Duration.ofSeconds(60), Duration.ofSeconds(30));

    @Test
    void gateReadsAndVerifiesACardThroughSelectAndAuthenticate() throws Exception {
        NfcChallenge challenge = NfcChallenge.fresh(random, NOW, GateId.of("S01-IN-1"));
        NfcPresentation presentation = NfcReader.read(applet::process, challenge);
        VerifiedPresentation verified = verifier.verify(presentation, NOW);
        assertThat(verified.kind()).isEqualTo(VerifiedPresentation.Kind.NFC);
        assertThat(verified.credential().category()).isEqualTo(RiderCategory.CHILD);
        assertThat(verified.counter()).isEqualTo(1);
    }

    @Test
    void everyAuthenticationAdvancesTheCounter() throws Exception {
        NfcReader.read(applet::process, NfcChallenge.fresh(random, NOW, GateId.of("G1")));
        NfcPresentation second = NfcReader.read(applet::process, NfcChallenge.fresh(random, NOW, GateId.of("G1")));
        assertThat(second.counter()).isEqualTo(2);
        assertThat(applet.counter()).isEqualTo(2);
    }

    @Test
    void responseToOneChallengeDoesNotVerifyForAnother() throws Exception {
        NfcPresentation answered = NfcReader.read(applet::process, NfcChallenge.fresh(random, NOW, GateId.of("G1")));
        NfcPresentation replayed = new NfcPresentation(answered.credential(),
                NfcChallenge.fresh(random, NOW, GateId.of("G2")), answered.counter(), answered.deviceSignature());
        assertThatThrownBy(() -> verifier.verify(replayed, NOW)).isInstanceOfSatisfying(TokenRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void authenticateBeforeSelectIsRefused() {
        NfcChallenge challenge = NfcChallenge.fresh(random, NOW, GateId.of("G1"));
        assertThat(statusWord(applet.process(Apdus.authenticate(challenge.encoded()))))
                .isEqualTo(Apdus.SW_CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void foreignApplicationIdIsNotFound() {
        byte[] select = Apdus.command(0x00, 0xA4, 0x04, 0x00, new byte[] {(byte) 0xA0, 0, 0, 0, 3});
        assertThat(statusWord(applet.process(select))).isEqualTo(Apdus.SW_FILE_NOT_FOUND);
    }

    @Test
    void garbageGetsStatusWordsNeverExceptions() {
        for (int i = 0; i < 2_000; i++) {
            byte[] garbage = new byte[random.nextInt(40)];
            random.nextBytes(garbage);
            byte[] response = applet.process(garbage);
            assertThat(response.length).isGreaterThanOrEqualTo(2);
        }
        assertThat(statusWord(applet.process(new byte[] {0x00}))).isEqualTo(Apdus.SW_WRONG_LENGTH);
        assertThat(statusWord(applet.process(new byte[] {0x10, 0x00, 0, 0}))).isEqualTo(Apdus.SW_CLA_NOT_SUPPORTED);
        assertThat(statusWord(applet.process(new byte[] {0x00, 0x20, 0, 0}))).isEqualTo(Apdus.SW_INS_NOT_SUPPORTED);
    }

    @Test
    void aCardWithoutTheApplicationIsUnsupported() {
        ApduChannel foreignCard = command -> new byte[] {0x6A, (byte) 0x82};
        assertThatThrownBy(() -> NfcReader.read(foreignCard, NfcChallenge.fresh(random, NOW, GateId.of("G1"))))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_CARD))
                .hasMessageContaining("6A82");
    }

    @Test
    void aCardAnsweringGarbageAfterSelectIsMalformed() {
        ApduChannel brokenCard = command -> new byte[] {1, 2, 3, (byte) 0x90, 0x00};
        assertThatThrownBy(() -> NfcReader.read(brokenCard, NfcChallenge.fresh(random, NOW, GateId.of("G1"))))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_TOKEN));
    }

    private static int statusWord(byte[] response) {
        return ((response[response.length - 2] & 0xff) << 8) | (response[response.length - 1] & 0xff);
    }
}
