package org.faregate.fares.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.charging.Fixtures.FOUR;
import static org.faregate.fares.charging.Fixtures.MONDAY;
import static org.faregate.fares.charging.Fixtures.UTC;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.faregate.fares.Money;
import org.faregate.fares.ServiceDay;
import org.junit.jupiter.api.Test;

/** Invariants of the cap ledger over random taps (seeded, so a failure names a reproducible seed). */
class CapLedgerPropertiesTest {

    private static final int SEEDS = 300;
    private static final List<Cap> CAPS = List.of(
            new Cap("day", CapPeriod.DAY, cny(800), CapScope.ANY),
            new Cap("child_day", CapPeriod.DAY, cny(300), new CapScope(Set.of("child"), Set.of(), Set.of())),
            new Cap("metro_week", CapPeriod.WEEK, cny(2500), new CapScope(Set.of(), Set.of("metro"), Set.of())),
            new Cap("rolling", CapPeriod.ROLLING_7D, cny(3000), CapScope.ANY),
            new Cap("month", CapPeriod.MONTH, cny(9000), CapScope.ANY),
            new Cap("d31", CapPeriod.ROLLING_31D, cny(10000), new CapScope(Set.of(), Set.of("bus"), Set.of())));
    private static final CapLedger LEDGER = new CapLedger(CAPS, UTC, FOUR);

    @Test
    void noWindowOfAnyCapIsChargedMoreThanTheCap() {
        for (int seed = 0; seed < SEEDS; seed++) {
            List<CapEntry> entries = randomEntries(new Random(seed));
            Map<String, Money> charged = new HashMap<>();
            LEDGER.apply(entries).forEach(charge -> charged.put(charge.chargeId(), charge.charged()));
            for (Cap cap : CAPS) {
                for (List<CapEntry> window : windows(cap, entries)) {
                    long sum = window.stream().mapToLong(entry -> charged.get(entry.chargeId()).minor()).sum();
                    assertThat(sum).as("seed %d cap %s", seed, cap.capId()).isLessThanOrEqualTo(cap.amount().minor());
                }
            }
        }
    }

    @Test
    void everyChargeIsBetweenZeroAndItsFare() {
        for (int seed = 0; seed < SEEDS; seed++) {
            for (Charge charge : LEDGER.apply(randomEntries(new Random(seed)))) {
                assertThat(charge.charged().minor()).as("seed %d", seed).isBetween(0L, charge.fare().minor());
            }
        }
    }

    @Test
    void anyArrivalOrderGivesTheSameCharges() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            List<CapEntry> entries = randomEntries(random);
            List<Charge> expected = LEDGER.apply(entries);
            List<CapEntry> shuffled = new ArrayList<>(entries);
            Collections.shuffle(shuffled, random);

            assertThat(LEDGER.apply(shuffled)).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void withinOneWindowTheTotalIsTheSmallerOfTheFaresAndTheCap() {
        CapLedger daily = new CapLedger(List.of(new Cap("day", CapPeriod.DAY, cny(800), CapScope.ANY)), UTC, FOUR);
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            List<CapEntry> entries = new ArrayList<>();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) { // all within the service day 04:00..04:00 of Monday
                entries.add(Fixtures.fare("E" + i, MONDAY.plusSeconds(4 * 3600 + random.nextInt(86_400)), cny(random.nextInt(500))));
            }
            long fares = entries.stream().mapToLong(entry -> entry.fare().minor()).sum();

            long charged = daily.apply(entries).stream().mapToLong(charge -> charge.charged().minor()).sum();

            assertThat(charged).as("seed %d", seed).isEqualTo(Math.min(fares, 800));
        }
    }

    private static List<CapEntry> randomEntries(Random random) {
        List<CapEntry> entries = new ArrayList<>();
        int count = random.nextInt(120);
        for (int i = 0; i < count; i++) {
            entries.add(new CapEntry("E" + i, MONDAY.plusSeconds(random.nextInt(45 * 86_400)), cny(random.nextInt(700)),
                    random.nextInt(4) == 0 ? "child" : "adult", random.nextBoolean() ? "metro" : "bus", Set.of(),
                    random.nextInt(10) != 0));
        }
        return entries;
    }

    /** The counted entries of each window, re-derived independently of the ledger. */
    private static List<List<CapEntry>> windows(Cap cap, List<CapEntry> entries) {
        List<CapEntry> covered = new ArrayList<>(entries.stream()
                .filter(entry -> entry.countsTowardsCaps() && cap.scope().covers(entry)).toList());
        covered.sort((a, b) -> a.at().equals(b.at()) ? a.chargeId().compareTo(b.chargeId()) : a.at().compareTo(b.at()));
        Map<LocalDate, List<CapEntry>> byStart = new HashMap<>();
        LocalDate rollingStart = null;
        for (CapEntry entry : covered) {
            LocalDate day = ServiceDay.of(entry.at(), UTC, FOUR);
            LocalDate start = switch (cap.period()) {
                case DAY -> day;
                case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
                case MONTH -> day.withDayOfMonth(1);
                case ROLLING_7D, ROLLING_31D -> {
                    int length = cap.period() == CapPeriod.ROLLING_7D ? 7 : 31;
                    if (rollingStart == null || !day.isBefore(rollingStart.plusDays(length))) {
                        rollingStart = day;
                    }
                    yield rollingStart;
                }
            };
            byStart.computeIfAbsent(start, key -> new ArrayList<>()).add(entry);
        }
        return new ArrayList<>(byStart.values());
    }

    private static Money cny(long minor) {
        return Money.of(minor, Fixtures.CNY);
    }
}
