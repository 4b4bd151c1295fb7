package org.faregate.fares.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.gtfs.Feeds.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.faregate.fares.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** fare_transfer_rules.txt on a tiny feed: leg group g on network n1 (2.00), h on n2 (3.00). */
class TransferRulesTest {

    private static final String PRODUCTS = "fare_product_id,amount,currency\na,2.00,USD\nb,3.00,USD\n"
            + "ab,0.50,USD\nab_whole,4.00,USD\nhalf,0.50,USD\n";
    private static final String LEG_RULES = "leg_group_id,network_id,fare_product_id\ng,n1,a\nh,n2,b\n";
    private static final String HEADER = "from_leg_group_id,to_leg_group_id,transfer_count,duration_limit,"
            + "duration_limit_type,fare_transfer_type,fare_product_id\n";

    private static Money usd(long cents) {
        return Money.of(cents, "USD");
    }

    private static FareLeg leg(String route, String departure, String arrival) {
        return FareLeg.onRoute(RouteId.of(route), StopId.of("s1"), StopId.of("s2"), utc(departure), utc(arrival));
    }

    private static Optional<Money> total(String transferRules, FareLeg... legs) {
        FaresFeed feed = Feeds.tiny(PRODUCTS, LEG_RULES, HEADER + transferRules);
        return FareMatcher.of(feed).price(List.of(legs), Optional.empty(), Optional.empty()).total();
    }

    private static final FareLeg G = leg("r1", "2025-01-15T10:00", "2025-01-15T10:30");
    private static final FareLeg H = leg("r2", "2025-01-15T10:50", "2025-01-15T11:20");

    @ParameterizedTest(name = "fare_transfer_type {0} with product {1} totals {2} cents")
    @CsvSource({"0, ab, 250", "1, ab, 550", "2, ab_whole, 400", "0, '', 200", "1, '', 500"})
    void fareTransferTypesAddUpAsSpecified(int type, String product, long cents) {
        assertThat(total("g,h,,,," + type + "," + product + "\n", G, H)).contains(usd(cents));
    }

    @Test
    void transferRulesAreDirectional() {
        FareLeg hFirst = leg("r2", "2025-01-15T10:00", "2025-01-15T10:30");
        FareLeg gSecond = leg("r1", "2025-01-15T10:50", "2025-01-15T11:20");

        assertThat(total("g,h,,,,0,\n", hFirst, gSecond)).contains(usd(500));
    }

    @Test
    void anEmptyLegGroupMeansEveryGroupNotListedInThatColumn() {
        assertThat(total(",h,,,,0,\n", G, H)).contains(usd(200));
        assertThat(total("h,h,-1,,,0,\n,h,,,,0,\n", G, H)).contains(usd(200));
        assertThat(total("g,h,,,,0,ab\n,h,,,,0,\n", G, H)).contains(usd(250));
    }

    @Test
    void theSmallestTransferCountAtOrAboveTheCurrentOneApplies() {
        FareLeg[] four = {leg("r1", "2025-01-15T10:00", "2025-01-15T10:10"), leg("r1", "2025-01-15T10:20", "2025-01-15T10:30"),
            leg("r1", "2025-01-15T10:40", "2025-01-15T10:50"), leg("r1", "2025-01-15T11:00", "2025-01-15T11:10")};

        assertThat(total("g,g,1,,,0,\ng,g,2,,,0,half\n", four)).contains(usd(200 + 0 + 50 + 200));
        assertThat(total("g,g,-1,,,0,\n", four)).contains(usd(200));
        assertThat(total("g,g,-1,,,0,half\ng,g,1,,,0,\n", four)).contains(usd(200 + 0 + 50 + 50));
    }

    @ParameterizedTest(name = "duration_limit_type {0} with limit {1} s: transfer {2}")
    @CsvSource({"0, 4800, true", "0, 4799, false", "1, 3000, true", "1, 2999, false",
        "2, 1200, true", "2, 1199, false", "3, 3000, true", "3, 2999, false"})
    void durationLimitTypesMeasureBetweenTheRightValidations(int type, int limit, boolean transfer) {
        assertThat(total("g,h,," + limit + "," + type + ",0,\n", G, H)).contains(usd(transfer ? 200 : 500));
    }

    @Test
    void theDurationLimitCountsFromTheFirstLegOfTheRun() {
        FareLeg first = leg("r1", "2025-01-15T10:00", "2025-01-15T10:20");
        FareLeg second = leg("r1", "2025-01-15T10:30", "2025-01-15T10:50");
        FareLeg third = leg("r1", "2025-01-15T11:00:01", "2025-01-15T11:20");

        assertThat(total("g,g,-1,3600,1,0,\n", first, second, third)).contains(usd(400));
        assertThat(total("g,g,-1,3601,1,0,\n", first, second, third)).contains(usd(200));
    }

    @Test
    void aLegNoRuleMatchesMakesTheTotalUnknown() {
        FareLeg elsewhere = FareLeg.onNetwork(NetworkId.of("n3"), StopId.of("s1"), StopId.of("s2"),
                utc("2025-01-15T10:00"), utc("2025-01-15T10:10"));
        FaresFeed feed = Feeds.tiny(PRODUCTS, LEG_RULES, null);

        JourneyQuote quote = FareMatcher.of(feed).price(List.of(G, elsewhere), Optional.empty(), Optional.empty());

        assertThat(quote.total()).isEmpty();
        assertThat(quote.charges().get(1)).isInstanceOf(LegCharge.Unknown.class);
    }

    @Test
    void consecutiveLegsOfOneNetworkJoinWhenAJoinRuleSaysSo() {
        var files = Feeds.tiny();
        files.put("fare_products.txt", PRODUCTS);
        files.put("fare_leg_rules.txt", "network_id,from_area_id,to_area_id,fare_product_id\nn1,A,C,b\nn1,A,B,a\nn1,B,C,a\n");
        files.put("fare_leg_join_rules.txt", "from_network_id,to_network_id\nn1,n1\n");
        FaresFeed feed = GtfsFares.load(files).getFeed();
        Instant start = utc("2025-01-15T10:00");
        FareLeg one = FareLeg.onRoute(RouteId.of("r1"), StopId.of("s1"), StopId.of("s2"), start, start.plusSeconds(600));
        FareLeg two = FareLeg.onRoute(RouteId.of("r1"), StopId.of("s2"), StopId.of("s3"), start.plusSeconds(900),
                start.plusSeconds(1500));

        JourneyQuote quote = FareMatcher.of(feed).price(List.of(one, two), Optional.empty(), Optional.empty());

        assertThat(quote.charges()).singleElement().satisfies(c -> assertThat(c.legs()).containsExactly(0, 1));
        assertThat(quote.total()).contains(usd(300));
    }
}
