package org.faregate.gateway.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.gateway.Taps.batch;
import static org.faregate.gateway.Taps.entry;

import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.TestDatabases;
import org.faregate.gateway.Taps;
import org.faregate.gateway.admin.AdminRoutes.FareRulesVersion;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Changes the fare rules, so it runs on a gateway of its own. */
class FareRulesUploadTest {

    private static final String FLAT = """
            currency=CNY
            type=flat
            fare=2.00
            """;

    private static Gateway gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start() {
        gateway = Gateway.start(GatewayConfig.embedded().withDatabase(TestDatabases.fresh()));
        client = new GatewayClient(gateway.baseUri());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static long chargeOfOneEntry() {
        AccountId account = client.openAccount("adult").accountId();
        CredentialId credential = Taps.credential();
        client.send(batch(entry(account, credential, "S01", "08:00")));
        return -client.account(account).balanceMinor();
    }

    @Test
    void goodRulesPriceLaterTapsAndBadRulesLeaveThemRunning() {
        assertThat(chargeOfOneEntry()).as("built-in zone rules: incomplete journey from S01").isEqualTo(500);

        FareRulesVersion uploaded = client.put("/v1/admin/fare-rules", FLAT).expect(200, FareRulesVersion.class);

        assertThat(uploaded.version()).isGreaterThan(1);
        assertThat(chargeOfOneEntry()).isEqualTo(200);

        GatewayClient.Reply rejected = client.put("/v1/admin/fare-rules", """
                currency=CNY
                type=zone
                zone.S01=1
                zone_fare.2=4.00
                colour=blue
                """);

        assertThat(rejected.status()).isEqualTo(422);
        FareRulesRejectedException.Rejection rejection = rejected.as(FareRulesRejectedException.Rejection.class);
        assertThat(rejection.code()).isEqualTo("invalid_fare_rules");
        assertThat(rejection.problems()).extracting(FareRulesRejectedException.Problem::line,
                FareRulesRejectedException.Problem::key).contains(org.assertj.core.groups.Tuple.tuple(5, "colour"));
        assertThat(rejection.problems()).anySatisfy(problem -> assertThat(problem.code()).isEqualTo("zone_fare_gap"));
        assertThat(client.get("/v1/admin/fare-rules").expect(200, FareBook.Version.class).version())
                .isEqualTo(uploaded.version());
        assertThat(chargeOfOneEntry()).isEqualTo(200);
    }

    @Test
    void rulesInAnotherCurrencyAreRejected() {
        GatewayClient.Reply rejected = client.put("/v1/admin/fare-rules", "currency=EUR\ntype=flat\nfare=2.00\n");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.as(FareRulesRejectedException.Rejection.class).problems())
                .extracting(FareRulesRejectedException.Problem::code).containsExactly("currency_mismatch");
    }

    @Test
    void emptyUploadIsAMalformedRequest() {
        assertThat(client.put("/v1/admin/fare-rules", "").error().code()).isEqualTo("malformed_request");
    }
}
