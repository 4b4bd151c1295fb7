package org.faregate.gateway.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.Taps;
import org.faregate.gateway.TestDatabases;
import org.faregate.gateway.Eventually;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.TapBatchAck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An account that cannot be priced holds up nobody else, keeps its taps, and is priced once it can be. */
class PricingFailureTest {

    private Gateway gateway;
    private GatewayClient client;

    @BeforeEach
    void start() {
        gateway = Gateway.start(GatewayConfig.embedded().withDatabase(TestDatabases.fresh()));
        client = GatewayClient.admin(gateway);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aBrokenAccountIsRetriedAloneAndPricedOnceRepaired() throws SQLException {
        AccountId broken = client.openAccount("adult").accountId();
        AccountId healthy = client.openAccount("adult").accountId();
        setCurrency(broken, "EUR");
        CredentialId credential = Taps.credential();

        TapBatchAck ack = client.send(Taps.batch(List.of(
                Taps.entry(broken, credential, "S01", "08:00"), Taps.exit(broken, credential, "S05", "08:30"),
                Taps.entry(healthy, credential, "S01", "08:00"), Taps.exit(healthy, credential, "S05", "08:30"))));

        assertThat(ack.committed()).hasSize(4);
        assertThat(client.account(healthy).balanceMinor()).isEqualTo(-400);
        PricingRoutes.Status waiting = client.get("/v1/admin/pricing").expect(200, PricingRoutes.Status.class);
        assertThat(waiting.failing()).isEqualTo(1);
        assertThat(waiting.scheduled()).isEqualTo(1);
        assertThat(client.account(broken).balanceMinor()).isZero();

        setCurrency(broken, "CNY");
        Eventually.await(() -> client.get("/v1/admin/pricing").expect(200, PricingRoutes.Status.class).failing() == 0);
        assertThat(client.account(broken).balanceMinor()).isEqualTo(-400);
        assertThat(client.account(healthy).balanceMinor()).isEqualTo(-400);
    }

    private void setCurrency(AccountId account, String currency) throws SQLException {
        try (Connection connection = gateway.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("update accounts set currency = ? where id = ?")) {
            update.setString(1, currency);
            update.setLong(2, account.value());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
