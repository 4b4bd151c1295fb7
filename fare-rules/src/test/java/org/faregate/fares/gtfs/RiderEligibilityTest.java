package org.faregate.fares.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.gtfs.Feeds.utc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.fares.Money;
import org.junit.jupiter.api.Test;

class RiderEligibilityTest {

    private static final FareMatcher MATCHER;

    static {
        Map<String, String> files = Feeds.tiny();
        files.put("rider_categories.txt", "rider_category_id,rider_category_name,is_default_fare_category\n"
                + "adult,Adult,1\nchild,Child,0\n");
        files.put("fare_media.txt", "fare_media_id,fare_media_name,fare_media_type\ncard,Card,2\ncash,Cash,0\n");
        files.put("fare_products.txt", "fare_product_id,rider_category_id,fare_media_id,amount,currency\n"
                + "single,adult,card,2.00,USD\nsingle,adult,cash,2.50,USD\nsingle,child,,1.00,USD\n");
        files.put("fare_leg_rules.txt", "fare_product_id\nsingle\n");
        MATCHER = FareMatcher.of(GtfsFares.load(files).getFeed());
    }

    private static Optional<Money> price(Optional<String> category, Optional<String> media) {
        FareLeg leg = FareLeg.onRoute(RouteId.of("r1"), StopId.of("s1"), StopId.of("s2"), utc("2025-01-15T10:00"),
                utc("2025-01-15T10:30"));
        return MATCHER.price(List.of(leg), category.map(RiderCategoryId::of), media.map(FareMediaId::of)).total();
    }

    @Test
    void productsAreFilteredByRiderCategoryAndFareMedia() {
        assertThat(price(Optional.empty(), Optional.of("card"))).contains(Money.of(200, "USD"));
        assertThat(price(Optional.of("adult"), Optional.of("cash"))).contains(Money.of(250, "USD"));
        assertThat(price(Optional.of("child"), Optional.of("cash"))).contains(Money.of(100, "USD"));
        assertThat(price(Optional.of("adult"), Optional.of("app"))).isEmpty();
    }

    @Test
    void legCandidatesListEveryProductRow() {
        FareLeg leg = FareLeg.onRoute(RouteId.of("r1"), StopId.of("s1"), StopId.of("s2"), utc("2025-01-15T10:00"),
                utc("2025-01-15T10:30"));

        assertThat(MATCHER.legCandidates(leg)).hasSize(3);
    }
}
