package org.faregate.protocol.token;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.MediaType;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.crypto.SigningKey;

/** Fixed keys and a fixed credential: the test vector of docs/token-format.md. */
final class TokenFixture {

    static final SigningKey ISSUER_KEY = SigningKey.fromScalar(Bytes.parseHex(
            "1111111111111111111111111111111111111111111111111111111111111111"));
    static final SigningKey DEVICE_KEY = SigningKey.fromScalar(Bytes.parseHex(
            "2222222222222222222222222222222222222222222222222222222222222222"));
    static final KeyId KEY_ID = KeyId.of(7);
    static final CredentialId CREDENTIAL_ID = new CredentialId(UUID.fromString("0b7e2c4a-9d1f-4e3b-8a6c-5f2d1e0c9b8a"));
    static final AccountId ACCOUNT = AccountId.of(42);
    static final Instant VALID_FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant VALID_UNTIL = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant PRESENTED_AT = Instant.parse("2026-11-24T08:30:00Z");

    private TokenFixture() {
    }

    static Credential credential() {
        return credential(ISSUER_KEY, KEY_ID, VALID_FROM, VALID_UNTIL, 500);
    }

    static Credential credential(SigningKey issuer, KeyId keyId, Instant from, Instant until, int maxPresentations) {
        return Credential.issue(keyId, issuer, CREDENTIAL_ID, ACCOUNT, RiderCategory.ADULT, MediaType.PHONE,
                from, until, maxPresentations, DEVICE_KEY.verifyingKey());
    }

    static QrPresentation qr(Instant timestamp, long counter) {
        return QrPresentation.create(credential(), DEVICE_KEY, timestamp, counter);
    }

    static PresentationVerifier verifier() {
        return new PresentationVerifier(IssuerKeys.of(KEY_ID, ISSUER_KEY.verifyingKey()),
                Duration.ofSeconds(60), Duration.ofSeconds(30));
    }
}
