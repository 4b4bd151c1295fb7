package org.faregate.fares.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faregate.fares.Money;
import org.faregate.fares.charging.BoundaryRule;
import org.faregate.fares.charging.Cap;
import org.faregate.fares.charging.CapPeriod;
import org.faregate.fares.charging.CapScope;
import org.faregate.fares.charging.ChargingSettings;
import org.faregate.fares.charging.DistanceBand;
import org.faregate.fares.charging.DistanceBands;
import org.faregate.fares.charging.DistanceFare;
import org.faregate.fares.charging.Extensions;
import org.faregate.fares.charging.MaxFareBasis;
import org.faregate.fares.charging.MaxFareRule;
import org.faregate.fares.charging.SpendTier;
import org.faregate.fares.charging.TimeLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The extension files of docs/fare-extensions.md, read into exactly the model the charging tests build by hand. */
class ExtensionLoaderTest {

    static final String SHANGHAI = """
            distance_fare_id,network_id,band_start_m,band_end_m,step_m,amount,currency,boundary_in
            sh,shanghai_metro,0,6000,,3.00,CNY,lower_band
            sh,shanghai_metro,6000,,10000,1.00,CNY,lower_band
            """;
    static final String BEIJING = """
            bj,beijing_subway,0,6000,,3.00,CNY,lower_band
            bj,beijing_subway,6000,12000,6000,1.00,CNY,lower_band
            bj,beijing_subway,12000,32000,10000,1.00,CNY,lower_band
            bj,beijing_subway,32000,,20000,1.00,CNY,lower_band
            """;
    static final String DISTANCES = """
            from_stop_id,to_stop_id,distance_m
            XJH,PSD,6000
            XJH,HQ,16001
            A,B,6001
            A,C,12000
            A,D,32001
            A,E,72000
            """;

    static Extensions extensions(Map<String, String> files) {
        return ExtensionLoader.load(files).getExtensions();
    }

    static Money cny(String amount) {
        return Money.parse(amount, java.util.Currency.getInstance("CNY"));
    }

    @Test
    void noExtensionFilesGiveTheDefaults() {
        ExtensionResult result = ExtensionLoader.load(Map.of("fare_products.txt", "whatever"));

        assertThat(result.notices()).isEmpty();
        assertThat(result.getExtensions()).isEqualTo(Extensions.none());
    }

    @Test
    void settingsReplaceTheDefaultsTheyName() {
        Extensions read = extensions(Map.of("faregate_settings.txt", """
                setting_id,value
                service_day_cutover,03:30
                default_max_journey_minutes,150
                station_network_id,metro
                unknown_fare,zero
                """));

        assertThat(read.settings()).isEqualTo(new ChargingSettings(LocalTime.of(3, 30), Duration.ofMinutes(150),
                Optional.of("metro"), ChargingSettings.UnknownFarePolicy.ZERO));
    }

    @Test
    void londonCapRowsOfOneIdMergeIntoOneScope() {
        Extensions read = extensions(Map.of("faregate_caps.txt", """
                cap_id,period,amount,currency,rider_category_id,network_id,area_id
                z12_day,day,8.90,GBP,adult,,zone1
                z12_day,day,8.90,GBP,adult,,zone2
                z12_week,week,44.70,GBP,adult,,zone1
                z12_week,week,44.70,GBP,adult,,zone2
                """));

        CapScope zones12 = new CapScope(Set.of("adult"), Set.of(), Set.of("zone1", "zone2"));
        assertThat(read.caps()).containsExactly(
                new Cap("z12_day", CapPeriod.DAY, Money.of(890, "GBP"), zones12),
                new Cap("z12_week", CapPeriod.WEEK, Money.of(4470, "GBP"), zones12));
    }

    @Test
    void anOmnyRollingCapWithEmptyScopeAppliesToAnyFare() {
        Extensions read = extensions(Map.of("faregate_caps.txt",
                "cap_id,period,amount,currency,rider_category_id,network_id,area_id\nomny_7d,rolling_7d,34.00,USD,,,\n"));

        assertThat(read.caps()).containsExactly(new Cap("omny_7d", CapPeriod.ROLLING_7D, Money.of(3400, "USD"), CapScope.ANY));
    }

