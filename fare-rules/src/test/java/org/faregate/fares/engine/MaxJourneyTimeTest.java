package org.faregate.fares.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.fares.engine.EngineFeeds.SHANGHAI;
import static org.faregate.fares.engine.EngineFeeds.VANCOUVER;
import static org.faregate.fares.engine.EngineFeeds.at;
import static org.faregate.fares.engine.EngineFeeds.onRoute;
import static org.faregate.fares.engine.EngineFeeds.tap;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.fares.FareCharge;
import org.faregate.fares.Money;
import org.faregate.fares.TapEvent;
import org.faregate.fares.charging.ChargingSettings;
import org.faregate.fares.charging.ChargingSettings.UnknownFarePolicy;
import org.faregate.fares.charging.Extensions;
import org.junit.jupiter.api.Test;

/** The maximum journey time the engine exposes per entry is the one its journey pairing applies. */
class MaxJourneyTimeTest {

    private static final Instant TEN = at(VANCOUVER, "2025-01-15T10:00");

    /** TransLink with its own maximum for {@code rail} and the settings' default for every other network. */
    private static FareEngine translinkRailNinetyMinutes() {
        ChargingSettings settings = new ChargingSettings(LocalTime.of(4, 0), Duration.ofMinutes(180),
                Optional.of("rail"), UnknownFarePolicy.MAXIMUM_FARE);
        return FareEngine.of(EngineFeeds.feed("/gtfs/translink"), new Extensions(settings, List.of(), List.of(),
                Map.of("rail", Duration.ofMinutes(90)), Map.of(), Map.of(), List.of()));
    }

    @Test
    void anEntryAtAStationGetsItsNetworksOwnMaximum() {
        FareEngine engine = translinkRailNinetyMinutes();

        assertThat(engine.maxJourneyTime(tap("in", TEN, "commercial", TapEvent.ENTRY)))
                .contains(Duration.ofMinutes(90));
    }

    @Test
    void anEntryOnARouteOfANetworkWithoutItsOwnMaximumGetsTheDefault() {
        FareEngine engine = translinkRailNinetyMinutes();

        assertThat(engine.maxJourneyTime(onRoute("in", TEN, "bus_stop_a", TapEvent.ENTRY, "bus_3")))
                .contains(Duration.ofMinutes(180));
    }

    @Test
    void exitsAndBoardsWaitForNothing() {
        FareEngine engine = translinkRailNinetyMinutes();

        assertThat(engine.maxJourneyTime(tap("out", TEN, "commercial", TapEvent.EXIT))).isEmpty();
        assertThat(engine.maxJourneyTime(onRoute("b", TEN, "bus_stop_a", TapEvent.BOARD, "bus_3"))).isEmpty();
    }

    @Test
    void anUnknownStationIsAProgrammingError() {
        FareEngine engine = translinkRailNinetyMinutes();

        assertThatThrownBy(() -> engine.maxJourneyTime(tap("in", TEN, "atlantis", TapEvent.ENTRY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atlantis");
    }

    @Test
    void anExitAtTheExposedMaximumCompletesTheJourneyAndOneSecondLaterDoesNot() {
        FareEngine engine = EngineFeeds.shanghai();
        Instant entered = at(SHANGHAI, "2025-01-15T10:00");
        Duration maximum = engine.maxJourneyTime(tap("in", entered, "XJH", TapEvent.ENTRY)).orElseThrow();

        FareCharge inTime = engine.price(List.of(tap("in", entered, "XJH", TapEvent.ENTRY),
                tap("out", entered.plus(maximum), "PSD", TapEvent.EXIT))).get(0);
        FareCharge late = engine.price(List.of(tap("in", entered, "XJH", TapEvent.ENTRY),
                tap("out", entered.plus(maximum).plusSeconds(1), "PSD", TapEvent.EXIT))).get(0);

        assertThat(maximum).isEqualTo(Duration.ofMinutes(240));
        assertThat(inTime.amount()).isEqualTo(Money.parse("3.00", engine.currency()));
        assertThat(late.explanation()).contains("over the maximum journey time");
        assertThat(late.amount()).isGreaterThan(inTime.amount());
    }
}
