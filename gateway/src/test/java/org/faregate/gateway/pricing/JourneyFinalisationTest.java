package org.faregate.gateway.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.faregate.gateway.Eventually;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.Taps;
import org.faregate.gateway.TestDatabases;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.Accounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A journey in progress is charged nothing until its exit comes or its maximum journey time (180 minutes
 * in the built-in rules) passes; then the scheduled repricing charges the maximum fare (5.00, the highest
 * zone fare), and an exit that turns up a day later still brings the fare down to the journey's.
 */
class JourneyFinalisationTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Taps.at("08:10"));
    private Gateway gateway;
    private GatewayClient client;

    @BeforeEach
    void start() {
        gateway = Gateway.start(GatewayConfig.embedded().withDatabase(TestDatabases.fresh()), now::get);
        client = GatewayClient.admin(gateway).withClock(now::get);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void anOpenEntryIsFinalisedAtItsDeadlineAndALateExitStillConverges() {
        AccountId account = client.openAccount("adult").accountId();
        CredentialId credential = Taps.credential();

        client.send(Taps.batch(List.of(Taps.entry(account, credential, "S01", "08:00"))));

        assertThat(client.account(account).balanceMinor()).isZero();
        assertThat(client.history(account).entries()).isEmpty();
        PricingRoutes.Status waiting = client.get("/v1/admin/pricing").expect(200, PricingRoutes.Status.class);
        assertThat(waiting.scheduled()).isEqualTo(1);

        now.set(Taps.at("10:59"));
        client.awaitPriced();
        assertThat(client.account(account).balanceMinor()).as("still within 180 minutes").isZero();

        now.set(Taps.at("11:00"));
        Eventually.await(() -> client.account(account).balanceMinor() == -500);
        Accounts.History finalised = client.history(account);
        assertThat(finalised.entries()).hasSize(1);
        assertThat(finalised.entries().get(0).explanation()).contains("maximum fare");
        assertThat(client.get("/v1/admin/pricing").expect(200, PricingRoutes.Status.class).scheduled()).isZero();

        now.set(Taps.at("+1 09:00"));
        client.send(Taps.batch(List.of(Taps.exit(account, credential, "S05", "08:30"))));

        assertThat(client.account(account).balanceMinor()).isEqualTo(-400);
        assertThat(client.history(account).entries()).hasSize(2);
    }

    @Test
    void anExitSupersedesTheRepricingScheduledForItsEntry() {
        AccountId account = client.openAccount("adult").accountId();
        CredentialId credential = Taps.credential();
        client.send(Taps.batch(List.of(Taps.entry(account, credential, "S01", "08:00"))));
        assertThat(scheduled()).isEqualTo(1);

        now.set(Taps.at("08:40"));
        client.send(Taps.batch(List.of(Taps.exit(account, credential, "S05", "08:30"))));

        assertThat(client.account(account).balanceMinor()).isEqualTo(-400);
        assertThat(scheduled()).as("nothing is in progress after the exit").isZero();

        now.set(Taps.at("09:05"));
        client.send(Taps.batch(List.of(Taps.entry(account, credential, "S05", "09:00"))));
        assertThat(scheduled()).as("the next journey's deadline").isEqualTo(1);
    }

    private long scheduled() {
        client.awaitPriced();
        return client.get("/v1/admin/pricing").expect(200, PricingRoutes.Status.class).scheduled();
    }
}
