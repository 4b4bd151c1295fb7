package org.faregate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.faregate.cluster.AccountOwnership;
import org.faregate.cluster.ClusterConfig;
import org.faregate.gateway.admin.ReconciliationReport;
import org.faregate.gateway.pricing.PricingRoutes;
import org.faregate.gateway.sql.DatabaseConfig;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.GateId;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.protocol.wire.WireJson;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes share the pricing of accounts by Hazelcast partition ownership, and when one leaves
 * while taps keep arriving, the other takes its accounts: every tap is charged exactly once.
 */
class ClusterPricingTest {

    private static final int ACCOUNTS = 60;
    private static final long JOURNEY_FARE = 400;

    @Test
    void nodesSharePricingAndALeavingNodesAccountsMoveWithNothingLostOrChargedTwice() throws Exception {
        DatabaseConfig database = TestDatabases.fresh();
        ClusterConfig cluster = ClusterConfig.standalone();
        Gateway nodeA = Gateway.start(GatewayConfig.embedded().withDatabase(database).withCluster(cluster));
        Gateway nodeB = Gateway.start(GatewayConfig.embedded().withDatabase(database)
                .withAdminBootstrap(nodeA.config().adminBootstrap())
                .withCluster(cluster.withMembers(List.of(nodeA.clusterAddress()))));
        try {
            GatewayClient clientA = GatewayClient.admin(nodeA);
            GatewayClient clientB = GatewayClient.admin(nodeB);
            List<AccountId> accounts = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                accounts.add(clientA.openAccount("adult").accountId());
            }
            Eventually.await(() -> owned(clientA) + owned(clientB) == AccountOwnership.BUCKETS
                    && owned(clientA) > 0 && owned(clientB) > 0);

            for (int hour = 6; hour < 9; hour++) {
                post(hour % 2 == 0 ? clientA : clientB, journeys(accounts, hour));
            }
            clientA.awaitPriced();
            assertThat(pricedAccounts(clientA)).as("node A priced its share").isPositive();
            assertThat(pricedAccounts(clientB)).as("node B priced its share").isPositive();

            CompletableFuture<Void> leaving = CompletableFuture.runAsync(nodeB::close);
            for (int hour = 9; hour < 14; hour++) {
                post(clientA, journeys(accounts, hour));
            }
            leaving.get(60, TimeUnit.SECONDS);
            Eventually.await(() -> owned(clientA) == AccountOwnership.BUCKETS);
            clientA.awaitPriced();

            for (AccountId account : accounts) {
                assertThat(clientA.account(account).balanceMinor()).as("account " + account)
                        .isEqualTo(-8 * JOURNEY_FARE);
            }
            ReconciliationReport report = clientA.get("/v1/admin/reconciliation").expect(200, ReconciliationReport.class);
            assertThat(report.balanced()).isTrue();
            assertThat(report.acceptedTaps()).isEqualTo(ACCOUNTS * 8L * 2);
            assertThat(fareEntriesPerTapOtherThanOne(nodeA.dataSource())).isZero();
        } finally {
            nodeB.close();
            nodeA.close();
        }
    }

    /**
     * A node remembers the taps it priced; when another node prices one of those accounts meanwhile (its
     * bucket moved there and back), the first node must read the account again, not price from memory. Each
     * account: an entry priced by node A alone, its exit priced by its owner once B has joined, then (B gone)
     * a second exit priced by A. Every account must end as one node alone charges the same taps.
     */
    @Test
    void aNodeReadsAnAccountAgainOnceAnotherNodeHasPricedIt() throws Exception {
        DatabaseConfig database = TestDatabases.fresh();
        ClusterConfig cluster = ClusterConfig.standalone();
        Gateway nodeA = Gateway.start(GatewayConfig.embedded().withDatabase(database).withCluster(cluster));
        Gateway nodeB = null;
        try {
            GatewayClient clientA = GatewayClient.admin(nodeA);
            List<AccountId> accounts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                accounts.add(clientA.openAccount("adult").accountId());
            }
            CredentialId credential = Taps.credential();
            post(clientA, Taps.batch(accounts.stream().map(a -> Taps.entry(a, credential, "S01", "06:00")).toList()));
            clientA.awaitPriced();

            nodeB = Gateway.start(GatewayConfig.embedded().withDatabase(database)
                    .withAdminBootstrap(nodeA.config().adminBootstrap())
                    .withCluster(cluster.withMembers(List.of(nodeA.clusterAddress()))));
            GatewayClient clientB = GatewayClient.admin(nodeB);
            Eventually.await(() -> owned(clientA) + owned(clientB) == AccountOwnership.BUCKETS && owned(clientB) > 0);
            post(clientA, Taps.batch(accounts.stream().map(a -> Taps.exit(a, credential, "S05", "06:30")).toList()));
            clientA.awaitPriced();
            assertThat(pricedAccounts(clientB)).as("node B priced some of the accounts").isPositive();
            nodeB.close();
            Eventually.await(() -> owned(clientA) == AccountOwnership.BUCKETS);
            post(clientA, Taps.batch(accounts.stream().map(a -> Taps.exit(a, credential, "S03", "06:40")).toList()));
            clientA.awaitPriced();

            long expected = oneNodeAlone(credential);
            for (AccountId account : accounts) {
                assertThat(clientA.account(account).balanceMinor()).as("account " + account).isEqualTo(expected);
            }
            assertThat(metric(clientA, "faregate_pricing_memory_recalled_total")).as("A priced from memory").isPositive();
            assertThat(clientA.get("/v1/admin/reconciliation").expect(200, ReconciliationReport.class).balanced())
                    .isTrue();
        } finally {
            if (nodeB != null) {
                nodeB.close();
            }
            nodeA.close();
        }
    }

    /** What one node charges an account for the same three taps, sent the same way. */
    private static long oneNodeAlone(CredentialId credential) {
        try (Gateway alone = Gateway.start(GatewayConfig.embedded().withDatabase(TestDatabases.fresh()))) {
            GatewayClient client = GatewayClient.admin(alone);
            AccountId account = client.openAccount("adult").accountId();
            for (TapRecord tap : List.of(Taps.entry(account, credential, "S01", "06:00"),
                    Taps.exit(account, credential, "S05", "06:30"), Taps.exit(account, credential, "S03", "06:40"))) {
                post(client, Taps.batch(List.of(tap)));
                client.awaitPriced();
            }
            return client.account(account).balanceMinor();
        }
    }

    /** One journey per account (entry S01, exit S05 half an hour later), as one gate's batch. */
    private static TapBatch journeys(List<AccountId> accounts, int hour) {
        List<TapRecord> taps = new ArrayList<>();
        CredentialId credential = Taps.credential();
        for (AccountId account : accounts) {
            taps.add(Taps.entry(account, credential, "S01", "%02d:00".formatted(hour)));
            taps.add(Taps.exit(account, credential, "S05", "%02d:30".formatted(hour)));
        }
        return Taps.batch(taps);
    }

    private static void post(GatewayClient client, TapBatch batch) {
        GatewayClient.Reply reply = client.postTaps(batch.gateId(),
                new String(new WireJson().write(batch), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    private static int owned(GatewayClient client) {
        return client.get("/v1/admin/pricing").expect(200, PricingRoutes.Status.class).bucketsOwnedHere();
    }

    private static long pricedAccounts(GatewayClient client) {
        return metric(client, "faregate_priced_accounts_total");
    }

    private static long metric(GatewayClient client, String name) {
        for (String line : client.get("/metrics").text().split("\n")) {
            if (line.startsWith(name + " ")) {
                return (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            }
        }
        throw new AssertionError("no " + name + " in /metrics");
    }

    /** Taps whose fare ledger entries are not exactly one (a journey's two taps: one charged, one zero). */
    private static long fareEntriesPerTapOtherThanOne(DataSource dataSource) throws SQLException {
        String sql = "select count(*) from (select c.tap_id, count(l.id) as entries from tap_charges c"
                + " left join ledger_postings l on l.tap_id = c.tap_id and l.book = 'wallet'"
                + " where c.charged_minor <> 0 group by c.tap_id) per_tap where entries <> 1";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
