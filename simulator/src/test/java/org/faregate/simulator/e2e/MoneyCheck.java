package org.faregate.simulator.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.faregate.fares.FareConfig;
import org.faregate.fares.FareConfigException;
import org.faregate.gateway.admin.ReconciliationReport;
import org.faregate.gateway.sql.DatabaseConfig;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;
import org.faregate.simulator.city.OperatorConsole;
import org.faregate.simulator.report.KnownTap;
import org.faregate.simulator.report.LedgerCheck;
import org.faregate.simulator.report.Verification;

/**
 * The two checks a fault test ends with: the gateway's database against the simulator's own record of every
 * tap, re-priced independently ({@link LedgerCheck}); and the gateway's own reconciliation report.
 */
final class MoneyCheck {

    private MoneyCheck() {
    }

    /**
     * Checks the database directly (for an H2 file, only once the gateway using it has stopped), priced as of
     * now: the fault tests' gateways run on the real clock.
     */
    static Verification verify(DatabaseConfig database, List<KnownTap> known) throws SQLException {
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            return new LedgerCheck(FareConfig.parse(TestCity.FARES), TestCity.ZONE, LocalTime.of(4, 0))
                    .verify(db, known, Instant.now());
        } catch (FareConfigException e) {
            throw new IllegalStateException("the test city's fare rules do not parse", e);
        }
    }

    /** {@code GET /v1/admin/reconciliation} of a running gateway, as the operator whose token is {@code adminToken}. */
    static ReconciliationReport reconciliation(URI base, String adminToken) throws IOException, InterruptedException {
        new OperatorConsole(base, adminToken).awaitPriced(Duration.ofMinutes(2));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("/v1/admin/reconciliation")).header("Authorization", "Bearer " + adminToken)
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("reconciliation answered " + response.statusCode());
        }
        try {
            return new WireJson().read(response.body(), ReconciliationReport.class);
        } catch (WireFormatException e) {
            throw new IOException(e);
        }
    }
}
