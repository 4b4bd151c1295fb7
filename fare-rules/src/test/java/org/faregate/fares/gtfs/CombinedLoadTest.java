package org.faregate.fares.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** GTFS-Fares v2 and the extension files from one feed, checked against each other. */
class CombinedLoadTest {

    private static Map<String, String> feed() {
        Map<String, String> files = Feeds.tiny();
        files.put("stops.txt", "stop_id\ns1\ns2\ns3\ns4\nXJH\nPSD\nHQ\n");
        files.put("networks.txt", "network_id\nshanghai_metro\n");
        files.put("fare_products.txt", "fare_product_id,amount,currency\nsingle,3.00,CNY\n");
        files.put("fare_leg_rules.txt", "fare_product_id,network_id\nsingle,shanghai_metro\n");
        files.put("faregate_settings.txt", "setting_id,value\nstation_network_id,shanghai_metro\n");
        files.put("faregate_distance_bands.txt", ExtensionLoaderTest.SHANGHAI);
        files.put("faregate_stop_distances.txt", "from_stop_id,to_stop_id,distance_m\nXJH,PSD,6000\nXJH,HQ,16001\n");
        return files;
    }

    @Test
    void aFeedWithExtensionsLoadsBothWithoutNotices() {
        CombinedResult result = ExtensionLoader.loadAll(feed());

        assertThat(result.notices()).isEmpty();
        assertThat(result.getFeed().networks()).contains(NetworkId.of("shanghai_metro"));
        assertThat(result.getExtensions().distanceFaresByNetwork().get("shanghai_metro").fare("HQ", "XJH")
                .orElseThrow().amount()).isEqualTo(ExtensionLoaderTest.cny("5.00"));
    }

    @Test
    void anExtensionNamingAnUndefinedNetworkStopOrAreaIsAForeignKeyViolation() {
        Map<String, String> files = feed();
        files.put("faregate_stop_distances.txt", "from_stop_id,to_stop_id,distance_m\nXJH,PSD,6000\nXJH,NOWHERE,100\n");
        files.put("faregate_caps.txt", "cap_id,period,amount,currency,network_id,area_id\nd,day,10.00,CNY,metro,A\n");

        CombinedResult result = ExtensionLoader.loadAll(files);

        assertThat(result.feed()).isEmpty();
        assertThat(result.errors()).extracting(Notice::code, Notice::file, Notice::line, Notice::field).containsExactly(
                tuple(NoticeCode.FOREIGN_KEY_VIOLATION, "faregate_caps.txt", 2, "network_id"),
                tuple(NoticeCode.FOREIGN_KEY_VIOLATION, "faregate_stop_distances.txt", 3, "to_stop_id"));
    }

    @Test
    void extensionsInAnotherCurrencyThanTheFareProductsAreAnError() {
        Map<String, String> files = feed();
        files.put("fare_products.txt", "fare_product_id,amount,currency\nsingle,3.00,USD\n");

        CombinedResult result = ExtensionLoader.loadAll(files);

        assertThat(result.errors()).extracting(Notice::code, Notice::file, Notice::line)
                .containsExactly(tuple(NoticeCode.MIXED_CURRENCIES, "faregate_distance_bands.txt", 2));
    }

    @Test
    void gtfsErrorsAndExtensionErrorsAreReportedTogether() {
        Map<String, String> files = feed();
        files.remove("fare_leg_rules.txt");
        files.put("faregate_settings.txt", "setting_id,value\nservice_day_cutover,25:00\n");

        CombinedResult result = ExtensionLoader.loadAll(files);

        assertThat(result.extensions()).isEmpty();
        assertThat(result.errors()).extracting(Notice::code, Notice::file).containsExactly(
                tuple(NoticeCode.MISSING_REQUIRED_FILE, "fare_leg_rules.txt"),
                tuple(NoticeCode.INVALID_TIME, "faregate_settings.txt"));
    }
}
