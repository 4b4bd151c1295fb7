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
        client = GatewayClient.admin(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static long chargeOfOneEntry() {
        return chargeOfOneEntryAt("08:00");
    }

    /** The charge of one lone entry at S01 at {@code time} ("+N HH:MM" is N days after 2026-03-02). */
    private static long chargeOfOneEntryAt(String time) {
        AccountId account = client.openAccount("adult").accountId();
        CredentialId credential = Taps.credential();
        client.send(batch(entry(account, credential, "S01", time)));
        return -client.account(account).balanceMinor();
    }

    @Test
    void goodRulesPriceLaterTapsAndBadRulesLeaveThemRunning() {
        assertThat(chargeOfOneEntry()).as("built-in zone rules: incomplete journey from S01").isEqualTo(500);

        FareRulesVersion uploaded = client.put("/v1/admin/fare-rules?effectiveFrom=2026-01-01T00:00:00Z", FLAT)
                .expect(200, FareRulesVersion.class);

        assertThat(uploaded.version()).isGreaterThan(1);
        assertThat(uploaded.effectiveFrom()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(chargeOfOneEntry()).isEqualTo(200);
        int versionsBefore = client.get("/v1/admin/fare-rules/versions").expect(200, FareBook.Summary[].class).length;

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
        assertThat(client.get("/v1/admin/fare-rules/versions").expect(200, FareBook.Summary[].class))
                .hasSize(versionsBefore);
        assertThat(client.get("/v1/admin/fare-rules").expect(200, FareBook.Version.class).body()).contains("currency=CNY");
        assertThat(chargeOfOneEntry()).isEqualTo(200);
    }

    /** Service days start at 04:00 Shanghai time; 2026-07-10 04:00+08:00 is 130 days after 2026-03-02 04:00. */
    @Test
    void eachServiceDayIsPricedByTheRulesInForceAtItsStart() {
        client.put("/v1/admin/fare-rules?effectiveFrom=2026-07-01T04:00:00%2B08:00",
                "currency=CNY\ntype=flat\nfare=1.00\n").expect(200, FareRulesVersion.class);
        FareRulesVersion later = client.put("/v1/admin/fare-rules?effectiveFrom=2026-07-10T04:00:00%2B08:00",
                "currency=CNY\ntype=flat\nfare=1.50\n").expect(200, FareRulesVersion.class);

        assertThat(chargeOfOneEntryAt("+125 08:00")).as("2026-07-05").isEqualTo(100);
        assertThat(chargeOfOneEntryAt("+130 03:59")).as("2026-07-10 03:59 belongs to the 9th").isEqualTo(100);
        assertThat(chargeOfOneEntryAt("+130 04:00")).as("2026-07-10 04:00 starts the 10th").isEqualTo(150);
        assertThat(client.get("/v1/admin/fare-rules/versions").expect(200, FareBook.Summary[].class))
                .extracting(FareBook.Summary::version).contains(later.version());
    }

    @Test
    void unreadableEffectiveTimeIsAMalformedRequest() {
        assertThat(client.put("/v1/admin/fare-rules?effectiveFrom=tomorrow", FLAT).error().code())
                .isEqualTo("malformed_request");
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
