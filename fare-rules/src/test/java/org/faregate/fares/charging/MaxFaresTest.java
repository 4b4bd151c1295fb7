package org.faregate.fares.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.charging.Fixtures.cny;
import static org.faregate.fares.charging.Fixtures.entry;
import static org.faregate.fares.charging.Fixtures.exit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.fares.Money;
import org.junit.jupiter.api.Test;

class MaxFaresTest {

    private static final Map<String, Money> HIGHEST = Map.of("S1", cny("9.00"), "S5", cny("7.00"));

    private static MaxFares rules(MaxFareBasis basis, boolean counts, boolean bounded) {
        return new MaxFares(List.of(new MaxFareRule(Fixtures.METRO, basis, counts, bounded)),
                stop -> Optional.ofNullable(HIGHEST.get(stop)));
    }

    @Test
    void londonStyleFlatMaximumFareIsNotCountedTowardsCaps() {
        MaxFareCharge charge = rules(new MaxFareBasis.Flat(cny("10.00")), false, false)
                .charge(new Journey.MissingExit(entry("T1", "08:00", "S1")), Optional.of(cny("8.00"))).orElseThrow();

        assertThat(charge.price().amount()).isEqualTo(cny("10.00"));
        assertThat(charge.countsTowardsCaps()).isFalse();
        assertThat(charge.price().explanation())
                .isEqualTo("no exit after entry at S1: maximum fare 10.00 CNY (not counted towards caps)");
    }

    @Test
    void highestFareFromTheOriginOfAJourneyWithoutExit() {
        MaxFareCharge charge = rules(new MaxFareBasis.HighestFromOrigin(), true, false)
                .charge(new Journey.MissingExit(entry("T1", "08:00", "S1")), Optional.empty()).orElseThrow();

        assertThat(charge.price()).isEqualTo(new Price(cny("9.00"), "no exit after entry at S1: highest fare from S1 9.00 CNY"));
        assertThat(charge.countsTowardsCaps()).isTrue();
    }

    @Test
    void exitWithoutEntryIsPricedFromItsExitStation() {
        MaxFareCharge charge = rules(new MaxFareBasis.HighestFromOrigin(), true, false)
                .charge(new Journey.MissingEntry(exit("T1", "08:00", "S5")), Optional.empty()).orElseThrow();

        assertThat(charge.price().amount()).isEqualTo(cny("7.00"));
        assertThat(charge.price().explanation()).startsWith("no entry before exit at S5");
    }

    @Test
    void overlongJourneyIsPricedFromItsEntry() {
        Journey.Overlong overlong = new Journey.Overlong(entry("T1", "08:00", "S1"), exit("T2", "11:05", "S5"));

        MaxFareCharge charge = rules(new MaxFareBasis.HighestFromOrigin(), true, false)
                .charge(overlong, Optional.empty()).orElseThrow();

        assertThat(charge.price().amount()).isEqualTo(cny("9.00"));
        assertThat(charge.price().explanation()).startsWith("journey S1->S5 took 3h05m, over the maximum journey time");
    }

    @Test
    void opalStyleMaximumFareIsBoundedByTheDailyCap() {
        MaxFares bounded = rules(new MaxFareBasis.Flat(cny("10.00")), true, true);
        Journey.MissingExit journey = new Journey.MissingExit(entry("T1", "08:00", "S1"));

        assertThat(bounded.charge(journey, Optional.of(cny("8.00"))).orElseThrow().price()).isEqualTo(new Price(cny("8.00"),
                "no exit after entry at S1: maximum fare 10.00 CNY, bounded by daily cap 8.00 CNY"));
        assertThat(bounded.charge(journey, Optional.of(cny("12.00"))).orElseThrow().price().amount()).isEqualTo(cny("10.00"));
        assertThat(bounded.charge(journey, Optional.empty()).orElseThrow().price().amount()).isEqualTo(cny("10.00"));
        assertThat(rules(new MaxFareBasis.Flat(cny("10.00")), true, false).charge(journey, Optional.of(cny("8.00")))
                .orElseThrow().price().amount()).isEqualTo(cny("10.00"));
    }

    @Test
    void unknownNetworkOrOriginIsAnUnknownFare() {
        MaxFares highest = rules(new MaxFareBasis.HighestFromOrigin(), true, false);

        assertThat(highest.charge(new Journey.MissingExit(entry("T1", "08:00", "S9")), Optional.empty())).isEmpty();
        Tap busExit = new Tap("T2", Fixtures.at("08:00"), "B1", "tram", org.faregate.fares.TapEvent.EXIT, "card-1");
        assertThat(highest.charge(new Journey.MissingEntry(busExit), Optional.empty())).isEmpty();
    }
}
