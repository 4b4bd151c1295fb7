package org.faregate.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.validator.testing.TestTokens.KEY_ID;
import static org.faregate.validator.testing.TestTokens.T0;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.validator.testing.MutableClock;
import org.faregate.validator.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuer keys on the gate: signed key lists, rotation, retirement, the signed deny feed and clock drift. */
class KeyRotationTest {

    private static final KeyId NEW_ID = KeyId.of(8);

    private final TestTokens tokens = new TestTokens();
    private final SigningKey newKey = SigningKey.generate(tokens.random);
    private final MutableClock clock = new MutableClock(T0);
    private final FakeGateway gateway = new FakeGateway(tokens, clock);
    private final Credential oldCredential = tokens.validCredential();
    private final Credential newCredential = tokens.credential().keyId(NEW_ID).signedBy(newKey).build();

    @TempDir
    Path dataDir;
    private Validator validator;
    private long counter;

    @BeforeEach
    void open() {
        validator = Validator.open(ValidatorConfig.of(GateId.of("S01-IN-1"), StationId.of("S01"), Direction.ENTRY,
                dataDir), clock, tokens.random, gateway);
        validator.trustIssuerKeys(tokens.keyList());
        assertThat(validator.sync().complete()).isTrue();
    }

    @AfterEach
    void close() {
        validator.close();
    }

    private IssuerKeyList.Entry oldEntry(java.time.Instant notAfter) {
        return new IssuerKeyList.Entry(KEY_ID, tokens.issuerKey.verifyingKey().compressed().toHex(), notAfter);
    }

    private IssuerKeyList.Entry newEntry() {
        return new IssuerKeyList.Entry(NEW_ID, newKey.verifyingKey().compressed().toHex());
    }

    /** A QR code of the credential, stamped now, after the pass-back window of the last one. */
    private Reason present(Credential credential) {
        clock.advance(Duration.ofMinutes(3));
        return validator.presentQr(tokens.qr(credential, clock.instant(), ++counter)).reason();
    }

    @Test
    void aRotationSignedByTheTrustedKeyIsTakenThenTheOldKeyIsDropped() {
        gateway.keys(new IssuerKeyList(List.of(oldEntry(null), newEntry())), Map.of(KEY_ID, tokens.issuerKey,
                NEW_ID, newKey));
        assertThat(present(newCredential)).isEqualTo(Reason.UNKNOWN_KEY);

        SyncReport rotating = validator.sync();

        assertThat(rotating.complete()).isTrue();
        assertThat(rotating.issuerKeys()).isEqualTo(2);
        assertThat(present(newCredential)).isEqualTo(Reason.ACCEPTED);
        assertThat(present(oldCredential)).isEqualTo(Reason.ACCEPTED);

        gateway.keys(new IssuerKeyList(List.of(newEntry())), Map.of(NEW_ID, newKey));
        gateway.signDenyListWith(NEW_ID, newKey);
        SyncReport rotated = validator.sync();

        assertThat(rotated.complete()).as("the list and the deny feed are now signed by the new key only").isTrue();
        assertThat(rotated.issuerKeys()).isEqualTo(1);
        assertThat(present(oldCredential)).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(present(newCredential)).isEqualTo(Reason.ACCEPTED);
    }

    @Test
    void aKeyListSignedOnlyByAKeyTheGateDoesNotTrustIsRefusedAndTheGateKeepsItsKeys() {
        gateway.keys(new IssuerKeyList(List.of(newEntry())), Map.of(NEW_ID, newKey));

        SyncReport report = validator.sync();

        assertThat(report.failures()).singleElement().asString().startsWith("feed_untrusted")
                .contains("not signed by a key this gate trusts");
        assertThat(report.issuerKeys()).isEqualTo(1);
        assertThat(present(oldCredential)).isEqualTo(Reason.ACCEPTED);
        assertThat(present(newCredential)).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void aRetiredKeyIsRefusedFromItsDateEvenOffline() {
        gateway.keys(new IssuerKeyList(List.of(oldEntry(T0.plus(Duration.ofHours(1))), newEntry())),
                Map.of(KEY_ID, tokens.issuerKey, NEW_ID, newKey));
        gateway.signDenyListWith(NEW_ID, newKey);
        assertThat(validator.sync().complete()).isTrue();
        gateway.online(false);

        assertThat(present(oldCredential)).isEqualTo(Reason.ACCEPTED);
        clock.advance(Duration.ofMinutes(54));
        assertThat(present(oldCredential)).as("at 09:00:00, the retirement time").isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(validator.presentQr(tokens.qr(oldCredential, clock.instant(), ++counter)).detail())
                .contains("retired");
        assertThat(present(newCredential)).isEqualTo(Reason.ACCEPTED);
    }

    @Test
    void aDenyListSignedByAKeyTheGateDoesNotTrustIsRefusedAndTheListKept() {
        CredentialId denied = CredentialId.random(tokens.random);
        gateway.deny(denied, true);
        SigningKey stranger = SigningKey.generate(tokens.random);
        gateway.signDenyListWith(KeyId.of(99), stranger);

        SyncReport report = validator.sync();

        assertThat(report.failures()).singleElement().asString().startsWith("feed_untrusted")
                .contains("key 99");
        assertThat(report.denyListVersion()).isZero();
    }

    @Test
    void anEmptyKeyListIsRefused() {
        gateway.keys(new IssuerKeyList(List.of()), Map.of(KEY_ID, tokens.issuerKey));

        SyncReport report = validator.sync();

        assertThat(report.failures()).singleElement().asString().contains("empty issuer key list");
        assertThat(report.issuerKeys()).isEqualTo(1);
    }

    @Test
    void eachSyncMeasuresHowFarTheGatesClockIsFromTheGateways() {
        assertThat(validator.sync().clockDrift()).hasValue(Duration.ZERO);

        gateway.clockOffset(Duration.ofSeconds(-45));
        SyncReport report = validator.sync();

        assertThat(report.clockDrift()).hasValue(Duration.ofSeconds(-45));
        assertThat(validator.clockDrift()).hasValue(Duration.ofSeconds(-45));
    }
}
