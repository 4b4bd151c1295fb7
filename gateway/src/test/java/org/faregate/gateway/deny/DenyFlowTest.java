package org.faregate.gateway.deny;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.gateway.Taps.batch;
import static org.faregate.gateway.Taps.entry;
import static org.faregate.gateway.Taps.exit;

import java.security.SecureRandom;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.SharedGateway;
import org.faregate.gateway.admin.DenyRequest;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedGateway.class)
class DenyFlowTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GatewayClient client;

    DenyFlowTest(GatewayClient client) {
        this.client = client;
    }

    private CredentialId issue(AccountId account) {
        return client.issue(account, SigningKey.generate(RANDOM).verifyingKey(), "phone").credentialId();
    }

    @Test
    void balanceBelowTheFloorDeniesEveryCredentialAndATopUpRestoresThem() {
        AccountId account = client.openAccount("adult").accountId();
        CredentialId phone = issue(account);
        CredentialId card = issue(account);

        client.send(batch(entry(account, phone, "S01", "08:00"), exit(account, phone, "S02", "08:15")));

        Accounts.View owing = client.account(account);
        assertThat(owing.balanceMinor()).isEqualTo(-300);
        assertThat(owing.denied()).isTrue();
        DenyListDelta snapshot = client.denyList(0);
        assertThat(snapshot.snapshot()).isTrue();
        assertThat(snapshot.changes()).filteredOn(change -> change.credentialId().equals(phone)
                || change.credentialId().equals(card)).hasSize(2)
                .allSatisfy(change -> assertThat(change.reason()).isEqualTo(DenyReasons.BALANCE_BELOW_FLOOR));

        Accounts.View paid = client.topUp(account, 300, "CNY", "settle-1").expect(200, Accounts.View.class);

        assertThat(paid.balanceMinor()).isZero();
        assertThat(paid.denied()).isFalse();
        DenyListDelta delta = client.denyList(snapshot.toVersion());
        assertThat(delta.snapshot()).isFalse();
        assertThat(delta.changes()).filteredOn(change -> change.credentialId().equals(phone)
                || change.credentialId().equals(card)).hasSize(2).noneMatch(DenyChange::denied);
        assertThat(client.denyList(0).changes()).extracting(DenyChange::credentialId).doesNotContain(phone, card);
    }

    @Test
    void credentialIssuedToADeniedAccountIsDeniedFromTheStart() {
        AccountId account = client.openAccount("adult").accountId();
        CredentialId first = issue(account);
        client.send(batch(entry(account, first, "S01", "11:00")));
        assertThat(client.account(account).denied()).isTrue();

        CredentialId second = issue(account);

        assertThat(client.denyList(0).changes()).extracting(DenyChange::credentialId).contains(first, second);
    }

    @Test
    void operatorDenialOutlastsABalanceRestoreUntilTheOperatorRemovesIt() {
        AccountId account = client.openAccount("adult").accountId();
        CredentialId lost = issue(account);
        CredentialId spare = issue(account);

        DenyChange denied = client.post("/v1/admin/deny", new DenyRequest(lost, "reported_lost"))
                .expect(200, DenyChange.class);
        DenyChange again = client.post("/v1/admin/deny", new DenyRequest(lost, "reported_lost"))
                .expect(200, DenyChange.class);
        client.send(batch(entry(account, spare, "S01", "12:00")));
        client.topUp(account, 500, "CNY", "t1").expect(200, Accounts.View.class);

        assertThat(denied.denied()).isTrue();
        assertThat(again).isEqualTo(denied);
        assertThat(client.denyList(denied.version() - 1).changes()).contains(denied);
        assertThat(client.denyList(0).changes()).contains(denied)
                .extracting(DenyChange::credentialId).doesNotContain(spare);

        DenyChange restored = client.delete("/v1/admin/deny/" + lost).expect(200, DenyChange.class);

        assertThat(restored.denied()).isFalse();
        assertThat(restored.reason()).isEqualTo(DenyReasons.REMOVED_BY_OPERATOR);
        assertThat(restored.version()).isGreaterThan(denied.version());
        assertThat(client.denyList(denied.version()).changes()).contains(restored);
    }

    @Test
    void denyingAnUnknownCredentialIsNotFound() {
        GatewayClient.Reply reply = client.post("/v1/admin/deny",
                new DenyRequest(new CredentialId(java.util.UUID.randomUUID()), "fraud"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().code()).isEqualTo("unknown_credential");
    }

    @Test
    void badSinceIsAMalformedRequest() {
        GatewayClient.Reply reply = client.get("/v1/deny-list?since=-4");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().message()).startsWith("since:");
    }
}
