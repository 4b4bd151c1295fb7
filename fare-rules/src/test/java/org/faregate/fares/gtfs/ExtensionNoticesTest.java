package org.faregate.fares.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented problem of the extension files is an error naming file, line and field, and refuses them. */
class ExtensionNoticesTest {

    private static final String CAPS = "faregate_caps.txt";
    private static final String CAP_HEADER = "cap_id,period,amount,currency,rider_category_id,network_id,area_id\n";
    private static final String BANDS = "faregate_distance_bands.txt";
    private static final String BAND_HEADER = "distance_fare_id,network_id,band_start_m,band_end_m,step_m,amount,currency\n";
    private static final String SETTINGS = "faregate_settings.txt";
    private static final String MAX = "faregate_max_fares.txt";
    private static final String MAX_HEADER = "network_id,max_journey_minutes,max_fare_type,amount,currency\n";
    private static final String DISTANCES = "faregate_stop_distances.txt";
    private static final String SOME_DISTANCE = "from_stop_id,to_stop_id,distance_m\nA,B,1000\n";

    static Stream<Arguments> oneBadRow() {
        return Stream.of(
                Arguments.of("a period that is not one of the five", CAPS,
                        CAP_HEADER + "d,day,8.00,CNY,,,\nw,fortnight,20.00,CNY,,,\n", "unexpected_enum_value", 3, "period"),
                Arguments.of("an amount with more decimals than the currency has", CAPS,
                        CAP_HEADER + "d,day,3.205,CNY,,,\n", "invalid_currency_amount", 2, "amount"),
                Arguments.of("a yen amount with decimals", CAPS,
                        CAP_HEADER + "d,day,800.5,JPY,,,\n", "invalid_currency_amount", 2, "amount"),
                Arguments.of("a negative cap", CAPS, CAP_HEADER + "d,day,-1.00,CNY,,,\n", "number_out_of_range", 2, "amount"),
                Arguments.of("rows of one cap_id with different amounts", CAPS,
                        CAP_HEADER + "d,day,8.00,GBP,,,zone1\nd,day,8.90,GBP,,,zone2\n", "conflicting_rows", 3, "amount"),
                Arguments.of("rows of one cap_id with different periods", CAPS,
                        CAP_HEADER + "d,day,8.00,GBP,,,zone1\nd,week,8.00,GBP,,,zone2\n", "conflicting_rows", 3, "period"),
                Arguments.of("a band that starts after the previous one ended", BANDS, BAND_HEADER
                        + "sh,m,0,6000,,3.00,CNY\nsh,m,7000,,10000,1.00,CNY\n", "distance_band_gap", 3, "band_start_m"),
                Arguments.of("a band after an unbounded band", BANDS, BAND_HEADER + "sh,m,0,6000,,3.00,CNY\n"
                        + "sh,m,6000,,10000,1.00,CNY\nsh,m,16000,,10000,1.00,CNY\n", "distance_band_gap", 4, "band_start_m"),
                Arguments.of("a bounded band that is not whole steps", BANDS, BAND_HEADER + "bj,m,0,6000,,3.00,CNY\n"
                        + "bj,m,6000,13000,6000,1.00,CNY\n", "invalid_distance_band", 3, "band_end_m"),
                Arguments.of("a base row with a step", BANDS, BAND_HEADER + "sh,m,0,6000,500,3.00,CNY\n",
                        "invalid_distance_band", 2, "step_m"),
                Arguments.of("a base row not from 0 m", BANDS, BAND_HEADER + "sh,m,100,6000,,3.00,CNY\n",
                        "invalid_distance_band", 2, "band_start_m"),
                Arguments.of("a later band without a step", BANDS, BAND_HEADER + "sh,m,0,6000,,3.00,CNY\n"
                        + "sh,m,6000,,,1.00,CNY\n", "missing_required_field", 3, "step_m"),
                Arguments.of("rows of one formula on two networks", BANDS, BAND_HEADER + "sh,m,0,6000,,3.00,CNY\n"
                        + "sh,n,6000,,10000,1.00,CNY\n", "conflicting_rows", 3, "network_id"),
                Arguments.of("a boundary that is neither band", BANDS, BAND_HEADER.replace("\n", ",boundary_in\n")
                        + "sh,m,0,6000,,3.00,CNY,middle\n", "unexpected_enum_value", 2, "boundary_in"),
                Arguments.of("a cutover that is not HH:MM", SETTINGS, "setting_id,value\nservice_day_cutover,4am\n",
                        "invalid_time", 2, "value"),
                Arguments.of("a cutover past midnight", SETTINGS, "setting_id,value\nservice_day_cutover,24:00\n",
                        "invalid_time", 2, "value"),
                Arguments.of("an unknown fare policy", SETTINGS, "setting_id,value\nunknown_fare,free\n",
                        "unexpected_enum_value", 2, "value"),
                Arguments.of("a zero maximum journey time", SETTINGS, "setting_id,value\ndefault_max_journey_minutes,0\n",
                        "number_out_of_range", 2, "value"),
                Arguments.of("a setting given twice", SETTINGS, "setting_id,value\nunknown_fare,zero\nunknown_fare,zero\n",
                        "duplicate_key", 3, "setting_id"),
                Arguments.of("a flat maximum fare without amount", MAX, MAX_HEADER + "tube,120,flat,,GBP\n",
                        "missing_required_field", 2, "amount"),
                Arguments.of("a maximum fare type not known", MAX, MAX_HEADER + "tube,120,highest,,\n",
                        "unexpected_enum_value", 2, "max_fare_type"),
                Arguments.of("two rows for one network", MAX, MAX_HEADER + "tube,120,flat,10.00,GBP\ntube,90,flat,9.00,GBP\n",
                        "duplicate_key", 3, "network_id"),
                Arguments.of("a reverse stop distance that differs", DISTANCES,
                        "from_stop_id,to_stop_id,distance_m\nA,B,1000\nB,A,1001\n", "conflicting_rows", 3, "distance_m"),
                Arguments.of("a distance that is not whole metres", DISTANCES,
                        "from_stop_id,to_stop_id,distance_m\nA,B,1000.5\n", "invalid_integer", 2, "distance_m"),
                Arguments.of("a validity of zero minutes", "faregate_time_limits.txt",
                        "network_id,validity_minutes,surcharge_period_minutes,surcharge_amount,currency\nm,0,30,3.00,CNY\n",
                        "number_out_of_range", 2, "validity_minutes"),
                Arguments.of("a discount above 100 %", "faregate_spend_tiers.txt",
                        "spend_tier_id,threshold_amount,currency,percent_off\nbj,100.00,CNY,101\n",
                        "number_out_of_range", 2, "percent_off"),
                Arguments.of("a second spend tier set", "faregate_spend_tiers.txt",
                        "spend_tier_id,threshold_amount,currency,percent_off\nbj,100.00,CNY,20\nsh,150.00,CNY,50\n",
                        "conflicting_rows", 3, "spend_tier_id"),
                Arguments.of("a missing required column", CAPS, "cap_id,period,amount\nd,day,8.00\n",
                        "missing_required_column", 1, "currency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBadRow")
    void aBadRowIsAnErrorNamingFileLineAndField(String what, String file, String text, String code, int line, String field) {
        Map<String, String> files = file.equals(BANDS) ? Map.of(file, text, DISTANCES, SOME_DISTANCE) : Map.of(file, text);

        ExtensionResult result = ExtensionLoader.load(files);

        assertThat(result.extensions()).isEmpty();
        assertThat(result.errors()).extracting(n -> n.code().code(), Notice::file, Notice::line, Notice::field)
                .containsExactly(tuple(code, file, line, field));
    }

    @Test
    void everyBadRowIsReportedNotJustTheFirst() {
        ExtensionResult result = ExtensionLoader.load(Map.of(CAPS,
                "cap_id,period,amount,currency\na,day,8.00,CNY\nb,hour,8.00,CNY\nc,day,8.001,CNY\nd,week,30.00,CNY\n"));

        assertThat(result.errors()).extracting(Notice::line, Notice::field).containsExactly(tuple(3, "period"),
                tuple(4, "amount"));
    }

    @Test
    void distanceBandsWithoutStopDistancesAreAnError() {
        ExtensionResult result = ExtensionLoader.load(Map.of(BANDS, BAND_HEADER + "sh,metro,0,6000,,3.00,CNY\n"));

        assertThat(result.errors()).singleElement().satisfies(notice -> {
            assertThat(notice.code()).isEqualTo(NoticeCode.MISSING_REQUIRED_FILE);
            assertThat(notice.file()).isEqualTo(DISTANCES);
            assertThat(notice.message()).contains("[metro]");
        });
    }

    @Test
    void twoFormulasForOneNetworkAreADuplicateKey() {
        ExtensionResult result = ExtensionLoader.load(Map.of(DISTANCES, SOME_DISTANCE, BANDS, BAND_HEADER
                + "a,metro,0,6000,,3.00,CNY\nb,metro,0,5000,,2.00,CNY\n"));

        assertThat(result.errors()).extracting(Notice::code, Notice::line, Notice::field)
                .containsExactly(tuple(NoticeCode.DUPLICATE_KEY, 3, "network_id"));
    }

    @Test
    void amountsOfTheExtensionFilesMustShareOneCurrency() {
        ExtensionResult result = ExtensionLoader.load(Map.of(CAPS, CAP_HEADER + "d,day,8.00,CNY,,,\n", MAX,
                MAX_HEADER + "tube,120,flat,10.00,GBP\n"));

        assertThat(result.errors()).extracting(Notice::code, Notice::file, Notice::line, Notice::field)
                .containsExactly(tuple(NoticeCode.MIXED_CURRENCIES, MAX, 2, "currency"));
    }
}
