package org.faregate.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.SharedGateway;
import org.faregate.gateway.accounts.WalletCorrections.CorrectionRequest;
import org.faregate.gateway.accounts.WalletCorrections.Receipt;
import org.faregate.gateway.admin.ReconciliationReport;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /v1/admin/accounts/:id/adjustments} and {@code /refunds} over HTTP on a real database. */
@ExtendWith(SharedGateway.class)
class CorrectionApiTest {

    private final GatewayClient client;

    CorrectionApiTest(GatewayClient client) {
        this.client = client;
    }

    @Test
    void adjustmentIsIdempotentByReferenceAndRecordsReasonNoteAndActor() {
        AccountId id = funded(1_000);

        Receipt first = adjust(id, new CorrectionRequest(250, "CNY", "failed_tap", "gate 12 jammed", "adj-1"))
                .expect(200, Receipt.class);
        Receipt again = adjust(id, new CorrectionRequest(250, "CNY", "failed_tap", "gate 12 jammed", "adj-1"))
                .expect(200, Receipt.class);

        assertThat(again).isEqualTo(first);
        assertThat(first.kind()).isEqualTo("adjustment");
        assertThat(first.reason()).isEqualTo("failed_tap");
        assertThat(first.note()).isEqualTo("gate 12 jammed");
        assertThat(first.actor()).isEqualTo("operator:bootstrap");
        assertThat(client.account(id).balanceMinor()).isEqualTo(1_250);
        Accounts.LedgerEntry last = lastEntry(id);
        assertThat(last.kind()).isEqualTo("adjustment");
        assertThat(last.amountMinor()).isEqualTo(250);
        assertThat(last.explanation()).isEqualTo("adjustment failed_tap: gate 12 jammed");
    }

