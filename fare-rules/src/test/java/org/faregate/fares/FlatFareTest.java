package org.faregate.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.fares.Taps.as;
import static org.faregate.fares.Taps.board;
import static org.faregate.fares.Taps.cny;
import static org.faregate.fares.Taps.entry;
import static org.faregate.fares.Taps.exit;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatFareTest {

    private final FlatFare rules = new FlatFare(cny("2.00"), Map.of("child", cny("1.00")));

    @Test
    void entryAndBoardPayTheFlatFareAndExitPaysNothing() {
        List<FareCharge> charges = rules.price(List.of(
                entry("T1", "08:00", "S01"), exit("T2", "08:20", "S05"), board("T3", "09:00", "B7")));

        assertThat(charges).containsExactly(
                new FareCharge("T1", cny("2.00"), "flat fare: 2.00 CNY"),
                new FareCharge("T2", cny("0.00"), "exit: flat fare paid at entry"),
                new FareCharge("T3", cny("2.00"), "flat fare: 2.00 CNY"));
    }

    @Test
    void childPaysTheChildFare() {
        List<FareCharge> charges = rules.price(List.of(as("child", entry("T1", "08:00", "S01"))));

        assertThat(charges).containsExactly(new FareCharge("T1", cny("1.00"), "flat fare (child): 1.00 CNY"));
    }

    @Test
    void unknownRiderCategoryPaysTheDefaultFare() {
        List<FareCharge> charges = rules.price(List.of(as("martian", board("T1", "08:00", "B7"))));

        assertThat(charges).extracting(FareCharge::amount).containsExactly(cny("2.00"));
    }

    @Test
    void noTapsCostNothing() {
        assertThat(rules.price(List.of())).isEmpty();
    }

    @Test
    void knowsEveryStation() {
        assertThat(rules.knowsStation("anything")).isTrue();
        assertThat(rules.currency()).isEqualTo(Taps.CNY);
    }

    @Test
    void percentDiscountIsTurnedIntoACategoryFare() {
        FlatFare discounted = FlatFare.withDiscounts(cny("2.25"), Map.of("child", 50));

        assertThat(discounted.categoryFares()).containsEntry("child", cny("1.13"));
    }

    @Test
    void negativeFareIsRejected() {
        assertThatThrownBy(() -> FlatFare.of(cny("-2.00"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void categoryFareInAnotherCurrencyIsRejected() {
        assertThatThrownBy(() -> new FlatFare(cny("2.00"), Map.of("child", Money.of(100, "JPY"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("child");
    }

    @Test
    void twoTapsWithTheSameIdAreAProgrammingError() {
        assertThatThrownBy(() -> rules.price(List.of(entry("T1", "08:00", "S01"), exit("T1", "08:10", "S02"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T1");
    }
}
