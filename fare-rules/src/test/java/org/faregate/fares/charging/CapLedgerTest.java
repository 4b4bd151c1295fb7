package org.faregate.fares.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.fares.charging.Fixtures.FOUR;
import static org.faregate.fares.charging.Fixtures.METRO;
import static org.faregate.fares.charging.Fixtures.UTC;
import static org.faregate.fares.charging.Fixtures.at;
import static org.faregate.fares.charging.Fixtures.fare;
import static org.faregate.fares.charging.Fixtures.money;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.faregate.fares.Money;
import org.junit.jupiter.api.Test;

class CapLedgerTest {

    private static Money gbp(String amount) {
        return money(amount, "GBP");
    }

    private static Money usd(String amount) {
        return money(amount, "USD");
    }

    private static Cap cap(String id, CapPeriod period, Money amount) {
        return new Cap(id, period, amount, CapScope.ANY);
    }

    private static List<Money> charged(CapLedger ledger, List<CapEntry> entries) {
        return ledger.apply(entries).stream().map(Charge::charged).toList();
    }

    @Test
    void tapThatReachesTheDailyCapPaysOnlyTheRemainderAndLaterTapsPayNothing() {
        CapLedger ledger = new CapLedger(List.of(cap("adult_day", CapPeriod.DAY, gbp("8.00"))), UTC, FOUR);

        List<Charge> charges = ledger.apply(List.of(fare("A", at("08:00"), gbp("3.00")),
                fare("B", at("12:00"), gbp("3.50")), fare("C", at("17:00"), gbp("3.00")),
                fare("D", at("19:00"), gbp("3.00"))));

        assertThat(charges).extracting(Charge::charged).containsExactly(gbp("3.00"), gbp("3.50"), gbp("1.50"), gbp("0.00"));
        assertThat(charges.get(0).explanation()).isEqualTo("under caps: charged 3.00 of 3.00");
        assertThat(charges.get(2).explanation()).isEqualTo("daily cap adult_day 8.00 reached: charged 1.50 of 3.00");
        assertThat(charges.get(3).explanation()).isEqualTo("daily cap adult_day 8.00 already reached: charged 0.00 of 3.00");
    }

    @Test
    void dailyCapFollowsTheServiceDayCutover() {
        CapLedger ledger = new CapLedger(List.of(cap("day", CapPeriod.DAY, gbp("5.00"))), UTC, FOUR);

        assertThat(charged(ledger, List.of(fare("A", at("20:00"), gbp("3.00")), fare("B", at(1, "03:59:59"), gbp("3.00")),
                fare("C", at(1, "04:00"), gbp("3.00"))))).containsExactly(gbp("3.00"), gbp("2.00"), gbp("3.00"));
    }

