package org.faregate.fares.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.engine.EngineFeeds.at;
import static org.faregate.fares.engine.EngineFeeds.tap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.faregate.fares.FareTap;
import org.faregate.fares.TapEvent;
import org.faregate.fares.gtfs.Notice;
import org.junit.jupiter.api.Test;

class FareEngineLoaderTest {

    @Test
    void aValidFeedGivesAnEngineInItsCurrency() {
        EngineResult result = FareEngineLoader.load(EngineFeeds.files("/gtfs/translink"));

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.engine()).hasValueSatisfying(engine -> {
            assertThat(engine.currency().getCurrencyCode()).isEqualTo("CAD");
            assertThat(engine.knowsStation("bridgeport")).isTrue();
            assertThat(engine.defaultRiderCategory()).contains("adult");
        });
    }

    @Test
    void fareProductsInTwoCurrenciesRefuseTheEngine() {
        Map<String, String> files = EngineFeeds.files("/gtfs/translink");
        files.put("fare_products.txt", files.get("fare_products.txt").replace("4.65,CAD", "4.65,USD"));

        EngineResult result = FareEngineLoader.load(files);

        assertThat(result.engine()).isEmpty();
        assertThat(result.notices()).filteredOn(Notice::isError).singleElement()
                .satisfies(notice -> assertThat(notice.code().code()).isEqualTo("mixed_currencies"))
                .satisfies(notice -> assertThat(notice.message()).contains("CAD", "USD"));
    }

    @Test
    void aFeedWithErrorsGivesNoEngineButEveryNotice() {
        Map<String, String> files = EngineFeeds.files("/gtfs/translink");
        files.remove("agency.txt");

        EngineResult result = FareEngineLoader.load(files);

        assertThat(result.engine()).isEmpty();
        assertThat(result.notices()).anySatisfy(notice -> assertThat(notice.file()).isEqualTo("agency.txt"));
    }

    @Test
    void theExtensionFilesOfAFeedGiveTheSameChargesAsTheExtensionsBuiltInCode() {
        List<FareTap> shanghaiDay = List.of(
                tap("a1", at(EngineFeeds.SHANGHAI, "2025-03-10T08:00"), "XJH", TapEvent.ENTRY),
                tap("a2", at(EngineFeeds.SHANGHAI, "2025-03-10T08:40"), "HQ", TapEvent.EXIT),
                tap("b1", at(EngineFeeds.SHANGHAI, "2025-03-10T18:00"), "XJH", TapEvent.ENTRY),
                tap("c1", at(EngineFeeds.SHANGHAI, "2025-03-10T20:00"), "PSD", TapEvent.ENTRY),
                tap("c2", at(EngineFeeds.SHANGHAI, "2025-03-10T20:30"), "LJZ", TapEvent.EXIT));
        List<FareTap> londonDay = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            londonDay.add(tap("in" + i, at(EngineFeeds.LONDON, "2025-03-10T1" + i + ":00"), "bank", TapEvent.ENTRY));
            londonDay.add(tap("out" + i, at(EngineFeeds.LONDON, "2025-03-10T1" + i + ":30"), "brixton", TapEvent.EXIT));
        }
        londonDay.add(tap("late", at(EngineFeeds.LONDON, "2025-03-10T22:00"), "camden", TapEvent.ENTRY));

        FareEngine shanghai = FareEngineLoader.load(EngineFeeds.files("/engine/shanghai")).engine().orElseThrow();
        FareEngine london = FareEngineLoader.load(EngineFeeds.files("/engine/london")).engine().orElseThrow();

        assertThat(shanghai.price(shanghaiDay)).isEqualTo(EngineFeeds.shanghai().price(shanghaiDay));
        assertThat(london.price(londonDay)).isEqualTo(EngineFeeds.london().price(londonDay));
    }
}
