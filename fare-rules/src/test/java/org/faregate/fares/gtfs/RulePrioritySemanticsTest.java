package org.faregate.fares.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.gtfs.Feeds.utc;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Both meanings of an empty network_id / from_area_id / to_area_id, decided by the rule_priority column. */
class RulePrioritySemanticsTest {

    private static final String PRODUCTS = "fare_product_id,amount,currency\np_ab,2.00,USD\np_other,1.00,USD\np_net,3.00,USD\n";

    private static List<String> products(FaresFeed feed, String route, String from, String to) {
        FareLeg leg = FareLeg.onRoute(RouteId.of(route), StopId.of(from), StopId.of(to), utc("2025-01-15T10:00"),
                utc("2025-01-15T10:30"));
        return FareMatcher.of(feed).legCandidates(leg).stream().map(m -> m.product().id().value()).toList();
    }

    @Test
    void withoutThePriorityColumnAnEmptyAreaMeansEveryAreaNotListedInThatColumn() {
        FaresFeed feed = Feeds.tiny(PRODUCTS, "fare_product_id,from_area_id,to_area_id\np_ab,A,B\np_other,,B\n", null);

        assertThat(products(feed, "r1", "s1", "s2")).containsExactly("p_ab");
        assertThat(products(feed, "r1", "s3", "s2")).containsExactly("p_other");
        assertThat(products(feed, "r1", "s4", "s2")).containsExactly("p_other");
        assertThat(products(feed, "r1", "s1", "s3")).isEmpty();
    }

    @Test
    void withoutThePriorityColumnAnEmptyNetworkMeansEveryOtherNetwork() {
        FaresFeed feed = Feeds.tiny(PRODUCTS, "fare_product_id,network_id\np_net,n1\np_other,\n", null);

        assertThat(products(feed, "r1", "s1", "s2")).containsExactly("p_net");
        assertThat(products(feed, "r2", "s1", "s2")).containsExactly("p_other");
    }

    @Test
    void withThePriorityColumnEvenAllEmptyAnEmptyAreaIsAWildcard() {
        FaresFeed feed = Feeds.tiny(PRODUCTS,
                "fare_product_id,from_area_id,to_area_id,rule_priority\np_ab,A,B,\np_other,,B,\n", null);

        assertThat(products(feed, "r1", "s1", "s2")).containsExactlyInAnyOrder("p_ab", "p_other");
        assertThat(products(feed, "r1", "s3", "s2")).containsExactly("p_other");
    }

    @Test
    void withThePriorityColumnOnlyTheHighestPriorityMatchesSurvive() {
        FaresFeed feed = Feeds.tiny(PRODUCTS,
                "fare_product_id,from_area_id,to_area_id,rule_priority\np_ab,A,B,1\np_other,,B,0\np_net,,,\n", null);

        assertThat(products(feed, "r1", "s1", "s2")).containsExactly("p_ab");
        assertThat(products(feed, "r1", "s3", "s2")).as("an empty priority is 0")
                .containsExactlyInAnyOrder("p_other", "p_net");
        assertThat(products(feed, "r1", "s3", "s1")).containsExactly("p_net");
    }

    @Test
    void theCheapestEligibleProductIsChargedWhenSeveralMatch() {
        FaresFeed feed = Feeds.tiny(PRODUCTS,
                "fare_product_id,from_area_id,to_area_id,rule_priority\np_ab,A,B,\np_other,,B,\n", null);
        FareLeg leg = FareLeg.onRoute(RouteId.of("r1"), StopId.of("s1"), StopId.of("s2"), utc("2025-01-15T10:00"),
                utc("2025-01-15T10:30"));

        JourneyQuote quote = FareMatcher.of(feed).price(List.of(leg), java.util.Optional.empty(), java.util.Optional.empty());

        assertThat(quote.total()).contains(org.faregate.fares.Money.of(100, "USD"));
    }
}
