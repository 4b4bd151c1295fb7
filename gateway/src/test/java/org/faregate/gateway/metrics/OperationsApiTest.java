package org.faregate.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.gateway.Taps.batch;
import static org.faregate.gateway.Taps.entry;
import static org.faregate.gateway.Taps.exit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.SharedGateway;
import org.faregate.gateway.Taps;
import org.faregate.gateway.TestDatabases;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.feed.DenyListCodec;
import org.faregate.protocol.wire.Accounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operators' endpoints on a real node; the node is shared with other tests, so counts are compared. */
@ExtendWith(SharedGateway.class)
class OperationsApiTest {

    private final GatewayClient client;

    OperationsApiTest(GatewayClient client) {
        this.client = client;
    }

    private static long sample(String scrape, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\d+)$", Pattern.MULTILINE).matcher(scrape);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    @Test
    void aBatchShowsInTheIngestAndPricingMetricsAndItsGateIsListed() {
        AccountId account = client.openAccount("adult").accountId();
        client.topUp(account, 1000, "CNY", "metrics-1").expect(200, Accounts.View.class);
        CredentialId credential = Taps.credential();
        String before = client.get("/metrics").text();

        client.send(batch(entry(account, credential, "S01", "08:00"), exit(account, credential, "S05", "08:30")));
        client.get("/v1/deny-list?since=0", DenyListCodec.MEDIA_TYPE);
        String after = client.get("/metrics").text();

        assertThat(sample(after, "faregate_taps_received_total") - sample(before, "faregate_taps_received_total"))
                .isEqualTo(2);
        assertThat(sample(after, "faregate_taps_stored_total") - sample(before, "faregate_taps_stored_total"))
                .isEqualTo(2);
        assertThat(sample(after, "faregate_tap_batch_seconds_count") - sample(before, "faregate_tap_batch_seconds_count"))
                .isEqualTo(1);
        assertThat(sample(after, "faregate_pricing_seconds_count") - sample(before, "faregate_pricing_seconds_count"))
                .isPositive();
        assertThat(sample(after, "faregate_tap_delay_seconds_count") - sample(before, "faregate_tap_delay_seconds_count"))
                .isEqualTo(2);
        assertThat(sample(after, "faregate_deny_feed_requests_total")
                - sample(before, "faregate_deny_feed_requests_total")).isEqualTo(1);
        assertThat(after).containsPattern("faregate_gate_last_batch_timestamp_seconds\\{gate=\"" + Taps.GATE.value()
                + "\"} \\d+").contains("# TYPE faregate_deny_feed_version gauge");
    }

    @Test
    void aNodeWithItsDatabaseAndClusterUpIsReadyAndAlive() {
        assertThat(client.get("/ready").text()).contains("\"status\":\"ready\"");
        assertThat(client.get("/health").status()).isEqualTo(200);
    }

    @Test
    void aNodeWhoseDatabaseIsGoneIsNotReadyButStillAlive() throws Exception {
        try (Gateway node = Gateway.start(GatewayConfig.embedded().withDatabase(TestDatabases.fresh()))) {
            GatewayClient nodeClient = GatewayClient.admin(node);
            assertThat(nodeClient.get("/ready").status()).isEqualTo(200);

            ((AutoCloseable) node.dataSource()).close();

            GatewayClient.Reply ready = nodeClient.get("/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.error().code()).isEqualTo("not_ready");
            assertThat(ready.error().message()).startsWith("database:");
            assertThat(nodeClient.get("/health").status()).isEqualTo(200);
        }
    }
}