    @Test
    void maxFaresGiveTheRulesAndTheMaximumJourneyTimes() {
        Extensions read = extensions(Map.of("faregate_max_fares.txt", """
                network_id,max_journey_minutes,max_fare_type,amount,currency,counts_towards_caps,bounded_by_daily_cap
                london_tube,120,flat,10.00,GBP,0,0
                overground,180,flat,15.00,GBP,1,1
                link_rail,240,highest_from_origin,,,1,0
                """));

        assertThat(read.maxFares()).containsExactly(
                new MaxFareRule("london_tube", new MaxFareBasis.Flat(Money.of(1000, "GBP")), false, false),
                new MaxFareRule("overground", new MaxFareBasis.Flat(Money.of(1500, "GBP")), true, true),
                new MaxFareRule("link_rail", new MaxFareBasis.HighestFromOrigin(), true, false));
        assertThat(read.maxJourneyByNetwork()).containsExactlyInAnyOrderEntriesOf(Map.of("london_tube",
                Duration.ofMinutes(120), "overground", Duration.ofMinutes(180), "link_rail", Duration.ofMinutes(240)));
    }

    @Test
    void distanceBandFilesGiveExactlyTheHandBuiltShanghaiAndBeijingFormulas() {
        Map<String, DistanceFare> fares = extensions(Map.of("faregate_distance_bands.txt", SHANGHAI + BEIJING,
                "faregate_stop_distances.txt", DISTANCES)).distanceFaresByNetwork();

        assertThat(fares.get("shanghai_metro").bands()).isEqualTo(new DistanceBands(cny("3.00"), 6_000,
                List.of(DistanceBand.unbounded(6_000, 10_000, cny("1.00"))), BoundaryRule.LOWER_BAND));
        assertThat(fares.get("beijing_subway").bands()).isEqualTo(new DistanceBands(cny("3.00"), 6_000, List.of(
                new DistanceBand(6_000, 12_000, 6_000, cny("1.00")),
                new DistanceBand(12_000, 32_000, 10_000, cny("1.00")),
                DistanceBand.unbounded(32_000, 20_000, cny("1.00"))), BoundaryRule.LOWER_BAND));
    }

    @ParameterizedTest(name = "{0} {1}->{2} = {3}")
    @CsvSource({"shanghai_metro, XJH, PSD, 3.00", "shanghai_metro, PSD, XJH, 3.00", "shanghai_metro, XJH, HQ, 5.00",
            "shanghai_metro, XJH, XJH, 3.00", "shanghai_metro, A, B, 4.00", "beijing_subway, A, B, 4.00",
            "beijing_subway, A, C, 4.00", "beijing_subway, A, D, 7.00", "beijing_subway, E, A, 8.00"})
    void distanceFaresReadFromFilesPriceLikeDomainSectionThree(String network, String from, String to, String fare) {
        DistanceFare distanceFare = extensions(Map.of("faregate_distance_bands.txt", SHANGHAI + BEIJING,
                "faregate_stop_distances.txt", DISTANCES)).distanceFaresByNetwork().get(network);

        assertThat(distanceFare.fare(from, to)).hasValueSatisfying(price -> assertThat(price.amount()).isEqualTo(cny(fare)));
    }

    @Test
    void upperBandBoundaryPutsSixKilometresInTheSecondBand() {
        DistanceFare fare = extensions(Map.of("faregate_distance_bands.txt", SHANGHAI.replace("lower_band", "upper_band"),
                "faregate_stop_distances.txt", DISTANCES)).distanceFaresByNetwork().get("shanghai_metro");

        assertThat(fare.bands().boundary()).isEqualTo(BoundaryRule.UPPER_BAND);
        assertThat(fare.fare("XJH", "PSD").orElseThrow().amount()).isEqualTo(cny("4.00"));
        assertThat(fare.fare("XJH", "nowhere")).isEmpty();
    }

