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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.faregate.gateway.admin.ReconciliationReport;
import org.faregate.simulator.TestDatabase;
import org.faregate.simulator.city.Media;
import org.faregate.simulator.city.Rider;
import org.faregate.simulator.report.KnownTap;
import org.faregate.simulator.report.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server is stopped and started again under a running gateway while eight gates keep
 * deciding and syncing. During the outage every batch fails without an acknowledgement and {@code /ready}
 * says 503; the gates keep their taps. Afterwards the gateway's pool serves again without a restart and the
 * gates' resends make every tap land once, charged once. Needs {@code FAREGATE_TEST_PG_URL} and the right
 * to run {@code pg_ctlcluster} (root, as in CI); skipped otherwise.
 */
class PostgresRestartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration OUTAGE = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void gatewayRidesOutAPostgresRestartWithoutLosingOrDoubleChargingATap(@TempDir Path dir) throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "FAREGATE_TEST_PG_URL is not set: no PostgreSQL to restart");
        Optional<PostgresCluster> found = PostgresCluster.serving(System.getenv("FAREGATE_TEST_PG_URL"));
        assumeTrue(found.isPresent(), "no local cluster serves FAREGATE_TEST_PG_URL (pg_lsclusters missing or no match)");
        assumeTrue(PostgresCluster.mayControl(), "pg_ctlcluster needs root or postgres; running as "
                + System.getProperty("user.name"));
        PostgresCluster postgres = found.get();

        try (TestCity city = new TestCity()) {
            List<Rider> riders = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                riders.add(city.rider(Media.PHONE_QR, 1_000_000));
            }
            List<KnownTap> decided;
            try (GateTraffic traffic = GateTraffic.start(city.base(), city.operator, dir, city.clock, riders, 4, Duration.ofMillis(2))) {
                assertThat(GateTraffic.await(() -> traffic.delivered() >= 120, PATIENCE)).isTrue();
                long failedBefore = traffic.failedSyncs();
                long stoppedAt;
                long deliveredDuringOutage;
                int readyDuringOutage;
                long startedAt;
                try {
                    postgres.stop();
                    stoppedAt = System.nanoTime();
                    readyDuringOutage = readyStatus(city.base());
                    long deliveredAtStop = traffic.delivered();
                    assertThat(GateTraffic.await(() -> traffic.failedSyncs() >= failedBefore + 4, PATIENCE)).isTrue();
                    GateTraffic.await(() -> false, OUTAGE.minusNanos(System.nanoTime() - stoppedAt));
                    deliveredDuringOutage = traffic.delivered() - deliveredAtStop;
                } finally {
                    if (!postgres.online()) {
                        postgres.start();
                    }
                }
                startedAt = System.nanoTime();
                long failedDuringOutage = traffic.failedSyncs() - failedBefore;
                long deliveredAtStart = traffic.delivered();
                assertThat(GateTraffic.await(() -> readyStatus(city.base()) == 200, PATIENCE)).isTrue();
                long readyAt = System.nanoTime();
                assertThat(GateTraffic.await(() -> traffic.delivered() >= deliveredAtStart + 120, PATIENCE)).isTrue();
                long resumedAt = System.nanoTime();
                decided = traffic.stopAndDrain(PATIENCE);
                System.out.printf("PostgreSQL restarted under the gateway [cluster=%s, taps=%d, outageMs=%d, "
                        + "readyDuringOutage=%d, failedSyncsDuringOutage=%d, deliveredDuringOutage=%d, startToReadyMs=%d, "
                        + "startTo120DeliveredMs=%d, syncs=%d, failedSyncs=%d]%n", postgres, decided.size(),
                        (startedAt - stoppedAt) / 1_000_000, readyDuringOutage, failedDuringOutage,
                        deliveredDuringOutage, (readyAt - startedAt) / 1_000_000, (resumedAt - startedAt) / 1_000_000,
                        traffic.syncs(), traffic.failedSyncs());
                assertThat(readyDuringOutage).isEqualTo(503);
                assertThat(deliveredDuringOutage).isZero();
                assertThat(failedDuringOutage).isGreaterThanOrEqualTo(4);
            }
            ReconciliationReport report = MoneyCheck.reconciliation(city.base(), city.adminToken);
            assertThat(report.mismatches()).isEmpty();
            assertThat(report.balanced()).isTrue();
            assertThat(report.taps()).isEqualTo(decided.size());
            Verification verification = MoneyCheck.verify(city.gateway.config().database(), decided);
            assertThat(verification.problems()).isEmpty();
            assertThat(verification.allGood()).isTrue();
            assertThat(verification.chargedMinor()).isPositive();
        } finally {
            if (!postgres.online()) {
                postgres.start();
            }
        }
    }

    /** The status {@code GET /ready} answers; 0 when it does not answer within 10 s. */
    private int readyStatus(URI base) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
