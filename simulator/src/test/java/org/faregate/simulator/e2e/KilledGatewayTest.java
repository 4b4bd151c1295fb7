package org.faregate.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.faregate.gateway.admin.ReconciliationReport;
import org.faregate.gateway.sql.DatabaseConfig;
import org.faregate.simulator.TestDatabase;
import org.faregate.simulator.city.Media;
import org.faregate.simulator.city.Rider;
import org.faregate.simulator.city.OperatorConsole;
import org.faregate.simulator.city.RiderApp;
import org.faregate.simulator.city.SimClock;
import org.faregate.simulator.report.KnownTap;
import org.faregate.simulator.report.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway process is killed with SIGKILL while eight gates keep deciding and syncing, and started again on
 * the same database (PostgreSQL when {@code FAREGATE_TEST_PG_URL} is set, else an H2 file). The gates resend
 * what was never acknowledged; in the end every decided tap is stored once, charged once at the fare an
 * independent re-pricing gives, and every balance equals its ledger.
 */
class KilledGatewayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void gatewayKilledUnderLoadLosesNothingAndChargesNothingTwice(@TempDir Path dir) throws Exception {
        DatabaseConfig database = TestDatabase.durable(dir);
        SimClock clock = new SimClock(LocalDate.now(TestCity.ZONE).plusDays(1).atTime(7, 0).atZone(TestCity.ZONE)
                .toInstant());
        List<KnownTap> decided;
        long failedSyncsWhileDown;
        try (GatewayProcess gateway = GatewayProcess.start(dir, database, TestCity.FARES)) {
            List<Rider> riders = riders(new RiderApp(gateway.baseUri()), 16);
            try (GateTraffic traffic = GateTraffic.start(gateway.baseUri(),
                    new OperatorConsole(gateway.baseUri(), gateway.adminToken()), dir, clock, riders, 4, Duration.ofMillis(2))) {
                assertThat(GateTraffic.await(() -> traffic.delivered() >= 120, PATIENCE)).isTrue();
                gateway.kill();
                long killedAt = System.nanoTime();
                long failedBefore = traffic.failedSyncs();
                long deliveredAtKill = traffic.delivered();
                assertThat(GateTraffic.await(() -> traffic.failedSyncs() >= failedBefore + 8, PATIENCE)).isTrue();

                gateway.startAgain();
                long restartedAt = System.nanoTime();
                failedSyncsWhileDown = traffic.failedSyncs() - failedBefore;
                assertThat(GateTraffic.await(() -> traffic.delivered() >= deliveredAtKill + 120, PATIENCE)).isTrue();
                long resumedAt = System.nanoTime();
                decided = traffic.stopAndDrain(PATIENCE);
                // The figures docs/faults.md reports (the simulator's tests log warnings only, so printed).
                System.out.printf("Gateway killed and restarted [database=%s, taps=%d, deliveredBeforeKill=%d, "
                        + "failedSyncsWhileDown=%d, killToServingMs=%d, restartTo120DeliveredMs=%d, syncs=%d]%n",
                        TestDatabase.isPostgres() ? "postgresql" : "h2-file", decided.size(), deliveredAtKill,
                        failedSyncsWhileDown, (restartedAt - killedAt) / 1_000_000, (resumedAt - restartedAt) / 1_000_000,
                        traffic.syncs());
            }
            ReconciliationReport report = MoneyCheck.reconciliation(gateway.baseUri(), gateway.adminToken());
            assertThat(report.mismatches()).isEmpty();
            assertThat(report.balanced()).isTrue();
            assertThat(report.taps()).isEqualTo(decided.size());
        }
        assertThat(failedSyncsWhileDown).isGreaterThanOrEqualTo(8);
        Verification verification = MoneyCheck.verify(database, decided);
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.allGood()).isTrue();
        assertThat(verification.accepted()).isGreaterThan(200);
        assertThat(verification.chargedMinor()).isPositive();
    }

    static List<Rider> riders(RiderApp app, int count) throws java.io.IOException {
        SecureRandom random = new SecureRandom();
        List<Rider> riders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            riders.add(TestCity.signUp(app, random, Media.PHONE_QR, 1_000_000, i));
        }
        return riders;
    }
}