    @Test
    void sameReferenceWithOtherContentIsAConflict() {
        AccountId id = funded(1_000);
        adjust(id, new CorrectionRequest(-100, "CNY", "duplicate_charge", null, "fix-1")).expect(200, Receipt.class);

        GatewayClient.Reply otherAmount = adjust(id, new CorrectionRequest(-200, "CNY", "duplicate_charge", null, "fix-1"));
        GatewayClient.Reply otherReason = adjust(id, new CorrectionRequest(-100, "CNY", "goodwill", null, "fix-1"));
        GatewayClient.Reply asRefund = refund(id, new CorrectionRequest(100, "CNY", "duplicate_charge", null, "fix-1"));
        GatewayClient.Reply topUpReference = refund(id, new CorrectionRequest(100, "CNY", "goodwill", null, "pay-" + id));

        for (GatewayClient.Reply reply : new GatewayClient.Reply[] {otherAmount, otherReason, asRefund, topUpReference}) {
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.error().code()).isEqualTo("reference_conflict");
        }
        assertThat(client.account(id).balanceMinor()).isEqualTo(900);
    }

    @ParameterizedTest
    @ValueSource(strings = {"goodwill", "fare_correction", "failed_tap", "duplicate_charge"})
    void everyListedReasonIsAccepted(String reason) {
        AccountId id = funded(1_000);

        Receipt receipt = adjust(id, new CorrectionRequest(10, "CNY", reason, null, "r-" + reason))
                .expect(200, Receipt.class);

        assertThat(receipt.reason()).isEqualTo(reason);
    }

    @Test
    void unknownReasonAndOtherWithoutNoteAreRefused() {
        AccountId id = funded(1_000);

        GatewayClient.Reply unknown = adjust(id, new CorrectionRequest(10, "CNY", "because", null, "a-1"));
        GatewayClient.Reply otherBare = adjust(id, new CorrectionRequest(10, "CNY", "other", " ", "a-2"));
        Receipt otherNoted = adjust(id, new CorrectionRequest(10, "CNY", "other", "lost card fee waived", "a-3"))
                .expect(200, Receipt.class);

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.error().code()).isEqualTo("unknown_correction_reason");
        assertThat(otherBare.status()).isEqualTo(422);
        assertThat(otherBare.error().code()).isEqualTo("note_required");
        assertThat(otherNoted.note()).isEqualTo("lost card fee waived");
        assertThat(client.account(id).balanceMinor()).isEqualTo(1_010);
    }

    @Test
    void zeroAdjustmentAndNonPositiveRefundAreMalformed() {
        AccountId id = funded(1_000);

        assertThat(adjust(id, new CorrectionRequest(0, "CNY", "goodwill", null, "z-1")).error().code())
                .isEqualTo("malformed_request");
        assertThat(refund(id, new CorrectionRequest(-5, "CNY", "goodwill", null, "z-2")).error().code())
                .isEqualTo("malformed_request");
        assertThat(adjust(id, new CorrectionRequest(5, "EUR", "goodwill", null, "z-3")).error().code())
                .isEqualTo("currency_mismatch");
    }

    @Test
    void refundPaysBackUpToTheBalanceAndNoMore() {
        AccountId id = funded(1_000);

        GatewayClient.Reply tooMuch = refund(id, new CorrectionRequest(1_001, "CNY", "other", "account closed", "rf-1"));
        Receipt all = refund(id, new CorrectionRequest(1_000, "CNY", "other", "account closed", "rf-2"))
                .expect(200, Receipt.class);
        Receipt again = refund(id, new CorrectionRequest(1_000, "CNY", "other", "account closed", "rf-2"))
                .expect(200, Receipt.class);

        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.error().code()).isEqualTo("insufficient_balance");
        assertThat(all.kind()).isEqualTo("refund");
        assertThat(all.amountMinor()).isEqualTo(1_000);
        assertThat(again).isEqualTo(all);
        assertThat(client.account(id).balanceMinor()).isZero();
        assertThat(lastEntry(id).amountMinor()).isEqualTo(-1_000);
        ReconciliationReport report = client.get("/v1/admin/reconciliation").expect(200, ReconciliationReport.class);
        assertThat(report.balanced()).isTrue();
        assertThat(report.unbalancedTransactions()).isEmpty();
        assertThat(report.currencies()).singleElement().satisfies(totals -> {
            assertThat(totals.refundsMinor()).isGreaterThanOrEqualTo(1_000);
            assertThat(totals.postingsMinor()).isZero();
        });
    }

    @Test
    void adjustmentBelowTheFloorDeniesAndOneBackAboveRestoresTheCredentials() {
        AccountId id = funded(100);
        CredentialId credential = client.issue(id, SigningKey.generate(new SecureRandom()).verifyingKey(), "phone")
                .credentialId();
        long before = client.denyList(0).toVersion();

        adjust(id, new CorrectionRequest(-300, "CNY", "fare_correction", null, "down-1")).expect(200, Receipt.class);
        assertThat(client.account(id).denied()).isTrue();
        DenyListDelta denied = client.denyList(before);

        adjust(id, new CorrectionRequest(250, "CNY", "goodwill", null, "up-1")).expect(200, Receipt.class);

        assertThat(denied.changes()).filteredOn(change -> change.credentialId().equals(credential))
                .extracting(DenyChange::denied).containsExactly(true);
        Accounts.View view = client.account(id);
        assertThat(view.balanceMinor()).isEqualTo(50);
        assertThat(view.denied()).isFalse();
        assertThat(client.denyList(denied.toVersion()).changes())
                .filteredOn(change -> change.credentialId().equals(credential))
                .extracting(DenyChange::denied).containsExactly(false);
    }

    private AccountId funded(long amountMinor) {
        AccountId id = client.openAccount("adult").accountId();
        client.topUp(id, amountMinor, "CNY", "pay-" + id).expect(200, Accounts.View.class);
        return id;
    }

    private GatewayClient.Reply adjust(AccountId id, CorrectionRequest request) {
        return client.post("/v1/admin/accounts/" + id + "/adjustments", request);
    }

    private GatewayClient.Reply refund(AccountId id, CorrectionRequest request) {
        return client.post("/v1/admin/accounts/" + id + "/refunds", request);
    }

    private Accounts.LedgerEntry lastEntry(AccountId id) {
        var entries = client.history(id).entries();
        return entries.get(entries.size() - 1);
    }
}
