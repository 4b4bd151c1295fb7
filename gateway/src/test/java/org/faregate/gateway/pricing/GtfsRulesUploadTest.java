package org.faregate.gateway.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.gateway.Taps.batch;
import static org.faregate.gateway.Taps.entry;
import static org.faregate.gateway.Taps.exit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.Taps;
import org.faregate.gateway.TestDatabases;
import org.faregate.gateway.admin.AdminRoutes.FareRulesVersion;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An operator uploads a GTFS-Fares v2 feed with Faregate extension files as a zip: a small metro priced
 * by distance (DOMAIN.md: ¥3 up to 6 km, then ¥1 per started 10 km) with a ¥10 daily cap.
 */
class GtfsRulesUploadTest {

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

    static Map<String, String> metro() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("agency.txt", "agency_name,agency_timezone\nTest Metro,Asia/Shanghai\n");
        files.put("stops.txt", "stop_id,stop_name\nS01,One\nS02,Two\nS03,Three\nS04,Four\n");
        files.put("networks.txt", "network_id,network_name\nmetro,Test Metro\nbus,Test Buses\n");
        files.put("routes.txt", "route_id,route_short_name,route_type,network_id\nB1,1,3,bus\n");
        files.put("fare_products.txt", "fare_product_id,amount,currency\nbus_single,2.00,CNY\n");
        files.put("fare_leg_rules.txt", "leg_group_id,network_id,fare_product_id\nbus,bus,bus_single\n");
        files.put("faregate_settings.txt", "setting_id,value\nservice_day_cutover,04:00\n"
                + "station_network_id,metro\nunknown_fare,maximum_fare\n");
        files.put("faregate_distance_bands.txt", "distance_fare_id,network_id,band_start_m,band_end_m,step_m,amount,"
                + "currency,boundary_in\nd,metro,0,6000,,3.00,CNY,lower_band\nd,metro,6000,,10000,1.00,CNY,lower_band\n");
        files.put("faregate_stop_distances.txt", "from_stop_id,to_stop_id,distance_m\nS01,S02,6000\nS01,S03,16001\n"
                + "S01,S04,26001\nS02,S03,10001\nS02,S04,20001\nS03,S04,10000\n");
        files.put("faregate_max_fares.txt", "network_id,max_journey_minutes,max_fare_type,amount,currency,"
                + "counts_towards_caps,bounded_by_daily_cap\nmetro,240,highest_from_origin,,,1,0\n");
        files.put("faregate_caps.txt", "cap_id,period,amount,currency,rider_category_id,network_id,area_id\n"
                + "day,day,10.00,CNY,,,\n");
        return files;
    }

    @Test
    void uploadedFeedPricesJourneysByDistanceUpToTheDailyCap() {
        FareRulesVersion uploaded = client.putZip("/v1/admin/fare-rules?effectiveFrom=2026-01-01T00:00:00Z",
                zip(metro())).expect(200, FareRulesVersion.class);
        assertThat(uploaded.format()).isEqualTo("gtfs");

        AccountId account = client.openAccount("adult").accountId();
        CredentialId card = Taps.credential();
        client.send(batch(List.of(entry(account, card, "S01", "08:00"), exit(account, card, "S02", "08:20"),
                entry(account, card, "S02", "12:00"), exit(account, card, "S04", "12:40"),
                entry(account, card, "S04", "18:00"), exit(account, card, "S01", "18:50"))));

        // 6.000 km = 3.00; 20.001 km = 5.00; 26.001 km = 6.00, of which only 2.00 is left under the 10.00 cap
        assertThat(client.account(account).balanceMinor()).isEqualTo(-1_000);
        List<Accounts.LedgerEntry> fares = client.history(account).entries().stream()
                .filter(entry -> entry.kind().equals("fare")).toList();
        assertThat(fares).extracting(Accounts.LedgerEntry::amountMinor).containsExactlyInAnyOrder(-300L, -500L, -200L);
        assertThat(fares).anySatisfy(fare -> assertThat(fare.explanation()).contains("cap"));
    }

    /** 2026-06-01 is a Monday, 91 days after 2026-03-02; these rules are in force from then on. */
    @Test
    void weeklyCapSpansDaysAndALateDayRepricesTheDaysAfterIt() {
        Map<String, String> weekly = metro();
        weekly.put("faregate_caps.txt", "cap_id,period,amount,currency,rider_category_id,network_id,area_id\n"
                + "week,week,12.00,CNY,,,\n");
        client.putZip("/v1/admin/fare-rules?effectiveFrom=2026-06-01T04:00:00%2B08:00", zip(weekly))
                .expect(200, FareRulesVersion.class);
        AccountId account = client.openAccount("adult").accountId();
        CredentialId card = Taps.credential();

        // Tuesday's journey reaches the gateway first: nothing else counts towards the cap yet
        client.send(batch(List.of(entry(account, card, "S02", "+92 09:00"), exit(account, card, "S04", "+92 09:40"))));
        assertThat(client.account(account).balanceMinor()).isEqualTo(-500);

        // Monday's two journeys arrive a day late (3.00 + 6.00): Tuesday is repriced to the 3.00 left of 12.00
        client.send(batch(List.of(entry(account, card, "S01", "+91 08:00"), exit(account, card, "S02", "+91 08:20"),
                entry(account, card, "S01", "+91 18:00"), exit(account, card, "S04", "+91 18:50"))));

        assertThat(client.account(account).balanceMinor()).isEqualTo(-1_200);
        List<Accounts.LedgerEntry> fares = client.history(account).entries().stream()
                .filter(entry -> entry.kind().equals("fare")).toList();
        assertThat(fares).anySatisfy(fare -> {
            assertThat(fare.amountMinor()).isEqualTo(200);
            assertThat(fare.explanation()).contains("re-priced from 5.00 to 3.00");
        });
    }

    /**
     * A commuter rides once a day for 15 days under a rolling 7-day cap of 5.00 (fare 3.00): the windows
     * chain days 1-7, 8-14, 15-21, so day 15 opens a new window and pays in full. Rules in force from
     * 2026-09-01; day 1 is 2026-09-02 (184 days after 2026-03-02).
     */
    @Test
    void rollingCapWindowsChainOverWeeksOfDailyRiding() {
        Map<String, String> rolling = metro();
        rolling.put("faregate_caps.txt", "cap_id,period,amount,currency,rider_category_id,network_id,area_id\n"
                + "seven,rolling_7d,5.00,CNY,,,\n");
        client.putZip("/v1/admin/fare-rules?effectiveFrom=2026-09-01T04:00:00%2B08:00", zip(rolling))
                .expect(200, FareRulesVersion.class);
        AccountId account = client.openAccount("adult").accountId();
        CredentialId card = Taps.credential();
        List<Long> paidEachDay = new java.util.ArrayList<>();
        long before = 0;
        for (int day = 0; day < 15; day++) {
            client.send(batch(List.of(entry(account, card, "S01", "+" + (184 + day) + " 08:00"),
                    exit(account, card, "S02", "+" + (184 + day) + " 08:20"))));
            long balance = client.account(account).balanceMinor();
            paidEachDay.add(before - balance);
            before = balance;
        }
        assertThat(paidEachDay).containsExactly(300L, 200L, 0L, 0L, 0L, 0L, 0L, 300L, 200L, 0L, 0L, 0L, 0L, 0L, 300L);
    }

    /** A validate-on-board reader names its route; the route's network has its own fare (rules from 2026-10-01). */
    @Test
    void boardTapOnABusRouteIsPricedByTheBusNetworksRule() {
        client.putZip("/v1/admin/fare-rules?effectiveFrom=2026-10-01T04:00:00%2B08:00", zip(metro()))
                .expect(200, FareRulesVersion.class);
        AccountId account = client.openAccount("adult").accountId();
        CredentialId card = Taps.credential();
        org.faregate.protocol.wire.TapRecord station = entry(account, card, "S01", "+214 07:00");
        org.faregate.protocol.wire.TapRecord onBus = Taps.tap(account, card, org.faregate.protocol.Direction.BOARD,
                "S03", Taps.at("+214 09:00"));
        org.faregate.protocol.wire.TapRecord board = new org.faregate.protocol.wire.TapRecord(onBus.tapId(),
                onBus.gateId(), onBus.stationId(), onBus.direction(), onBus.at(), onBus.channel(), onBus.credentialId(),
                onBus.accountId(), onBus.reason(), "B1");

        client.send(batch(List.of(station, exit(account, card, "S02", "+214 07:20"), board)));

        List<Accounts.LedgerEntry> fares = client.history(account).entries().stream()
                .filter(entry -> entry.kind().equals("fare")).toList();
        assertThat(fares).anySatisfy(fare -> {
            assertThat(fare.tapId()).isEqualTo(board.tapId());
            assertThat(fare.amountMinor()).isEqualTo(-200);
        });
        assertThat(client.account(account).balanceMinor()).isEqualTo(-500); // 3.00 by distance + 2.00 on the bus
    }

    @Test
    void brokenFeedIsRefusedNamingFileLineAndFieldAndTheRunningRulesStay() {
        long versionsBefore = client.get("/v1/admin/fare-rules/versions").expect(200, FareBook.Summary[].class).length;
        Map<String, String> broken = metro();
        broken.put("faregate_distance_bands.txt", "distance_fare_id,network_id,band_start_m,band_end_m,step_m,amount,"
                + "currency,boundary_in\nd,metro,0,6000,,3.005,CNY,lower_band\n");

        GatewayClient.Reply rejected = client.putZip("/v1/admin/fare-rules", zip(broken));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.as(FareRulesRejectedException.Rejection.class).problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("faregate_distance_bands.txt");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.key()).isEqualTo("amount");
            assertThat(problem.code()).isEqualTo("invalid_currency_amount");
        });
        assertThat(client.get("/v1/admin/fare-rules/versions").expect(200, FareBook.Summary[].class))
                .hasSize((int) versionsBefore);
    }

    @Test
    void bytesThatOnlyLookLikeAZipAreRefusedAsAnUnreadableArchive() {
        GatewayClient.Reply rejected = client.putZip("/v1/admin/fare-rules", new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.as(FareRulesRejectedException.Rejection.class).problems())
                .extracting(FareRulesRejectedException.Problem::code).containsExactly("unreadable_archive");
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
