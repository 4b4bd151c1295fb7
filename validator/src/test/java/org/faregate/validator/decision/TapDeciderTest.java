package org.faregate.validator.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.validator.testing.TestTokens.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.faregate.protocol.Direction;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.TapId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.QrPresentation;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.validator.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TapDeciderTest {

    private final TestTokens tokens = new TestTokens();
    private final DenyList denyList = new DenyList();
    private final Credential credential = tokens.validCredential();

    private TapDecider decider(Direction direction) {
        return new TapDecider(direction, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(2),
                denyList, tokens.issuerKeys());
    }

    private TapDecision decide(TapDecider decider, byte[] payload, Instant now) {
        return decider.decideQr(TapId.timeOrdered(Instant.now(), tokens.random), payload, now);
    }

    @Test
    void freshCodeOfAValidCredentialIsAcceptedAndNamesTheAccount() {
        TapDecision decision = decide(decider(Direction.ENTRY), tokens.qr(credential, T0, 1), T0.plusSeconds(2));

        assertThat(decision.reason()).isEqualTo(Reason.ACCEPTED);
        assertThat(decision.credentialId()).isEqualTo(credential.id());
        assertThat(decision.accountId()).isEqualTo(TestTokens.ACCOUNT);
        assertThat(decision.display()).isEqualTo(RiderDisplay.textFor(Reason.ACCEPTED));
        assertThat(decision.at()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void bytesThatAreNotAPresentationAreMalformedAndNameNoOne() {
        TapDecision decision = decide(decider(Direction.ENTRY), new byte[] {0x51, 1, 2, 3}, T0);

        assertThat(decision.reason()).isEqualTo(Reason.MALFORMED_TOKEN);
        assertThat(decision.findCredential()).isEmpty();
        assertThat(decision.detail()).contains("byte");
    }

    @Test
    void credentialFromAnIssuerKeyTheGateDoesNotKnowIsUnknownKey() {
        Credential foreign = tokens.credential().keyId(KeyId.of(99)).build();

        TapDecision decision = decide(decider(Direction.ENTRY), tokens.qr(foreign, T0, 1), T0);

        assertThat(decision.reason()).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(decision.findAccount()).isEmpty();
    }

    @Test
    void flippedByteInTheDeviceSignatureIsBadSignature() {
        byte[] payload = tokens.qr(credential, T0, 1);
        payload[payload.length - 1] ^= 0x01;

        TapDecision decision = decide(decider(Direction.ENTRY), payload, T0);

        assertThat(decision.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void credentialSignedByAnImpostorUnderTheRightKeyIdIsBadSignatureAndNamesNoAccount() {
        Credential forged = tokens.credential().signedBy(SigningKey.generate(tokens.random)).build();

        TapDecision decision = decide(decider(Direction.ENTRY), tokens.qr(forged, T0, 1), T0);

        assertThat(decision.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(decision.findCredential()).isEmpty();
    }

    @Test
    void flippedByteInsideTheCredentialBreaksTheIssuerSignature() {
        byte[] payload = tokens.qr(credential, T0, 1);
        payload[29] ^= 0x01; // last byte of the account id: a rider trying to charge someone else

        TapDecision decision = decide(decider(Direction.ENTRY), payload, T0);

        assertThat(decision.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void credentialNotYetValidIsRefusedButNamed() {
        Credential later = tokens.credential().valid(T0.plusSeconds(3600), T0.plusSeconds(7200)).build();

        TapDecision decision = decide(decider(Direction.ENTRY), tokens.qr(later, T0, 1), T0);

        assertThat(decision.reason()).isEqualTo(Reason.NOT_YET_VALID);
        assertThat(decision.credentialId()).isEqualTo(later.id());
    }

    @Test
    void expiredCredentialIsRefused() {
        Credential old = tokens.credential().valid(T0.minusSeconds(7200), T0.minusSeconds(3600)).build();

        TapDecision decision = decide(decider(Direction.ENTRY), tokens.qr(old, T0, 1), T0);

        assertThat(decision.reason()).isEqualTo(Reason.EXPIRED_CREDENTIAL);
    }

    @Test
    void staleCodeIsExpiredToken() {
        TapDecision decision = decide(decider(Direction.ENTRY), tokens.qr(credential, T0, 1), T0.plusSeconds(600));

        assertThat(decision.reason()).isEqualTo(Reason.EXPIRED_TOKEN);
    }

    @Test
    void codeFromTheFutureIsFutureToken() {
        TapDecision decision = decide(decider(Direction.ENTRY), tokens.qr(credential, T0.plusSeconds(600), 1), T0);

        assertThat(decision.reason()).isEqualTo(Reason.FUTURE_TOKEN);
    }

    @Test
    void counterOverTheOfflineLimitIsOverLimit() {
        Credential limited = tokens.credential().maxPresentations(10).build();
        TapDecider decider = decider(Direction.EXIT);

        assertThat(decide(decider, tokens.qr(limited, T0, 10), T0).reason()).isEqualTo(Reason.ACCEPTED);
        assertThat(decide(decider, tokens.qr(limited, T0, 11), T0).reason()).isEqualTo(Reason.OVER_LIMIT);
    }

    @Test
    void credentialOnTheDenyListIsDeniedToken() {
        denyList.apply(new DenyListDelta(0, 3, true, List.of(new DenyChange(credential.id(), true, 3, "unpaid"))));

        TapDecision decision = decide(decider(Direction.ENTRY), tokens.qr(credential, T0, 1), T0);

        assertThat(decision.reason()).isEqualTo(Reason.DENIED_TOKEN);
        assertThat(decision.credentialId()).isEqualTo(credential.id());
    }

    @Test
    void sameCodeTwiceAtOneGateIsReplayed() {
        TapDecider decider = decider(Direction.EXIT);
        byte[] payload = tokens.qr(credential, T0, 1);

        assertThat(decide(decider, payload, T0).reason()).isEqualTo(Reason.ACCEPTED);
        assertThat(decide(decider, payload, T0.plusSeconds(5)).reason()).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void replayIsRefusedUntilTheCodeWouldExpireAnyway() {
        TapDecider decider = decider(Direction.EXIT);
        byte[] payload = tokens.qr(credential, T0, 1);
        decide(decider, payload, T0);

        assertThat(decide(decider, payload, T0.plusSeconds(90)).reason()).isEqualTo(Reason.REPLAYED);
        assertThat(decide(decider, payload, T0.plusSeconds(91)).reason()).isEqualTo(Reason.EXPIRED_TOKEN);
    }

    @Test
    void aFreshCodeOfTheSameCredentialIsNotAReplay() {
        TapDecider decider = decider(Direction.EXIT);

        assertThat(decide(decider, tokens.qr(credential, T0, 1), T0).reason()).isEqualTo(Reason.ACCEPTED);
        assertThat(decide(decider, tokens.qr(credential, T0.plusSeconds(1), 2), T0.plusSeconds(1)).reason())
                .isEqualTo(Reason.ACCEPTED);
    }

    @Test
    void enteringAgainWithinTheWindowIsPassback() {
        TapDecider decider = decider(Direction.ENTRY);

        assertThat(decide(decider, tokens.qr(credential, T0, 1), T0).reason()).isEqualTo(Reason.ACCEPTED);
        TapDecision second = decide(decider, tokens.qr(credential, T0.plusSeconds(30), 2), T0.plusSeconds(30));

        assertThat(second.reason()).isEqualTo(Reason.PASSBACK);
        assertThat(second.credentialId()).isEqualTo(credential.id());
    }

    @ParameterizedTest(name = "second entry {0}s after the first: {1}")
    @CsvSource({"119, passback", "120, accepted", "121, accepted"})
    void passbackWindowEndsAfterTwoMinutes(long secondsLater, String expected) {
        TapDecider decider = decider(Direction.ENTRY);
        decide(decider, tokens.qr(credential, T0, 1), T0);
        Instant later = T0.plusSeconds(secondsLater);

        assertThat(decide(decider, tokens.qr(credential, later, 2), later).reason().code()).isEqualTo(expected);
    }

    @Test
    void exitGatesDoNotApplyPassback() {
        TapDecider decider = decider(Direction.EXIT);
        decide(decider, tokens.qr(credential, T0, 1), T0);

        assertThat(decide(decider, tokens.qr(credential, T0.plusSeconds(10), 2), T0.plusSeconds(10)).reason())
                .isEqualTo(Reason.ACCEPTED);
    }

    @Test
    void aRefusedEntryDoesNotStartThePassbackWindow() {
        TapDecider decider = decider(Direction.ENTRY);
        denyList.apply(new DenyListDelta(0, 1, true, List.of(new DenyChange(credential.id(), true, 1, "lost"))));
        decide(decider, tokens.qr(credential, T0, 1), T0);
        denyList.apply(new DenyListDelta(1, 2, false, List.of(new DenyChange(credential.id(), false, 2, "found"))));

        assertThat(decide(decider, tokens.qr(credential, T0.plusSeconds(5), 2), T0.plusSeconds(5)).reason())
                .isEqualTo(Reason.ACCEPTED);
    }

    @Test
    void checksRunInOrderDenyListBeforeReplay() {
        TapDecider decider = decider(Direction.EXIT);
        byte[] payload = tokens.qr(credential, T0, 1);
        decide(decider, payload, T0);
        denyList.apply(new DenyListDelta(0, 1, true, List.of(new DenyChange(credential.id(), true, 1, "lost"))));

        assertThat(decide(decider, payload, T0.plusSeconds(1)).reason()).isEqualTo(Reason.DENIED_TOKEN);
    }

    @Test
    void newKeysTakeEffectOnTheNextDecision() {
        TapDecider decider = new TapDecider(Direction.EXIT, Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofMinutes(2), denyList, new org.faregate.protocol.token.IssuerKeys(java.util.Map.of()));
        byte[] payload = tokens.qr(credential, T0, 1);
        assertThat(decide(decider, payload, T0).reason()).isEqualTo(Reason.UNKNOWN_KEY);

        decider.useKeys(tokens.issuerKeys());

        assertThat(decide(decider, payload, T0).reason()).isEqualTo(Reason.ACCEPTED);
    }

    /** QR valid 60 s, clock skew 30 s: a code stamped at T0 is good from T0-30s to T0+90s inclusive. */
    @ParameterizedTest(name = "gate time T0{0}s: {1}")
    @CsvSource({"-31, future_token", "-30, accepted", "0, accepted", "89, accepted", "90, accepted",
            "91, expired_token"})
    void qrValidityWindowEdges(long offsetSeconds, String expected) {
        Instant now = T0.plusSeconds(offsetSeconds);

        TapDecision decision = decide(decider(Direction.EXIT), tokens.qr(credential, T0, 1), now);

        assertThat(decision.reason().code()).isEqualTo(expected);
    }

    @Test
    void presentationObjectsAreDecidedLikeTheirBytes() {
        QrPresentation presentation = QrPresentation.create(credential, tokens.deviceKey, T0, 1);

        TapDecision decision = decider(Direction.EXIT).decide(TapId.timeOrdered(Instant.now(), tokens.random), presentation, T0);

        assertThat(decision.accepted()).isTrue();
    }
}
