package org.faregate.fares.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.faregate.fares.FareCharge;
import org.faregate.fares.FareTap;
import org.faregate.fares.TapEvent;
import org.junit.jupiter.api.Test;

/**
 * Accounts carry Faregate's rider categories (adult, child, senior…); a feed names its own. A mapping in
 * faregate_settings.txt joins them, and a category the feed does not know rides as the feed's default.
 */
class RiderCategoryMappingTest {

    private static Map<String, String> feed(String extraSettings) {
        Map<String, String> files = new HashMap<>();
        files.put("agency.txt", "agency_name,agency_timezone\nBus Co,Europe/Paris\n");
        files.put("stops.txt", "stop_id,stop_name\nA,Alpha\nB,Beta\n");
        files.put("networks.txt", "network_id,network_name\nbus,Bus\n");
        files.put("rider_categories.txt", "rider_category_id,rider_category_name,is_default_fare_category\n"
                + "standard,Standard,1\nreduced,Reduced,0\n");
        files.put("fare_products.txt", "fare_product_id,amount,currency,rider_category_id\n"
                + "single,2.00,EUR,standard\nsingle,1.00,EUR,reduced\n");
        files.put("fare_leg_rules.txt", "leg_group_id,network_id,fare_product_id\nride,bus,single\n");
        files.put("faregate_settings.txt", "setting_id,value\nstation_network_id,bus\n" + extraSettings);
        return files;
    }

    private static long fareOfOneRide(Map<String, String> files, String accountCategory) {
        EngineResult result = FareEngineLoader.load(files);
        assertThat(result.notices()).noneMatch(notice -> notice.isError());
        FareEngine engine = result.engine().orElseThrow();
        List<FareCharge> charges = engine.price(List.of(
                new FareTap("t1", Instant.parse("2026-11-26T08:00:00Z"), "A", TapEvent.ENTRY, accountCategory),
                new FareTap("t2", Instant.parse("2026-11-26T08:20:00Z"), "B", TapEvent.EXIT, accountCategory)));
        return charges.stream().mapToLong(charge -> charge.amount().minor()).sum();
    }

    @Test
    void mappedAccountCategoryPaysTheFeedsProductForIt() {
        Map<String, String> files = feed("rider_category.child,reduced\nrider_category.senior,reduced\n");
        assertThat(fareOfOneRide(files, "child")).isEqualTo(100);
        assertThat(fareOfOneRide(files, "senior")).isEqualTo(100);
        assertThat(fareOfOneRide(files, "adult")).isEqualTo(200);
    }

    @Test
    void categoryTheFeedDoesNotKnowRidesAsTheFeedsDefault() {
        assertThat(fareOfOneRide(feed(""), "student")).isEqualTo(200);
        assertThat(fareOfOneRide(feed(""), "reduced")).isEqualTo(100);
    }

    @Test
    void mappingToACategoryMissingFromTheFeedIsAnError() {
        EngineResult result = FareEngineLoader.load(feed("rider_category.child,kids\n"));
        assertThat(result.engine()).isEmpty();
        assertThat(result.notices()).anySatisfy(notice -> {
            assertThat(notice.file()).isEqualTo("faregate_settings.txt");
            assertThat(notice.field()).isEqualTo("value");
            assertThat(notice.isError()).isTrue();
        });
    }
}
