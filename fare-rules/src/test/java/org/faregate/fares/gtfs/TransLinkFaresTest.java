package org.faregate.fares.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.gtfs.Feeds.vancouver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.faregate.fares.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TransLink example of the gtfs.org Fares guide, on the feed in src/test/resources/gtfs/translink. */
class TransLinkFaresTest {

    private static final FareMatcher MATCHER = FareMatcher.of(Feeds.translink());
    private static final RouteId EXPO = RouteId.of("expo");
    private static final RouteId CANADA = RouteId.of("canada");
    private static final RouteId BUS = RouteId.of("bus_3");

    private static FareLeg rail(String from, String to, Instant departure) {
        return FareLeg.onRoute(EXPO, StopId.of(from), StopId.of(to), departure, departure.plus(Duration.ofMinutes(20)));
    }

    private static FareLeg bus(Instant departure) {
        return FareLeg.onRoute(BUS, StopId.of("bus_stop_a"), StopId.of("bus_stop_b"), departure,
                departure.plus(Duration.ofMinutes(20)));
    }

    private static JourneyQuote quote(FareLeg... legs) {
        return MATCHER.price(List.of(legs), Optional.empty(), Optional.of(FareMediaId.of("contactless")));
    }

    private static Money cad(String amount) {
        return Money.parse(amount, java.util.Currency.getInstance("CAD"));
    }

    private static Money single(FareLeg leg) {
        return quote(leg).total().orElseThrow();
    }

    @ParameterizedTest(name = "{0} -> {1} costs {2} on a weekday morning")
    @CsvSource({
        "commercial, waterfront_expo, 3.20", "commercial, bridgeport, 4.65", "commercial, surrey_central, 6.35",
        "bridgeport, commercial, 4.65", "bridgeport, brighouse, 3.20", "bridgeport, king_george, 4.65",
        "king_george, commercial, 6.35", "surrey_central, bridgeport, 4.65", "surrey_central, king_george, 3.20"})
    void everyZonePairCostsItsZoneFare(String from, String to, String fare) {
        assertThat(single(rail(from, to, vancouver("2025-01-15T10:00")))).isEqualTo(cad(fare));
    }

    @ParameterizedTest(name = "{0} -> {1} at {2} costs {3}")
    @CsvSource({
        "yvr, commercial, 2025-01-15T10:00, 9.65",
        "yvr, bridgeport, 2025-01-15T10:00, 8.20",
        "yvr, surrey_central, 2025-01-15T10:00, 9.65",
        "yvr, templeton, 2025-01-15T10:00, 0.00",
        "commercial, yvr, 2025-01-15T10:00, 4.65",
        "bridgeport, sea_island_centre, 2025-01-15T10:00, 3.20",
        "yvr, commercial, 2025-01-15T19:00, 8.20",
        "yvr, surrey_central, 2025-01-18T10:00, 8.20",
        "templeton, yvr, 2025-01-18T10:00, 0.00"})
    void seaIslandFaresAreDecidedByRulePriority(String from, String to, String at, String fare) {
        assertThat(single(rail(from, to, vancouver(at)))).isEqualTo(cad(fare));
    }

    @Test
    void aSeaIslandLegShowsEveryMatchingRuleOfTheHighestPriorityOnly() {
        List<LegMatch> candidates = MATCHER.legCandidates(rail("yvr", "templeton", vancouver("2025-01-15T10:00")));

        assertThat(candidates).extracting(m -> m.rule().priority()).containsOnly(4);
        assertThat(candidates).extracting(m -> m.product().id().value()).containsExactly("sea_island_free");
    }

    @ParameterizedTest(name = "3 zones departing {0} cost {1}")
    @CsvSource({
        "2025-01-15T18:29:59, 6.35", "2025-01-15T18:30:00, 3.20", "2025-01-15T23:59:59, 3.20",
        "2025-01-16T00:00:00, 3.20", "2025-01-16T02:59:59, 3.20", "2025-01-16T03:00:00, 6.35",
        "2025-01-13T02:00:00, 3.20", "2025-01-18T12:00:00, 3.20", "2025-01-19T23:00:00, 3.20",
        "2025-12-24T12:00:00, 6.35", "2025-12-25T12:00:00, 3.20", "2025-07-16T18:30:00, 3.20",
        "2025-07-16T18:29:59, 6.35"})
    void eveningsWeekendsAndHolidaysAreOneZoneStartInclusiveEndExclusive(String departure, String fare) {
        assertThat(single(rail("commercial", "surrey_central", vancouver(departure)))).isEqualTo(cad(fare));
    }

    @Test
    void transferWithinNinetyMinutesCostsTheUpgradeOnly() {
        Instant first = vancouver("2025-01-15T10:00");
        JourneyQuote quote = quote(bus(first), rail("commercial", "bridgeport", first.plus(Duration.ofMinutes(90))));

        assertThat(quote.total()).contains(cad("4.65"));
        assertThat(quote.charges().get(1)).isInstanceOfSatisfying(LegCharge.Priced.class, priced -> {
            assertThat(priced.amount()).isEqualTo(cad("1.45"));
            assertThat(priced.transfer()).isPresent();
            assertThat(priced.explanation()).contains("two_zone", "fare_transfer_rules.txt:4", "A + AB");
        });
    }

    @Test
    void aTransferOneSecondAfterNinetyMinutesIsANewFare() {
        Instant first = vancouver("2025-01-15T10:00");
        JourneyQuote quote = quote(bus(first), rail("commercial", "bridgeport", first.plusSeconds(90 * 60 + 1)));

        assertThat(quote.total()).contains(cad("7.85"));
        assertThat(((LegCharge.Priced) quote.charges().get(1)).transfer()).isEmpty();
    }

    @Test
    void upgradesFromOneAndTwoZonesToThree() {
        Instant first = vancouver("2025-01-15T10:00");
        assertThat(quote(bus(first), rail("commercial", "surrey_central", first.plus(Duration.ofMinutes(30)))).total())
                .contains(cad("6.35"));
        JourneyQuote twoToThree = quote(rail("commercial", "bridgeport", first),
                rail("waterfront_expo", "surrey_central", first.plus(Duration.ofMinutes(60))));
        assertThat(twoToThree.total()).contains(cad("6.35"));
        assertThat(((LegCharge.Priced) twoToThree.charges().get(1)).amount()).isEqualTo(cad("1.70"));
    }

    @Test
    void sameOrLowerZoneTransfersAndBusToBusAreFree() {
        Instant first = vancouver("2025-01-15T10:00");
        assertThat(quote(rail("commercial", "surrey_central", first), bus(first.plus(Duration.ofMinutes(40))),
                bus(first.plus(Duration.ofMinutes(70)))).total()).contains(cad("6.35"));
    }

    @Test
    void expoAndCanadaLinesJoinAtWaterfrontIntoOneFareLeg() {
        Instant first = vancouver("2025-01-15T10:00");
        FareLeg expo = FareLeg.onRoute(EXPO, StopId.of("king_george"), StopId.of("waterfront_expo"), first,
                first.plus(Duration.ofMinutes(40)));
        FareLeg canada = FareLeg.onRoute(CANADA, StopId.of("waterfront_canada"), StopId.of("bridgeport"),
                first.plus(Duration.ofMinutes(45)), first.plus(Duration.ofMinutes(65)));

        JourneyQuote quote = quote(expo, canada);

        assertThat(quote.charges()).singleElement().satisfies(charge -> assertThat(charge.legs()).containsExactly(0, 1));
        assertThat(quote.total()).contains(cad("4.65"));
    }
}
