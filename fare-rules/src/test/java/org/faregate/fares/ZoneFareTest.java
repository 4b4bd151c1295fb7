package org.faregate.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.fares.Taps.as;
import static org.faregate.fares.Taps.board;
import static org.faregate.fares.Taps.cny;
import static org.faregate.fares.Taps.entry;
import static org.faregate.fares.Taps.exit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneFareTest {

    /** Zones 1..4 in a line, 3.00 / 4.00 / 5.00 / 6.00 CNY for 1..4 zones, children half price. */
    static final ZoneFare LINE = new ZoneFare(Taps.CNY,
            Map.of("S01", 1, "S02", 2, "S03", 3, "S04", 4),
            List.of(cny("3.00"), cny("4.00"), cny("5.00"), cny("6.00")),
            Duration.ofMinutes(180),
            Map.of("child", 50));

    @Test
    void completeJourneyIsChargedOnTheEntryByZonesSpanned() {
        List<FareCharge> charges = LINE.price(List.of(entry("T1", "08:00", "S01"), exit("T2", "08:40", "S03")));

        assertThat(charges).containsExactly(
                new FareCharge("T1", cny("5.00"), "zone fare 1->3 (3 zones): 5.00 CNY"),
                new FareCharge("T2", cny("0.00"), "exit: journey fare charged on entry tap T1"));
    }

    @Test
    void journeyBackTowardsTheCentreCountsZonesTheSameWay() {
        List<FareCharge> charges = LINE.price(List.of(entry("T1", "08:00", "S04"), exit("T2", "08:40", "S03")));

        assertThat(charges.get(0).amount()).isEqualTo(cny("4.00"));
        assertThat(charges.get(0).explanation()).isEqualTo("zone fare 4->3 (2 zones): 4.00 CNY");
    }

    @Test
    void exitAtTheEntryStationPaysTheOneZoneFare() {
        List<FareCharge> charges = LINE.price(List.of(entry("T1", "08:00", "S02"), exit("T2", "08:05", "S02")));

        assertThat(charges.get(0).explanation()).isEqualTo("zone fare 2->2 (1 zone): 3.00 CNY");
    }

    @Test
    void missingExitPaysTheMaximumFareFromTheOrigin() {
        assertThat(LINE.price(List.of(entry("T1", "08:00", "S01")))).containsExactly(
                new FareCharge("T1", cny("6.00"), "incomplete journey (no exit): maximum fare from S01: 6.00 CNY"));
        assertThat(LINE.price(List.of(entry("T1", "08:00", "S02"))))
                .extracting(FareCharge::amount).containsExactly(cny("5.00"));
    }

    @Test
    void entryFollowedByAnotherEntryIsIncomplete() {
        List<FareCharge> charges = LINE.price(List.of(
                entry("T1", "08:00", "S02"), entry("T2", "09:00", "S01"), exit("T3", "09:20", "S02")));

        assertThat(charges).extracting(FareCharge::amount).containsExactly(cny("5.00"), cny("4.00"), cny("0.00"));
    }

    @Test
    void exitWithoutEntryPaysTheMaximumFareFromThatStation() {
        assertThat(LINE.price(List.of(exit("T1", "08:00", "S03")))).containsExactly(new FareCharge("T1", cny("5.00"),
                "incomplete journey (exit without entry): maximum fare from S03: 5.00 CNY"));
    }

    @ParameterizedTest(name = "exit at {0} after entry at 08:00: {1}")
    @CsvSource({
        "10:59:59, 5.00",   // just inside 180 minutes
        "11:00:00, 5.00",   // exactly 180 minutes is still complete
        "11:00:01, 6.00",   // just outside: incomplete, maximum fare from S01
    })
    void journeyLongerThanTheMaximumJourneyTimeIsIncomplete(String exitTime, String entryCharge) {
        List<FareCharge> charges = LINE.price(List.of(entry("T1", "08:00", "S01"), exit("T2", exitTime, "S03")));

        assertThat(charges).extracting(FareCharge::amount).containsExactly(cny(entryCharge), cny("0.00"));
    }

    @Test
    void overlongJourneyIsChargedOnceOnTheEntryAndSaysWhy() {
        List<FareCharge> charges = LINE.price(List.of(entry("T1", "08:00", "S01"), exit("T2", "12:00", "S03")));

        assertThat(charges).containsExactly(
                new FareCharge("T1", cny("6.00"),
                        "incomplete journey (exit after 180 min maximum): maximum fare from S01: 6.00 CNY"),
                new FareCharge("T2", cny("0.00"),
                        "exit: journey over 180 min maximum, maximum fare charged on entry tap T1"));
    }

    @Test
    void boardTapPaysTheOneZoneFare() {
        assertThat(LINE.price(List.of(board("T1", "08:00", "S04"))))
                .containsExactly(new FareCharge("T1", cny("3.00"), "board: 1-zone fare: 3.00 CNY"));
    }

    @Test
    void spanBeyondTheTablePaysItsHighestEntry() {
        ZoneFare shortTable = new ZoneFare(Taps.CNY, Map.of("S01", 1, "S09", 9),
                List.of(cny("3.00"), cny("4.00")), ZoneFare.DEFAULT_MAX_JOURNEY, Map.of());

        List<FareCharge> charges = shortTable.price(List.of(entry("T1", "08:00", "S01"), exit("T2", "09:00", "S09")));

        assertThat(charges.get(0)).isEqualTo(new FareCharge("T1", cny("4.00"), "zone fare 1->9 (9 zones): 4.00 CNY"));
    }

    @Test
    void childDiscountAppliesToTheJourneyAndIsExplained() {
        List<FareCharge> charges = LINE.price(List.of(
                as("child", entry("T1", "08:00", "S01")), as("child", exit("T2", "08:30", "S02"))));

        assertThat(charges.get(0)).isEqualTo(
                new FareCharge("T1", cny("2.00"), "zone fare 1->2 (2 zones), child 50% off 4.00 CNY: 2.00 CNY"));
    }

    @Test
    void childDiscountAppliesToTheMaximumFareToo() {
        assertThat(LINE.price(List.of(as("child", entry("T1", "08:00", "S01")))))
                .extracting(FareCharge::amount).containsExactly(cny("3.00"));
    }

    @Test
    void unknownStationIsAProgrammingErrorThatNamesTheStation() {
        assertThat(LINE.knowsStation("S01")).isTrue();
        assertThat(LINE.knowsStation("S99")).isFalse();
        assertThatThrownBy(() -> LINE.price(List.of(entry("T1", "08:00", "S01"), exit("T2", "08:30", "S99"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S99");
    }

    @Test
    void invalidConfigurationCannotExist() {
        assertThatThrownBy(() -> new ZoneFare(Taps.CNY, Map.of("S01", 0), List.of(cny("3.00")),
                ZoneFare.DEFAULT_MAX_JOURNEY, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ZoneFare(Taps.CNY, Map.of("S01", 1), List.of(),
                ZoneFare.DEFAULT_MAX_JOURNEY, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ZoneFare(Taps.CNY, Map.of("S01", 1), List.of(Money.of(300, "JPY")),
                ZoneFare.DEFAULT_MAX_JOURNEY, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ZoneFare(Taps.CNY, Map.of("S01", 1), List.of(cny("3.00")),
                Duration.ZERO, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
