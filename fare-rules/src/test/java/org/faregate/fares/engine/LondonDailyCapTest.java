package org.faregate.fares.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.engine.EngineFeeds.LONDON;
import static org.faregate.fares.engine.EngineFeeds.at;
import static org.faregate.fares.engine.EngineFeeds.tap;

import java.util.ArrayList;
import java.util.List;
import org.faregate.fares.FareCharge;
import org.faregate.fares.FareTap;
import org.faregate.fares.Money;
import org.faregate.fares.TapEvent;
import org.junit.jupiter.api.Test;

/** The tiny London-style network of src/test/resources/engine/london: a zones 1–2 daily cap of 8.90. */
class LondonDailyCapTest {

    private static final FareEngine ENGINE = EngineFeeds.london();

    private static Money gbp(String amount) {
        return Money.parse(amount, ENGINE.currency());
    }

    private static List<FareTap> journeys(int count, String from, String to) {
        List<FareTap> taps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String hour = String.format("%02d", 8 + 2 * i);
            taps.add(tap("j" + i + "in", at(LONDON, "2025-03-10T" + hour + ":00"), from, TapEvent.ENTRY));
            taps.add(tap("j" + i + "out", at(LONDON, "2025-03-10T" + hour + ":30"), to, TapEvent.EXIT));
        }
        return taps;
    }

    private static List<Money> entryAmounts(List<FareCharge> charges) {
        return charges.stream().filter(c -> c.tapId().endsWith("in")).map(FareCharge::amount).toList();
    }

    @Test
    void theFourthJourneyPaysOnlyTheRemainderAndTheFifthNothing() {
        List<FareCharge> charges = ENGINE.price(journeys(5, "bank", "camden"));

        assertThat(entryAmounts(charges)).containsExactly(gbp("2.80"), gbp("2.80"), gbp("2.80"), gbp("0.50"),
                gbp("0.00"));
        assertThat(charges.get(6).explanation()).contains("z12", "daily cap z12_day 8.90 reached: charged 0.50 of 2.80");
        assertThat(charges.get(8).explanation()).contains("daily cap z12_day 8.90 already reached: charged 0.00 of 2.80");
    }

    @Test
    void aMissingTapOutIsChargedInFullAfterTheCapAndCountsNowhere() {
        List<FareTap> taps = new ArrayList<>(journeys(4, "bank", "camden"));
        taps.add(tap("late", at(LONDON, "2025-03-10T22:00"), "brixton", TapEvent.ENTRY));

        List<FareCharge> charges = ENGINE.price(taps);

        assertThat(charges.get(8).amount()).isEqualTo(gbp("10.00"));
        assertThat(charges.get(8).explanation()).contains("no exit after entry at brixton", "maximum fare 10.00 GBP",
                "not counted towards caps");
    }

    @Test
    void aJourneyOutsideTheCappedZonesIsNotCapped() {
        List<FareTap> taps = new ArrayList<>(journeys(4, "bank", "camden"));
        taps.add(tap("w1", at(LONDON, "2025-03-10T20:00"), "bank", TapEvent.ENTRY));
        taps.add(tap("w2", at(LONDON, "2025-03-10T20:40"), "wembley", TapEvent.EXIT));

        List<FareCharge> charges = ENGINE.price(taps);

        assertThat(charges.get(8).amount()).isEqualTo(gbp("5.60"));
        assertThat(charges.get(8).explanation()).contains("z14", "no cap applies");
    }

    @Test
    void earlierTapsOfTheWindowCountButAreNotCharged() {
        List<FareTap> all = journeys(5, "bank", "camden");

        List<FareCharge> charges = ENGINE.price(all.subList(6, 10), all.subList(0, 6));

        assertThat(charges).extracting(FareCharge::tapId).containsExactly("j3in", "j3out", "j4in", "j4out");
        assertThat(entryAmounts(charges)).containsExactly(gbp("0.50"), gbp("0.00"));
    }
}
