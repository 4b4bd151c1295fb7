package org.faregate.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.faregate.fares.Taps.cny;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FareConfigTest {

    private static final String ZONE = """
            # Line 1 fares
            currency = CNY
            type=zone            # or flat
            category.child=50

            zone.S01=1
            zone.S02=2
            zone.S03=3
            zone_fare.1=3.00
            zone_fare.2=4.00
            zone_fare.3=5.00
            max_journey_minutes=120
            """;

    @Test
    void parsesAZoneConfiguration() throws FareConfigException {
        FareRules rules = FareConfig.parse(ZONE);

        assertThat(rules).isEqualTo(new ZoneFare(Taps.CNY, Map.of("S01", 1, "S02", 2, "S03", 3),
                List.of(cny("3.00"), cny("4.00"), cny("5.00")), Duration.ofMinutes(120), Map.of("child", 50)));
    }

    @Test
    void zoneConfigurationWithoutMaximumJourneyTimeUsesThreeHours() throws FareConfigException {
        FareRules rules = FareConfig.parse(ZONE.replace("max_journey_minutes=120", ""));

        assertThat(((ZoneFare) rules).maxJourney()).isEqualTo(Duration.ofMinutes(180));
    }

    @Test
    void aZoneConfigurationWaitsItsMaximumJourneyTimeForTheExitOfAnEntry() throws FareConfigException {
        FareRules rules = FareConfig.parse(ZONE);

        assertThat(rules.maxJourneyTime(Taps.entry("T1", "08:00", "S02"))).contains(Duration.ofMinutes(120));
        assertThat(FareConfig.parse(ZONE.replace("max_journey_minutes=120", ""))
                .maxJourneyTime(Taps.entry("T1", "08:00", "S02"))).contains(Duration.ofMinutes(180));
    }

    @Test
    void aZoneConfigurationWaitsForNothingAfterAnExitOrABoard() throws FareConfigException {
        FareRules rules = FareConfig.parse(ZONE);

        assertThat(rules.maxJourneyTime(Taps.exit("T1", "08:00", "S02"))).isEmpty();
        assertThat(rules.maxJourneyTime(Taps.board("T2", "08:00", "S02"))).isEmpty();
    }

    @Test
    void aZoneConfigurationRefusesTheMaximumJourneyTimeOfAnUnknownStation() throws FareConfigException {
        FareRules rules = FareConfig.parse(ZONE);

        assertThatThrownBy(() -> rules.maxJourneyTime(Taps.entry("T1", "08:00", "S99")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S99");
    }

    @Test
    void aFlatConfigurationChargesEntriesAtOnceAndWaitsForNoExit() throws FareConfigException {
        FareRules rules = FareConfig.parse("currency=CNY\ntype=flat\nfare=2.00\n");

        assertThat(rules.maxJourneyTime(Taps.entry("T1", "08:00", "S01"))).isEmpty();
    }

    @Test
    void parsesAFlatConfigurationWithPercentDiscounts() throws FareConfigException {
        FareRules rules = FareConfig.parse("currency=CNY\r\ntype=flat\r\nfare=2.25\r\ncategory.child=50\r\n");

        assertThat(rules).isEqualTo(new FlatFare(cny("2.25"), Map.of("child", cny("1.13"))));
    }

    @Test
    void amountsUseTheCurrencysFractionDigits() throws FareConfigException {
        FareRules rules = FareConfig.parse("currency=JPY\ntype=flat\nfare=210\n");

        assertThat(rules).isEqualTo(FlatFare.of(Money.of(210, "JPY")));
    }

    @Test
    void unknownKeyIsAnErrorWithLineAndKey() {
        assertThat(problems("currency=CNY\ntype=flat\nfare=2.00\nfair=3.00\n"))
                .containsExactly(tuple(4, "fair", "unknown_key"));
    }

    @Test
    void duplicateKeyIsAnErrorThatPointsAtTheFirst() {
        FareConfigException e = parseFailure("currency=CNY\ntype=flat\nfare=2.00\nfare=3.00\n");

        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.key()).isEqualTo("fare");
            assertThat(problem.code()).isEqualTo("duplicate_key");
            assertThat(problem.message()).contains("line 3");
        });
    }

    @Test
    void missingCurrencyAndTypeAreBothReported() {
        assertThat(problems("fare=2.00\n")).containsExactly(
                tuple(0, "currency", "missing_key"), tuple(0, "type", "missing_key"));
    }

    @Test
    void badNumbersAndAmountsAreReported() {
        assertThat(problems("""
                currency=CNY
                type=zone
                zone.S01=one
                zone_fare.1=3.005
                zone_fare.2=three
                max_journey_minutes=0
                category.child=150
                """)).containsExactly(
                tuple(3, "zone.S01", "bad_number"),
                tuple(4, "zone_fare.1", "bad_amount"),
                tuple(5, "zone_fare.2", "bad_amount"),
                tuple(6, "max_journey_minutes", "out_of_range"),
                tuple(7, "category.child", "out_of_range"));
    }

    @Test
    void negativeFareIsAnError() {
        assertThat(problems("currency=CNY\ntype=flat\nfare=-2.00\n")).containsExactly(tuple(3, "fare", "negative_fare"));
    }

    @Test
    void stationInZoneBelowOneIsAnError() {
        assertThat(problems("currency=CNY\ntype=zone\nzone.S01=0\nzone_fare.1=3.00\n"))
                .containsExactly(tuple(3, "zone.S01", "out_of_range"));
    }

    @Test
    void zoneFareTableWithAGapIsAnErrorAtTheRowAfterTheGap() {
        FareConfigException e = parseFailure(
                "currency=CNY\ntype=zone\nzone.S01=1\nzone_fare.1=3.00\nzone_fare.2=4.00\nzone_fare.4=6.00\n");

        assertThat(e.problems()).extracting(FareConfigProblem::line, FareConfigProblem::key, FareConfigProblem::code)
                .containsExactly(tuple(6, "zone_fare.4", "zone_fare_gap"));
        assertThat(e.problems().get(0).message()).startsWith("zone_fare.3 missing");
    }

    @Test
    void emptyZoneFareTableAndNoStationsAreErrors() {
        assertThat(problems("currency=CNY\ntype=zone\n")).containsExactly(
                tuple(0, "zone.<station>", "missing_key"), tuple(0, "zone_fare.1", "missing_key"));
    }

    @Test
    void keysOfTheOtherFareTypeAreErrors() {
        assertThat(problems("currency=CNY\ntype=flat\nfare=2.00\nzone.S01=1\nmax_journey_minutes=90\n"))
                .containsExactly(tuple(4, "zone.S01", "not_for_type"), tuple(5, "max_journey_minutes", "not_for_type"));
    }

    @Test
    void flatConfigurationWithoutFareIsAnError() {
        assertThat(problems("currency=CNY\ntype=flat\n")).containsExactly(tuple(0, "fare", "missing_key"));
    }

    @Test
    void unknownCurrencyTypeAndMalformedLinesAreErrors() {
        assertThat(problems("currency=XYZ\ntype=distance\njust some words\n= 3\n")).containsExactly(
                tuple(1, "currency", "bad_currency"),
                tuple(2, "type", "bad_type"),
                tuple(3, "just some words", "malformed_line"),
                tuple(4, "", "malformed_line"));
    }

    @Test
    void allProblemsAreCollectedInLineOrderAndListedInTheMessage() {
        FareConfigException e = parseFailure("""
                type=zone
                zone.S01=0
                colour=blue
                zone_fare.1=-3.00
                zone_fare.1=3.00
                zone_fare.x=3.00
                """);

        assertThat(e.problems()).extracting(FareConfigProblem::line, FareConfigProblem::key, FareConfigProblem::code)
                .containsExactly(
                        tuple(0, "currency", "missing_key"),
                        tuple(2, "zone.S01", "out_of_range"),
                        tuple(3, "colour", "unknown_key"),
                        tuple(4, "zone_fare.1", "negative_fare"),
                        tuple(5, "zone_fare.1", "duplicate_key"),
                        tuple(6, "zone_fare.x", "bad_key"));
        assertThat(e).hasMessageStartingWith("fare config has 6 problems:")
                .hasMessageContaining("line 3, key 'colour': unknown key");
    }

    @Test
    void nullTextIsAProgrammingError() {
        assertThatThrownBy(() -> FareConfig.parse(null)).isInstanceOf(NullPointerException.class);
    }

    private static List<org.assertj.core.groups.Tuple> problems(String text) {
        return parseFailure(text).problems().stream()
                .map(problem -> tuple(problem.line(), problem.key(), problem.code()))
                .toList();
    }

    private static FareConfigException parseFailure(String text) {
        FareConfigException e = catchThrowableOfType(FareConfigException.class, () -> FareConfig.parse(text));
        assertThat(e).as("parse should have failed for:%n%s", text).isNotNull();
        return e;
    }
}
