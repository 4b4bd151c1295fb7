package org.faregate.fares.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.fares.engine.EngineFeeds.VANCOUVER;
import static org.faregate.fares.engine.EngineFeeds.at;
import static org.faregate.fares.engine.EngineFeeds.onRoute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.faregate.fares.FareCharge;
import org.faregate.fares.FareTap;
import org.faregate.fares.Money;
import org.faregate.fares.TapEvent;
import org.junit.jupiter.api.Test;

/** A rider's weekday on the TransLink feed: buses validate on board, SkyTrain stations are gated. */
class TransLinkDayTest {

    private static final FareEngine ENGINE = EngineFeeds.translink();

    private static FareTap station(String id, String time, String stop, TapEvent event) {
        return new FareTap(id, at(VANCOUVER, time), stop, event, "adult", Optional.empty(), Optional.of("contactless"));
    }

    private static List<FareTap> day() {
        return List.of(
                onRoute("t1", at(VANCOUVER, "2025-01-15T10:00"), "bus_stop_a", TapEvent.BOARD, "bus_3"),
                station("t2", "2025-01-15T10:30", "commercial", TapEvent.ENTRY),
                station("t3", "2025-01-15T10:50", "bridgeport", TapEvent.EXIT),
                station("t4", "2025-01-15T12:00", "bridgeport", TapEvent.ENTRY),
                station("t5", "2025-01-15T12:25", "surrey_central", TapEvent.EXIT),
                onRoute("t6", at(VANCOUVER, "2025-01-15T12:40"), "bus_stop_b", TapEvent.BOARD, "bus_3"));
    }

    private static Money cad(String amount) {
        return Money.parse(amount, ENGINE.currency());
    }

    @Test
    void aBusThenSkyTrainWithinNinetyMinutesPaysTheUpgradeAndLaterANewFare() {
        List<FareCharge> charges = ENGINE.price(day());

        assertThat(charges).extracting(FareCharge::tapId).containsExactly("t1", "t2", "t3", "t4", "t5", "t6");
        assertThat(charges).extracting(FareCharge::amount).containsExactly(cad("3.20"), cad("1.45"), cad("0.00"),
                cad("4.65"), cad("0.00"), cad("0.00"));
        assertThat(charges.stream().map(FareCharge::amount).reduce(Money::plus)).contains(cad("9.30"));
    }

    @Test
    void everyChargeExplainsTheRuleTheProductAndTheTransfer() {
        List<FareCharge> charges = ENGINE.price(day());

        assertThat(charges.get(0).explanation()).contains("fare_leg_rules.txt:2", "bus_flat", "full fare");
        assertThat(charges.get(1).explanation()).contains("two_zone", "transfer 1 by fare_transfer_rules.txt:4",
                "A + AB");
        assertThat(charges.get(2).explanation()).isEqualTo("exit: journey fare charged on entry tap t2");
        assertThat(charges.get(3).explanation()).contains("two_zone", "full fare");
        assertThat(charges.get(5).explanation()).contains("transfer 1 by");
    }

    @Test
    void theOrderOfArrivalDoesNotChangeTheCharges() {
        List<FareTap> shuffled = new ArrayList<>(day());
        Collections.reverse(shuffled);

        assertThat(ENGINE.price(shuffled)).isEqualTo(ENGINE.price(day()));
    }

    @Test
    void aMissingTapOutWithoutAMaximumFareIsAnUnknownFareOfZeroThatSaysSo() {
        List<FareCharge> charges = ENGINE.price(List.of(station("t1", "2025-01-15T10:00", "commercial", TapEvent.ENTRY)));

        assertThat(charges).singleElement().satisfies(charge -> {
            assertThat(charge.amount()).isEqualTo(cad("0.00"));
            assertThat(charge.explanation()).contains("fare unknown", "rail");
        });
    }

    @Test
    void unknownStationsAndRoutesAreRefusedAndTheCurrencyIsTheFeeds() {
        assertThat(ENGINE.knowsStation("commercial")).isTrue();
        assertThat(ENGINE.knowsStation("nowhere")).isFalse();
        assertThat(ENGINE.currency().getCurrencyCode()).isEqualTo("CAD");
        assertThatThrownBy(() -> ENGINE.price(List.of(station("t1", "2025-01-15T10:00", "nowhere", TapEvent.ENTRY))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere");
        assertThatThrownBy(() -> ENGINE.price(List.of(onRoute("t1", at(VANCOUVER, "2025-01-15T10:00"), "bus_stop_a",
                TapEvent.BOARD, "bus_99")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bus_99");
    }
}
