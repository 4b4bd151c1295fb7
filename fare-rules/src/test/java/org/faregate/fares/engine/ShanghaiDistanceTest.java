package org.faregate.fares.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.engine.EngineFeeds.SHANGHAI;
import static org.faregate.fares.engine.EngineFeeds.at;
import static org.faregate.fares.engine.EngineFeeds.tap;

import java.util.ArrayList;
import java.util.List;
import org.faregate.fares.FareCharge;
import org.faregate.fares.FareTap;
import org.faregate.fares.Money;
import org.faregate.fares.TapEvent;
import org.faregate.fares.charging.ChargingSettings.UnknownFarePolicy;
import org.junit.jupiter.api.Test;

/** The tiny Shanghai-style network of src/test/resources/engine/shanghai: distance fares, a daily cap. */
class ShanghaiDistanceTest {

    private static final FareEngine ENGINE = EngineFeeds.shanghai();

    private static FareTap in(String id, String time, String stop) {
        return tap(id, at(SHANGHAI, "2025-03-10T" + time), stop, TapEvent.ENTRY);
    }

    private static FareTap out(String id, String time, String stop) {
        return tap(id, at(SHANGHAI, "2025-03-10T" + time), stop, TapEvent.EXIT);
    }

    private static Money cny(String amount) {
        return Money.parse(amount, ENGINE.currency());
    }

    private static List<Money> amounts(List<FareCharge> charges) {
        return charges.stream().map(FareCharge::amount).toList();
    }

    @Test
    void aCompleteJourneyPaysItsDistanceFareOnTheEntry() {
        List<FareCharge> charges = ENGINE.price(List.of(in("a1", "08:00", "XJH"), out("a2", "08:40", "HQ")));

        assertThat(amounts(charges)).containsExactly(cny("5.00"), cny("0.00"));
        assertThat(charges.get(0).explanation()).startsWith("XJH->HQ distance 16.001 km: 3.00 to 6.000 km + 2 x 1.00"
                + " per 10.000 km = 5.00 CNY").endsWith("; under caps: charged 5.00 of 5.00");
        assertThat(ENGINE.currency().getCurrencyCode()).isEqualTo("CNY");
    }

    @Test
    void aMissingTapOutPaysTheHighestFareFromTheEntryUntilTheLateExitArrives() {
        List<FareTap> day = new ArrayList<>(List.of(in("a1", "08:00", "XJH"), out("a2", "08:40", "HQ"),
                in("b1", "18:00", "XJH"), in("c1", "20:00", "PSD"), out("c2", "20:30", "HQ")));

        List<FareCharge> before = ENGINE.price(day);

        assertThat(amounts(before)).containsExactly(cny("5.00"), cny("0.00"), cny("5.00"), cny("0.00"), cny("0.00"));
        assertThat(before.get(2).explanation()).contains("no exit after entry at XJH", "highest fare from XJH 6.00 CNY",
                "daily cap sh_day 10.00 reached: charged 5.00 of 6.00");
        assertThat(before.get(3).explanation()).contains("already reached: charged 0.00 of 4.00");

        day.add(out("b2", "18:30", "PSD"));
        List<FareCharge> after = ENGINE.price(day);

        assertThat(after).extracting(FareCharge::tapId).containsExactly("a1", "a2", "b1", "b2", "c1", "c2");
        assertThat(amounts(after)).containsExactly(cny("5.00"), cny("0.00"), cny("3.00"), cny("0.00"), cny("2.00"),
                cny("0.00"));
        assertThat(after.get(2).explanation()).startsWith("XJH->PSD distance 6.000 km");
        assertThat(after.get(4).explanation()).contains("daily cap sh_day 10.00 reached: charged 2.00 of 4.00");
    }

    @Test
    void aJourneyBeyondTheMaximumJourneyTimeIsIncomplete() {
        List<FareCharge> charges = ENGINE.price(List.of(in("a1", "08:00", "XJH"), out("a2", "12:00:01", "PSD")));

        assertThat(amounts(charges)).containsExactly(cny("6.00"), cny("0.00"));
        assertThat(charges.get(0).explanation()).contains("over the maximum journey time");
        assertThat(charges.get(1).explanation()).contains("maximum fare charged on entry tap a1");
    }

    @Test
    void aPairWithNoDistanceIsAnUnknownFareChargedAtTheMaximumFareAndSaysSo() {
        List<FareCharge> charges = ENGINE.price(List.of(in("a1", "08:00", "PSD"), out("a2", "08:20", "LJZ")));

        assertThat(amounts(charges)).containsExactly(cny("4.00"), cny("0.00"));
        assertThat(charges.get(0).explanation()).contains("fare unknown (no distance PSD->LJZ in the distance table)",
                "maximum fare of network shanghai_metro 4.00 CNY");
    }

    @Test
    void withTheZeroPolicyAnUnknownFareCostsNothingAndSaysSo() {
        FareEngine zero = FareEngine.of(EngineFeeds.feed("/engine/shanghai"),
                EngineFeeds.shanghaiExtensions(UnknownFarePolicy.ZERO));

        List<FareCharge> charges = zero.price(List.of(in("a1", "08:00", "PSD"), out("a2", "08:20", "LJZ")));

        assertThat(amounts(charges)).containsExactly(cny("0.00"), cny("0.00"));
        assertThat(charges.get(0).explanation()).contains("fare unknown", "unknown fares cost zero");
    }
}
