package org.faregate.gateway.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.TestDatabases;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.crypto.VerifyingKey;
import org.faregate.protocol.feed.DenyListCodec;
import org.faregate.protocol.feed.KeyListSignatures;
import org.faregate.protocol.feed.SignedDenyList;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.wire.IssuerKeyList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A whole rotation over HTTP, on a gateway whose clock the test moves. */
class IssuerKeyRotationTest {

    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(START);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static Gateway gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start() {
        InstantSource clock = NOW::get;
        gateway = Gateway.start(GatewayConfig.embedded().withDatabase(TestDatabases.fresh()), clock);
        client = GatewayClient.admin(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static IssuerKeyList published() {
        return client.get("/v1/issuer-keys").expect(200, IssuerKeyList.class);
    }

    private static List<IssuerKeyStore.KeyView> described() {
        return List.of(client.get("/v1/admin/issuer-keys").expect(200, IssuerKeyStore.KeyView[].class));
    }

    private static IssuerKeys trusting(IssuerKeyList list, long... ids) {
        Map<KeyId, VerifyingKey> keys = new java.util.HashMap<>();
        for (long id : ids) {
            IssuerKeyList.Entry entry = list.keys().stream().filter(e -> e.keyId().value() == id).findFirst().orElseThrow();
            keys.put(entry.keyId(), VerifyingKey.parse(HexFormat.of().parseHex(entry.publicKey())));
        }
        return new IssuerKeys(keys);
    }

    private static KeyId signerOfNewCredential() throws Exception {
        AccountId account = client.openAccount("adult").accountId();
        String hex = client.issue(account, SigningKey.generate(RANDOM).verifyingKey(), "phone").credential();
        return Credential.parse(HexFormat.of().parseHex(hex)).issuerKeyId();
    }

    private static void advance(Duration by) {
        NOW.updateAndGet(now -> now.plus(by));
    }

    @Test
    void aNewKeyIsPublishedADayBeforeItSignsAndTheOldOneRetiresOnlyAfterward() throws Exception {
        IssuerKeyList first = published();
        assertThat(first.keys()).extracting(IssuerKeyList.Entry::keyId).containsExactly(KeyId.of(1));
        IssuerKeys trustsOne = trusting(first, 1);
        assertThatCode(() -> KeyListSignatures.verify(first, trustsOne, NOW.get(), Optional.empty()))
                .doesNotThrowAnyException();

        client.postJson("/v1/admin/issuer-keys", "").expect(201, IssuerKeyStore.KeyView.class);
        IssuerKeyList rotating = published();
        assertThat(rotating.keys()).extracting(IssuerKeyList.Entry::keyId).containsExactly(KeyId.of(1), KeyId.of(2));
        assertThatCode(() -> KeyListSignatures.verify(rotating, trustsOne, NOW.get(), Optional.of(first.issuedAt())))
                .as("a gate that trusts only key 1 takes the list introducing key 2").doesNotThrowAnyException();
        assertThat(signerOfNewCredential()).isEqualTo(KeyId.of(1));
        assertThat(described()).extracting(IssuerKeyStore.KeyView::state).containsExactly("signing", "pending");
        assertThat(client.postJson("/v1/admin/issuer-keys/1/retire", "").error().code())
                .as("retiring key 1 before key 2 signs would leave nothing to sign with")
                .isEqualTo("key_rotation_conflict");

        advance(IssuerKeyStore.DEFAULT_PROPAGATION);
        assertThat(signerOfNewCredential()).isEqualTo(KeyId.of(2));
        assertThat(described()).extracting(IssuerKeyStore.KeyView::state).containsExactly("verifying", "signing");

        Instant retireAt = NOW.get().plus(Duration.ofDays(30));
        client.postJson("/v1/admin/issuer-keys/1/retire", "{\"at\":\"" + retireAt + "\"}")
                .expect(200, IssuerKeyStore.KeyView.class);
        assertThat(published().keys().get(0).notAfter()).isEqualTo(retireAt);

        advance(Duration.ofDays(30));
        IssuerKeyList after = published();
        assertThat(after.keys()).extracting(IssuerKeyList.Entry::keyId).containsExactly(KeyId.of(2));
        assertThat(after.signatures()).extracting(IssuerKeyList.Signature::keyId).containsExactly(KeyId.of(2));
        assertThatCode(() -> KeyListSignatures.verify(after, trusting(rotating, 1, 2), NOW.get(), Optional.empty()))
                .doesNotThrowAnyException();

        byte[] feed = client.get("/v1/deny-list?since=0", DenyListCodec.MEDIA_TYPE).body();
        SignedDenyList signed = DenyListCodec.read(new ByteArrayInputStream(feed));
        assertThat(signed.keyId()).isEqualTo(KeyId.of(2));
        assertThat(signed.issuedAt()).isEqualTo(NOW.get());
        assertThat(signed.verifiedWith(trusting(after, 2), NOW.get()).snapshot()).isTrue();
    }

    @Test
    void unknownKeysAndPastStartsAreRefusedWithCodes() {
        assertThat(client.postJson("/v1/admin/issuer-keys/99/retire", "").error().code()).isEqualTo("unknown_issuer_key");
        assertThat(client.postJson("/v1/admin/issuer-keys", "{\"signsFrom\":\"2020-01-01T00:00:00Z\"}").error().code())
                .isEqualTo("malformed_request");
        assertThat(client.postJson("/v1/admin/issuer-keys/x/retire", "").error().code()).isEqualTo("malformed_request");
    }
}
