package org.faregate.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.gateway.Taps.batch;
import static org.faregate.gateway.Taps.entry;
import static org.faregate.gateway.Taps.exit;

import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.SharedGateway;
import org.faregate.gateway.Taps;
import org.faregate.gateway.admin.ReconciliationReport;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedGateway.class)
class IngestApiTest {

    private final GatewayClient client;
    private AccountId account;
    private final CredentialId credential = Taps.credential();

    IngestApiTest(GatewayClient client) {
        this.client = client;
    }

    @BeforeEach
    void openAccountWithTenYuan() {
        account = client.openAccount("adult").accountId();
        client.topUp(account, 1000, "CNY", "initial").expect(200, Accounts.View.class);
    }

    @Test
    void batchIsChargedOnceAndAResentBatchChangesNothing() {
        TapBatch journey = batch(entry(account, credential, "S01", "08:00"), exit(account, credential, "S05", "08:30"));

        TapBatchAck ack = client.send(journey);
        Accounts.History first = client.history(account);
        TapBatchAck resent = client.send(journey);

        assertThat(ack.committed()).containsExactly(journey.taps().get(0).tapId(), journey.taps().get(1).tapId());
        assertThat(ack.problems()).isEmpty();
        assertThat(resent).isEqualTo(ack);
        assertThat(first.balanceMinor()).isEqualTo(600);
        assertThat(first.entries()).extracting(Accounts.LedgerEntry::kind, Accounts.LedgerEntry::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("top_up", 1000L),
                        org.assertj.core.groups.Tuple.tuple("fare", -400L));
        assertThat(first.entries().get(1).explanation()).contains("zone fare 1->2 (2 zones)");
        assertThat(client.history(account)).isEqualTo(first);
    }

    @Test
    void exitArrivingBeforeItsEntryConvergesOnTheJourneyFare() {
        TapRecord entry = entry(account, credential, "S01", "08:00");
        TapRecord exit = exit(account, credential, "S02", "08:20");

        client.send(batch(exit));
        long afterLoneExit = client.account(account).balanceMinor();
        client.send(batch(entry));

        assertThat(afterLoneExit).as("a lone exit pays the maximum fare from its station").isEqualTo(500);
        Accounts.History history = client.history(account);
        assertThat(history.balanceMinor()).isEqualTo(700);
        assertThat(netChargeOf(history, entry.tapId())).isEqualTo(300);
        assertThat(netChargeOf(history, exit.tapId())).isZero();
        assertThat(history.entries()).anySatisfy(e -> assertThat(e.explanation()).startsWith("re-priced from 5.00"));
    }

    @Test
    void journeyAcrossTheCutoverBelongsToTwoServiceDays() {
        client.send(batch(entry(account, credential, "S01", "+1 03:50"), exit(account, credential, "S02", "+1 04:10")));

        assertThat(client.account(account).balanceMinor()).as("two incomplete journeys at the 1-zone maximum of 5.00")
                .isEqualTo(0);
    }

    @Test
    void unknownStationsAndAccountsAreStoredAndReportedNeverDropped() {
        TapRecord unknownStation = entry(account, credential, "NOWHERE", "09:00");
        TapRecord unknownAccount = entry(AccountId.of(987_654_321L), credential, "S01", "09:00");
        TapRecord refused = Taps.refused("S01", "09:05");

        TapBatchAck ack = client.send(batch(unknownStation, unknownAccount, refused));

        assertThat(ack.committed()).containsExactly(unknownStation.tapId(), unknownAccount.tapId(), refused.tapId());
        assertThat(ack.problems()).extracting(TapBatchAck.Problem::tapId, TapBatchAck.Problem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(unknownStation.tapId(), "unknown_station"),
                org.assertj.core.groups.Tuple.tuple(unknownAccount.tapId(), "unknown_account"));
        assertThat(client.send(batch(unknownStation, unknownAccount, refused))).isEqualTo(ack);
        assertThat(client.account(account).balanceMinor()).isEqualTo(1000);
    }

    @Test
    void anAccountUnknownToOneBatchIsKnownOnceItIsOpened() {
        AccountId next = AccountId.of(account.value() + 1);
        TapRecord early = entry(next, credential, "S01", "11:00");
        assertThat(client.send(batch(early)).problems()).extracting(TapBatchAck.Problem::code)
                .containsExactly("unknown_account");

        AccountId opened = client.openAccount("adult").accountId();
        TapBatchAck later = client.send(batch(entry(opened, credential, "S01", "12:00"),
                exit(opened, credential, "S05", "12:30")));

        assertThat(opened).as("accounts are numbered in order; no other account was opened meanwhile").isEqualTo(next);
        assertThat(later.problems()).as("an account not found once is asked for again").isEmpty();
        assertThat(client.account(opened).balanceMinor()).as("the journey, and the early entry as one unfinished")
                .isEqualTo(-400 - 500);
    }

    @Test
    void reconciliationFindsBalancesEqualToTheLedger() {
        client.send(batch(entry(account, credential, "S01", "10:00"), exit(account, credential, "S12", "10:40")));

        ReconciliationReport report = client.get("/v1/admin/reconciliation").expect(200, ReconciliationReport.class);

        assertThat(report.balanced()).isTrue();
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.currencies()).singleElement().satisfies(totals -> {
            assertThat(totals.currency()).isEqualTo("CNY");
            assertThat(totals.balancesMinor()).isEqualTo(totals.ledgerMinor());
            assertThat(totals.fareRevenueMinor()).isEqualTo(totals.tapChargesMinor()).isPositive();
        });
        assertThat(report.taps()).isGreaterThanOrEqualTo(report.acceptedTaps());
        assertThat(report.acceptedTaps()).isGreaterThanOrEqualTo(report.chargedTaps()).isPositive();
    }

    static long netChargeOf(Accounts.History history, TapId tap) {
        return -history.entries().stream().filter(e -> tap.equals(e.tapId()))
                .mapToLong(Accounts.LedgerEntry::amountMinor).sum();
    }
}