    @Test
    void serviceDayIsTheOperatorsLocalDay() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        CapLedger ledger = new CapLedger(List.of(cap("day", CapPeriod.DAY, gbp("5.00"))), shanghai, FOUR);
        // 19:59 and 20:00 UTC are 03:59 and 04:00 in Shanghai
        assertThat(charged(ledger, List.of(fare("A", at("10:00"), gbp("3.00")), fare("B", at("19:59"), gbp("3.00")),
                fare("C", at("20:00"), gbp("3.00"))))).containsExactly(gbp("3.00"), gbp("2.00"), gbp("3.00"));
    }

    @Test
    void weeklyCapRunsMondayToSundayOfServiceDays() {
        CapLedger ledger = new CapLedger(List.of(cap("week", CapPeriod.WEEK, gbp("5.00"))), UTC, FOUR);

        assertThat(charged(ledger, List.of(fare("A", at(0, "08:00"), gbp("3.00")), fare("B", at(6, "23:00"), gbp("3.00")),
                fare("C", at(7, "03:00"), gbp("3.00")), fare("D", at(7, "04:00"), gbp("3.00")))))
                .containsExactly(gbp("3.00"), gbp("2.00"), gbp("0.00"), gbp("3.00"));
    }

    @Test
    void rollingSevenDayCapCountsSevenServiceDaysFromTheFirstTap() {
        CapLedger ledger = new CapLedger(List.of(cap("omny_7d", CapPeriod.ROLLING_7D, usd("34.00"))),
                ZoneId.of("America/New_York"), LocalTime.MIDNIGHT);
        List<CapEntry> rides = new ArrayList<>();
        for (int i = 0; i < 13; i++) { // from Wednesday, one ride every 12 hours, 15:00Z = 10:00 or 11:00 local
            rides.add(fare("R" + (10 + i), at(2, "15:00").plusSeconds(43_200L * i), usd("2.90")));
        }
        rides.add(fare("S1", Instant.parse("2025-03-12T03:59:00Z"), usd("2.90"))); // Tue 11 Mar 23:59 EDT
        rides.add(fare("S2", Instant.parse("2025-03-12T04:00:00Z"), usd("2.90"))); // Wed 12 Mar 00:00 EDT

        List<Money> charged = charged(ledger, rides);

        assertThat(charged.subList(0, 11)).containsOnly(usd("2.90"));
        assertThat(charged.subList(11, 15)).containsExactly(usd("2.10"), usd("0.00"), usd("0.00"), usd("2.90"));
    }

    @Test
    void monthlyAndThirtyOneDayCaps() {
        Instant march31 = Instant.parse("2025-03-31T10:00:00Z");
        Instant april1 = Instant.parse("2025-04-01T10:00:00Z");
        CapLedger monthly = new CapLedger(List.of(cap("m", CapPeriod.MONTH, gbp("4.00"))), UTC, FOUR);
        CapLedger rolling = new CapLedger(List.of(cap("r", CapPeriod.ROLLING_31D, gbp("4.00"))), UTC, FOUR);
        List<CapEntry> rides = List.of(fare("A", at("10:00"), gbp("3.00")), fare("B", march31, gbp("3.00")),
                fare("C", april1, gbp("3.00")), fare("D", april1.plusSeconds(86_400L * 2), gbp("3.00")));

        assertThat(charged(monthly, rides)).containsExactly(gbp("3.00"), gbp("1.00"), gbp("3.00"), gbp("1.00"));
        // 31 service days from Monday 3 March end before Thursday 3 April
        assertThat(charged(rolling, rides)).containsExactly(gbp("3.00"), gbp("1.00"), gbp("0.00"), gbp("3.00"));
    }

    @Test
    void capAppliesOnlyToItsRiderCategoriesNetworksAndAreas() {
        Cap childBus = new Cap("child_bus", CapPeriod.DAY, gbp("1.00"), new CapScope(Set.of("child"), Set.of("bus"), Set.of()));
        Cap zones12 = new Cap("z12", CapPeriod.DAY, gbp("1.00"), new CapScope(Set.of(), Set.of(), Set.of("1", "2")));
        CapLedger ledger = new CapLedger(List.of(childBus, zones12), UTC, FOUR);
        Instant t = at("08:00");

        List<Charge> charges = ledger.apply(List.of(
                new CapEntry("adult_bus", t, gbp("3.00"), "adult", "bus", Set.of(), true),
                new CapEntry("child_bus", t.plusSeconds(1), gbp("3.00"), "child", "bus", Set.of(), true),
                new CapEntry("zone_1_3", t.plusSeconds(2), gbp("3.00"), "adult", METRO, Set.of("1", "3"), true),
                new CapEntry("zone_1_2", t.plusSeconds(3), gbp("3.00"), "adult", METRO, Set.of("1", "2"), true)));

        assertThat(charges).extracting(Charge::charged).containsExactly(gbp("3.00"), gbp("1.00"), gbp("3.00"), gbp("1.00"));
        assertThat(charges.get(0).explanation()).startsWith("no cap applies");
    }

    @Test
    void dailyCapInsideWeeklyCapChargesTheSmallestRemainder() {
        CapLedger ledger = new CapLedger(List.of(cap("day", CapPeriod.DAY, gbp("8.00")),
                cap("week", CapPeriod.WEEK, gbp("20.00"))), UTC, FOUR);
        List<CapEntry> rides = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            for (int ride = 0; ride < 3; ride++) {
                rides.add(fare("D" + day + "R" + ride, at(day, (10 + ride) + ":00"), gbp("3.00")));
            }
        }

        List<Charge> charges = ledger.apply(rides);

        assertThat(charges).extracting(Charge::charged).containsExactly(
                gbp("3.00"), gbp("3.00"), gbp("2.00"), gbp("3.00"), gbp("3.00"), gbp("2.00"),
                gbp("3.00"), gbp("1.00"), gbp("0.00"), gbp("0.00"), gbp("0.00"), gbp("0.00"));
        assertThat(charges.get(7).explanation()).isEqualTo("weekly cap week 20.00 reached: charged 1.00 of 3.00");
    }

    @Test
    void fareNotCountedTowardsCapsIsChargedInFullAndCountedNowhere() {
        CapLedger ledger = new CapLedger(List.of(cap("day", CapPeriod.DAY, gbp("8.00"))), UTC, FOUR);
        CapEntry maxFare = new CapEntry("MAX", at("09:00"), gbp("10.00"), "adult", METRO, Set.of(), false);

        List<Charge> charges = ledger.apply(List.of(fare("A", at("08:00"), gbp("3.00")), maxFare,
                fare("B", at("10:00"), gbp("3.00")), fare("C", at("11:00"), gbp("3.00"))));

        assertThat(charges).extracting(Charge::charged).containsExactly(gbp("3.00"), gbp("10.00"), gbp("3.00"), gbp("2.00"));
        assertThat(charges.get(1).explanation()).isEqualTo("not counted towards caps: charged 10.00");
    }

    @Test
    void badInputIsRefused() {
        CapLedger ledger = new CapLedger(List.of(cap("day", CapPeriod.DAY, gbp("8.00"))), UTC, FOUR);

        assertThatThrownBy(() -> ledger.apply(List.of(fare("A", at("08:00"), gbp("1.00")), fare("A", at("09:00"), gbp("1.00")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> ledger.apply(List.of(fare("A", at("08:00"), usd("1.00")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> new CapLedger(List.of(cap("d", CapPeriod.DAY, gbp("1")), cap("d", CapPeriod.WEEK, gbp("2"))), UTC, FOUR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fare("N", at("08:00"), gbp("-1.00"))).isInstanceOf(IllegalArgumentException.class);
    }
}
