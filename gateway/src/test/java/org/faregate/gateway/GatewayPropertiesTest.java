package org.faregate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.faregate.gateway.auth.AdminBootstrap;
import org.faregate.gateway.auth.BearerToken;
import org.junit.jupiter.api.Test;

/** Where a standalone node's bootstrap admin token comes from, and the settings that size it. */
class GatewayPropertiesTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef-operator-chosen";

    @Test
    void theEnvironmentTokenIsTheBootstrapAdminsAndNeverPrinted() {
        GatewayConfig config = GatewayProperties.read(null, new Properties(), Map.of("FAREGATE_ADMIN_TOKEN", TOKEN));

        assertThat(config.adminBootstrap().configuredToken()).map(BearerToken::reveal).contains(TOKEN);
        assertThat(config.toString()).doesNotContain(TOKEN).contains("redacted");
    }

    @Test
    void withoutATokenTheGatewayGeneratesOneIntoTheTokenFile() {
        Properties system = new Properties();
        system.setProperty("faregate.admin.token-file", "/var/lib/faregate/admin-token");

        assertThat(GatewayProperties.read(null, new Properties(), Map.of()).adminBootstrap())
                .isEqualTo(AdminBootstrap.tokenFile(Path.of("./data/admin-token")));
        assertThat(GatewayProperties.read(null, system, Map.of()).adminBootstrap())
                .isEqualTo(AdminBootstrap.tokenFile(Path.of("/var/lib/faregate/admin-token")));
    }

    @Test
    void aShortTokenStopsTheStartWithoutBeingEchoed() {
        assertThatThrownBy(() -> GatewayProperties.read(null, new Properties(), Map.of("FAREGATE_ADMIN_TOKEN", "hunter2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gateway config FAREGATE_ADMIN_TOKEN: the admin token must be at least 32")
                .message().doesNotContain("hunter2");
    }

    @Test
    void thePricerHasTwoThreadsAndAMemorySizedByTheHeapUnlessSet() {
        Properties system = new Properties();
        system.setProperty("faregate.pricing.memory-taps", "0");
        system.setProperty("faregate.pricing.threads", "3");

        assertThat(GatewayProperties.read(null, new Properties(), Map.of()).pricing()).isEqualTo(
                new GatewayConfig.Pricing(2, (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 640)));
        assertThat(GatewayProperties.read(null, system, Map.of()).pricing()).isEqualTo(new GatewayConfig.Pricing(3, 0));
        system.setProperty("faregate.pricing.threads", "0");
        assertThatThrownBy(() -> GatewayProperties.read(null, system, Map.of()))
                .hasMessageContaining("pricing needs at least one thread");
    }
}