    @Test
    void timeLimitsAndSpendTiersGiveTheirModel() {
        Extensions read = extensions(Map.of("faregate_time_limits.txt", """
                network_id,validity_minutes,surcharge_period_minutes,surcharge_amount,currency
                metro,120,30,3.00,CNY
                """, "faregate_spend_tiers.txt", """
                spend_tier_id,threshold_amount,currency,percent_off
                bj,150.00,CNY,50
                bj,100.00,CNY,20
                bj,400.00,CNY,0
                """));

        assertThat(read.timeLimitsByNetwork()).containsExactlyEntriesOf(Map.of("metro",
                new TimeLimit(Duration.ofMinutes(120), Duration.ofMinutes(30), cny("3.00"))));
        assertThat(read.spendTiers()).containsExactly(new SpendTier(cny("100.00"), 20), new SpendTier(cny("150.00"), 50),
                new SpendTier(cny("400.00"), 0));
    }

    @Test
    void anUnknownColumnIsAnInfoNoticeAndTheFileStillLoads() {
        ExtensionResult result = ExtensionLoader.load(Map.of("faregate_time_limits.txt", """
                network_id, validity_minutes,surcharge_period_minutes,surcharge_amount,currency,colour
                metro,120,30,3.00,CNY,red
                """));

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.notices()).extracting(Notice::code, Notice::file, Notice::line, Notice::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NoticeCode.LEADING_OR_TRAILING_WHITESPACES,
                        "faregate_time_limits.txt", 1, "validity_minutes"),
                org.assertj.core.groups.Tuple.tuple(NoticeCode.UNKNOWN_COLUMN, "faregate_time_limits.txt", 1, "colour"));
        assertThat(result.notices().get(1).severity()).isEqualTo(NoticeCode.Severity.INFO);
        assertThat(result.getExtensions().timeLimitsByNetwork()).containsKey("metro");
    }

    @Test
    void anUnknownSettingIsAWarningAndTheOthersStillApply() {
        ExtensionResult result = ExtensionLoader.load(Map.of("faregate_settings.txt",
                "setting_id,value\nservice_day_cutover,02:00\nhappy_hour,17:00\n"));

        assertThat(result.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.code().code()).isEqualTo("unknown_setting");
            assertThat(notice.severity()).isEqualTo(NoticeCode.Severity.WARNING);
            assertThat(notice.toString()).startsWith("faregate_settings.txt:3 setting_id unknown_setting");
        });
        assertThat(result.getExtensions().settings().serviceDayCutover()).isEqualTo(LocalTime.of(2, 0));
    }

    @Test
    void aCapRowLeavingAScopeFieldEmptyWhileAnotherSetsItIsAWarning() {
        ExtensionResult result = ExtensionLoader.load(Map.of("faregate_caps.txt",
                "cap_id,period,amount,currency,network_id\nlp,rolling_31d,50.00,GBP,bus_a\nlp,rolling_31d,50.00,GBP,\n"));

        assertThat(result.notices()).extracting(Notice::code, Notice::line, Notice::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NoticeCode.MIXED_CAP_SCOPE, 3, "network_id"));
        assertThat(result.getExtensions().caps().get(0).scope().networks()).containsExactly("bus_a");
    }

    @Test
    void gtfsLoadingNoLongerReportsExtensionFilesAsUnknownButStillReportsATypo() {
        Map<String, String> files = Feeds.tiny();
        files.put("fare_products.txt", "fare_product_id,amount,currency\nsingle,3.00,CNY\n");
        files.put("fare_leg_rules.txt", "fare_product_id\nsingle\n");
        files.put("faregate_caps.txt", "cap_id,period,amount,currency\nday,day,8.00,CNY\n");
        files.put("faregate_settings.txt", "setting_id,value\nservice_day_cutover,04:00\n");
        files.put("faregate_cpas.txt", "cap_id\n");

        assertThat(GtfsFares.load(files).notices()).extracting(Notice::code, Notice::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NoticeCode.UNKNOWN_FILE, "faregate_cpas.txt"));
    }

    @Test
    void extensionLoadingIgnoresTheGtfsFiles() {
        Map<String, String> files = new HashMap<>(Feeds.tiny());
        files.put("faregate_caps.txt", "cap_id,period,amount,currency\nday,day,8.00,CNY\n");

        ExtensionResult result = ExtensionLoader.load(files);

        assertThat(result.notices()).isEmpty();
        assertThat(result.getExtensions().caps()).hasSize(1);
    }
}
