package org.faregate.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.SharedGateway;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.MediaType;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.crypto.VerifyingKey;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.token.PresentationVerifier;
import org.faregate.protocol.token.QrPresentation;
import org.faregate.protocol.token.VerifiedPresentation;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.IssuerKeyList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedGateway.class)
class WalletApiTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GatewayClient client;

    WalletApiTest(GatewayClient client) {
        this.client = client;
    }

    @Test
    void openedAccountStartsEmptyInTheOperatorsCurrency() {
        Accounts.View view = client.openAccount("child");

        assertThat(view.riderCategory()).isEqualTo("child");
        assertThat(view.balanceMinor()).isZero();
        assertThat(view.currency()).isEqualTo("CNY");
        assertThat(view.floorMinor()).isZero();
        assertThat(view.denied()).isFalse();
        assertThat(client.account(view.accountId())).isEqualTo(view);
    }

    @Test
    void unknownRiderCategoryIsRefused() {
        GatewayClient.Reply reply = client.post("/v1/accounts", new Accounts.OpenRequest("pirate"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.error().code()).isEqualTo("unknown_rider_category");
    }

    @Test
    void topUpIsIdempotentByReference() {
        AccountId id = client.openAccount("adult").accountId();

        Accounts.View first = client.topUp(id, 500, "CNY", "pay-1").expect(200, Accounts.View.class);
        Accounts.View again = client.topUp(id, 500, "CNY", "pay-1").expect(200, Accounts.View.class);
        Accounts.View second = client.topUp(id, 250, "CNY", "pay-2").expect(200, Accounts.View.class);

        assertThat(first.balanceMinor()).isEqualTo(500);
        assertThat(again).isEqualTo(first);
        assertThat(second.balanceMinor()).isEqualTo(750);
        assertThat(client.history(id).entries()).extracting(Accounts.LedgerEntry::amountMinor).containsExactly(500L, 250L);
    }

    @Test
    void reusedReferenceWithAnotherAmountIsAConflict() {
        AccountId id = client.openAccount("adult").accountId();
        client.topUp(id, 500, "CNY", "pay-1").expect(200, Accounts.View.class);

        GatewayClient.Reply reply = client.topUp(id, 900, "CNY", "pay-1");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error().code()).isEqualTo("reference_conflict");
        assertThat(client.account(id).balanceMinor()).isEqualTo(500);
    }

    @Test
    void topUpInAnotherCurrencyIsRefused() {
        AccountId id = client.openAccount("adult").accountId();

        GatewayClient.Reply reply = client.topUp(id, 500, "EUR", "pay-1");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.error().code()).isEqualTo("currency_mismatch");
    }

    @Test
    void topUpOfAnUnknownAccountIsNotFound() {
        GatewayClient.Reply reply = client.topUp(AccountId.of(99_999_999L), 500, "CNY", "pay-1");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().code()).isEqualTo("unknown_account");
    }

    @Test
    void issuedPhoneCredentialVerifiesAgainstThePublishedIssuerKey() throws Exception {
        AccountId id = client.openAccount("student").accountId();
        SigningKey device = SigningKey.generate(RANDOM);

        Accounts.IssuedCredential issued = client.issue(id, device.verifyingKey(), "phone");

        IssuerKeyList keys = client.get("/v1/issuer-keys").expect(200, IssuerKeyList.class);
        assertThat(keys.keys()).isNotEmpty();
        IssuerKeyList.Entry key = keys.keys().get(keys.keys().size() - 1);
        Credential credential = Credential.parse(HexFormat.of().parseHex(issued.credential()));
        assertThat(credential.id()).isEqualTo(issued.credentialId());
        assertThat(credential.account()).isEqualTo(id);
        assertThat(credential.category()).isEqualTo(RiderCategory.STUDENT);
        assertThat(credential.media()).isEqualTo(MediaType.PHONE);
        assertThat(credential.maxPresentations()).isEqualTo(500);
        assertThat(Duration.between(credential.validFrom(), credential.validUntil())).isEqualTo(Duration.ofDays(30));
        assertThat(credential.validUntil()).isEqualTo(issued.validUntil());

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        PresentationVerifier verifier = new PresentationVerifier(IssuerKeys.of(key.keyId(),
                VerifyingKey.parse(HexFormat.of().parseHex(key.publicKey()))), Duration.ofSeconds(60), Duration.ofSeconds(5));
        VerifiedPresentation verified = verifier.verifyQr(QrPresentation.create(credential, device, now, 1)
                .encoded().toArray(), now);
        assertThat(verified.credential()).isEqualTo(credential);
        assertThat(key.keyId()).isEqualTo(KeyId.of(1));
    }

    @Test
    void cardCredentialHasNoPresentationLimit() throws Exception {
        AccountId id = client.openAccount("adult").accountId();

        Accounts.IssuedCredential issued = client.issue(id, SigningKey.generate(RANDOM).verifyingKey(), "card");

        Credential credential = Credential.parse(HexFormat.of().parseHex(issued.credential()));
        assertThat(credential.media()).isEqualTo(MediaType.CARD);
        assertThat(credential.maxPresentations()).isZero();
    }

    @Test
    void credentialRequestWithABadDeviceKeyIsRefused() {
        AccountId id = client.openAccount("adult").accountId();

        GatewayClient.Reply reply = client.post("/v1/accounts/" + id + "/credentials",
                new Accounts.CredentialRequest("02abcd", "phone"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().code()).isEqualTo("malformed_request");
        assertThat(reply.error().message()).startsWith("devicePublicKey:");
    }
}
