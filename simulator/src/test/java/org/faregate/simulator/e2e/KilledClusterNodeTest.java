package org.faregate.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.faregate.gateway.admin.ReconciliationReport;
import org.faregate.gateway.pricing.PricingRoutes;
import org.faregate.gateway.sql.DatabaseConfig;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;
import org.faregate.simulator.TestDatabase;
import org.faregate.simulator.city.OperatorConsole;
import org.faregate.simulator.city.Rider;
import org.faregate.simulator.city.RiderApp;
import org.faregate.simulator.city.SimClock;
import org.faregate.simulator.report.KnownTap;
import org.faregate.simulator.report.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway processes form one Hazelcast cluster on one PostgreSQL database; gates sync to both. One node
 * is killed with SIGKILL mid-stream: the other takes over its account buckets and prices what it left, the
 * killed node's gates resend once it is back, and in the end every decided tap is stored once and charged
 * once at the fare an independent re-pricing gives. PostgreSQL only (two JVMs cannot share an embedded H2
 * file); {@code .ci/run} provides it.
 */
class KilledClusterNodeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void aKilledNodesAccountsMoveToTheSurvivorWithNothingLostOrChargedTwice(@TempDir Path dir) throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "needs PostgreSQL (FAREGATE_TEST_PG_URL): two gateway JVMs share it");
        DatabaseConfig database = TestDatabase.durable(dir);
        SimClock clock = new SimClock(LocalDate.now(TestCity.ZONE).plusDays(1).atTime(7, 0).atZone(TestCity.ZONE)
                .toInstant());
        String cluster = "faregate-" + UUID.randomUUID();
        int portA = GatewayProcess.freeLoopbackPort();
        int portB = GatewayProcess.freeLoopbackPort();
        String adminToken = GatewayProcess.newAdminToken();
        List<KnownTap> decided;
        try (GatewayProcess nodeA = GatewayProcess.start(dir.resolve("a"), database, TestCity.FARES,
                Map.of("cluster.name", cluster, "cluster.port", Integer.toString(portA)), adminToken);
             GatewayProcess nodeB = GatewayProcess.start(dir.resolve("b"), database, TestCity.FARES,
                Map.of("cluster.name", cluster, "cluster.port", Integer.toString(portB),
                        "cluster.members", "127.0.0.1:" + portA), adminToken)) {
            OperatorConsole operator = new OperatorConsole(nodeA.baseUri(), adminToken);
            assertThat(GateTraffic.await(() -> owned(nodeA.baseUri(), adminToken) + owned(nodeB.baseUri(), adminToken)
                    == 271 && owned(nodeB.baseUri(), adminToken) > 0, PATIENCE)).isTrue();
            List<Rider> riders = KilledGatewayTest.riders(new RiderApp(nodeA.baseUri()), 16);
            try (GateTraffic traffic = GateTraffic.start(List.of(nodeA.baseUri(), nodeB.baseUri()), operator, dir,
                    clock, riders, 4, Duration.ofMillis(2))) {
                assertThat(GateTraffic.await(() -> traffic.delivered() >= 160, PATIENCE)).isTrue();
                assertThat(pricedAccounts(nodeB.baseUri(), adminToken)).as("node B priced its share").isPositive();
                nodeB.kill();
                long killedAt = System.nanoTime();
                long deliveredAtKill = traffic.delivered();

                assertThat(GateTraffic.await(() -> owned(nodeA.baseUri(), adminToken) == 271, PATIENCE)).isTrue();
                long takenOverAt = System.nanoTime();
                operator.awaitPriced(PATIENCE);
                long pricedAt = System.nanoTime();

                nodeB.startAgain();
                assertThat(GateTraffic.await(() -> traffic.delivered() >= deliveredAtKill + 160, PATIENCE)).isTrue();
                decided = traffic.stopAndDrain(PATIENCE);
                System.out.printf("Cluster node killed [taps=%d, deliveredBeforeKill=%d, killToSurvivorOwnsAllMs=%d,"
                        + " killToBacklogPricedMs=%d, syncs=%d, failedSyncs=%d]%n", decided.size(), deliveredAtKill,
                        (takenOverAt - killedAt) / 1_000_000, (pricedAt - killedAt) / 1_000_000, traffic.syncs(),
                        traffic.failedSyncs());
            }
            ReconciliationReport report = MoneyCheck.reconciliation(nodeA.baseUri(), adminToken);
            assertThat(report.mismatches()).isEmpty();
            assertThat(report.balanced()).isTrue();
            assertThat(report.taps()).isEqualTo(decided.size());
        }
        Verification verification = MoneyCheck.verify(database, decided);
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.allGood()).isTrue();
        assertThat(verification.chargedMinor()).isPositive();
    }

    private static int owned(URI node, String adminToken) {
        try {
            return new WireJson().read(get(node, "/v1/admin/pricing", adminToken), PricingRoutes.Status.class)
                    .bucketsOwnedHere();
        } catch (IOException | WireFormatException e) {
            return -1;
        }
    }

    private static long pricedAccounts(URI node, String adminToken) throws IOException {
        for (String line : new String(get(node, "/metrics", adminToken), java.nio.charset.StandardCharsets.UTF_8)
                .split("\n")) {
            if (line.startsWith("faregate_priced_accounts_total ")) {
                return (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            }
        }
        throw new AssertionError("no faregate_priced_accounts_total in " + node + "/metrics");
    }

    private static byte[] get(URI node, String path, String adminToken) throws IOException {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.resolve(path))
                    .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
