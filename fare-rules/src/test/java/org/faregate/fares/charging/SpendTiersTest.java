package org.faregate.fares.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.fares.charging.Fixtures.FOUR;
import static org.faregate.fares.charging.Fixtures.at;
import static org.faregate.fares.charging.Fixtures.cny;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.faregate.fares.Money;
import org.junit.jupiter.api.Test;

class SpendTiersTest {

    /** Beijing: from 100.00 spent in a month 20 % off, from 150.00 50 % off, from 400.00 no discount. */
    static final SpendTiers BEIJING = new SpendTiers(List.of(new SpendTier(cny("100.00"), 20),
            new SpendTier(cny("150.00"), 50), new SpendTier(cny("400.00"), 0)), ZoneId.of("Asia/Shanghai"), FOUR);

    @Test
    void discountStartsWithTheRideAfterTheThresholdIsReached() {
        List<SpendEntry> rides = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            rides.add(new SpendEntry(String.format("R%02d", i), at(i, "02:00"), cny("5.00")));
        }

        List<Charge> charges = BEIJING.apply(rides);

        // 20 rides reach 100.00; rides 21 and 22 pay 4.00
        assertThat(charges.subList(0, 20)).extracting(Charge::charged).containsOnly(cny("5.00"));
        assertThat(charges.subList(20, 22)).extracting(Charge::charged).containsOnly(cny("4.00"));
        assertThat(charges.get(20).explanation()).isEqualTo("spent 100.00 in 2025-03, tier from 100.00: 20% off 5.00 = 4.00");
        assertThat(charges.get(0).explanation()).isEqualTo("spent 0.00 in 2025-03, no spend tier reached: charged 5.00");
    }

    @Test
    void everyTierAppliesFromItsThresholdAndSpendCountsWhatWasCharged() {
        List<Charge> charges = BEIJING.apply(List.of(entry("A", 0, "99.99"), entry("B", 1, "50.00"),
                entry("C", 2, "10.00"), entry("D", 3, "500.00"), entry("E", 4, "5.00")));

        // spent before: 0, 99.99 (no tier yet), 149.99 (20 %), 157.99 (50 %: D pays 250.00), 407.99 (0 %)
        assertThat(charges).extracting(Charge::charged).containsExactly(cny("99.99"), cny("50.00"), cny("8.00"),
                cny("250.00"), cny("5.00"));
    }

    @Test
    void thresholdIsInclusiveAndTheTopTierEndsTheDiscount() {
        List<Charge> charges = BEIJING.apply(List.of(entry("A", 0, "150.00"), entry("B", 1, "10.00"),
                entry("C", 2, "490.00"), entry("D", 3, "10.00")));

        // spent before B 150.00 -> 50 %; before C 155.00 -> 50 % (245.00); before D 400.00 -> 0 %
        assertThat(charges).extracting(Charge::charged).containsExactly(cny("150.00"), cny("5.00"), cny("245.00"), cny("10.00"));
    }

    @Test
    void spendStartsAgainInTheNextMonthOfServiceDays() {
        Instant march31Late = Instant.parse("2025-03-31T19:00:00Z"); // 1 April 03:00 in Beijing: still 31 March
        Instant april1 = Instant.parse("2025-03-31T20:00:00Z"); // 1 April 04:00 in Beijing

        List<Charge> charges = BEIJING.apply(List.of(new SpendEntry("A", at("10:00"), cny("100.00")),
                new SpendEntry("B", march31Late, cny("5.00")), new SpendEntry("C", april1, cny("5.00"))));

        assertThat(charges).extracting(Charge::charged).containsExactly(cny("100.00"), cny("4.00"), cny("5.00"));
    }

    @Test
    void discountRoundsHalfUpToTheMinorUnit() {
        assertThat(new SpendTier(cny("0.00"), 50).applyTo(cny("0.05"))).isEqualTo(cny("0.03"));
        assertThat(new SpendTier(cny("0.00"), 33).applyTo(cny("0.03"))).isEqualTo(cny("0.02"));
        assertThat(new SpendTier(cny("0.00"), 20).applyTo(cny("3.33"))).isEqualTo(cny("2.66"));
        assertThat(new SpendTier(cny("0.00"), 100).applyTo(cny("3.33"))).isEqualTo(cny("0.00"));
    }

    @Test
    void tiersMustIncrease() {
        assertThatThrownBy(() -> new SpendTiers(List.of(new SpendTier(cny("100.00"), 20), new SpendTier(cny("100.00"), 50)),
                ZoneId.of("UTC"), FOUR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpendTier(cny("1.00"), 101)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SpendEntry entry(String id, int day, String fare) {
        Money amount = cny(fare);
        return new SpendEntry(id, at(day, "02:00"), amount);
    }
}
