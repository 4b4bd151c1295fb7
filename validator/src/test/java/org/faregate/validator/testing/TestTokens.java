package org.faregate.validator.testing;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.MediaType;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.token.QrPresentation;
import org.faregate.protocol.wire.IssuerKeyList;

/** Test data: an issuer, a device and credentials valid around {@link #T0}, with a builder for the odd ones. */
public final class TestTokens {

    public static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    public static final KeyId KEY_ID = KeyId.of(7);
    public static final AccountId ACCOUNT = AccountId.of(4242);

    public final SecureRandom random = new SecureRandom();
    public final SigningKey issuerKey = SigningKey.generate(random);
    public final SigningKey deviceKey = SigningKey.generate(random);

    public IssuerKeys issuerKeys() {
        return IssuerKeys.of(KEY_ID, issuerKey.verifyingKey());
    }

    public IssuerKeyList keyList() {
        return new IssuerKeyList(List.of(new IssuerKeyList.Entry(KEY_ID, issuerKey.verifyingKey().compressed().toHex())));
    }

    public CredentialBuilder credential() {
        return new CredentialBuilder();
    }

    /** A credential valid from a day before {@link #T0} to thirty days after, no offline limit. */
    public Credential validCredential() {
        return credential().build();
    }

    public byte[] qr(Credential credential, Instant stamped, long counter) {
        return QrPresentation.create(credential, deviceKey, stamped, counter).encoded().toArray();
    }

    public final class CredentialBuilder {
        private KeyId keyId = KEY_ID;
        private SigningKey signer = issuerKey;
        private CredentialId id = CredentialId.random(random);
        private Instant validFrom = T0.minusSeconds(86_400);
        private Instant validUntil = T0.plusSeconds(30L * 86_400);
        private int maxPresentations;

        public CredentialBuilder keyId(KeyId value) {
            keyId = value;
            return this;
        }

        public CredentialBuilder signedBy(SigningKey value) {
            signer = value;
            return this;
        }

        public CredentialBuilder id(CredentialId value) {
            id = value;
            return this;
        }

        public CredentialBuilder valid(Instant from, Instant until) {
            validFrom = from;
            validUntil = until;
            return this;
        }

        public CredentialBuilder maxPresentations(int value) {
            maxPresentations = value;
            return this;
        }

        public Credential build() {
            return Credential.issue(keyId, signer, id, ACCOUNT, RiderCategory.ADULT, MediaType.PHONE, validFrom,
                    validUntil, maxPresentations, deviceKey.verifyingKey());
        }
    }
}
