package org.faregate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.TestDatabases;
import org.junit.jupiter.api.Test;

class RateLimitApiTest {

    @Test
    void aClientOverItsLimitGets429WithAStableCode() {
        try (Gateway node = Gateway.start(GatewayConfig.embedded().withDatabase(TestDatabases.fresh())
                .withRateLimit(new GatewayConfig.RateLimit(1, 3)))) {
            GatewayClient client = GatewayClient.admin(node);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(client.get("/v1/issuer-keys").status());
            }

            assertThat(statuses.subList(0, 3)).containsOnly(200);
            assertThat(statuses).contains(429);
            GatewayClient.Reply refused = client.get("/v1/issuer-keys");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.error().code()).isEqualTo("rate_limited");
        }
    }
}
