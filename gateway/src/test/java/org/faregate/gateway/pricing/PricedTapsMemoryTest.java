package org.faregate.gateway.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.gateway.pricing.SqlPricingWork.Taken;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.junit.jupiter.api.Test;

class PricedTapsMemoryTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-25");
    private static final AccountId ACCOUNT = AccountId.of(7);
    private static final StoredTap ENTRY = tap("08:00", Direction.ENTRY, -400L);

    private final PricedTapsMemory memory = new PricedTapsMemory(3);

    @Test
    void givesTheTapsOnlyAtTheVersionItRememberedAndOverTheDaysItHolds() {
        memory.remember(Map.of(ACCOUNT, entry(5, ENTRY)));

        assertThat(memory.recall(ACCOUNT, 5, DAY, DAY, List.of())).hasValueSatisfying(
                entry -> assertThat(entry.days().get(DAY)).containsExactly(ENTRY));
        assertThat(memory.recall(ACCOUNT, 6, DAY, DAY, List.of())).as("another node priced it since").isEmpty();
        assertThat(memory.recall(ACCOUNT, 5, DAY.minusDays(1), DAY, List.of())).as("a day it never read").isEmpty();
        assertThat(memory.recall(AccountId.of(8), 0, DAY, DAY, List.of())).isEmpty();
    }

    @Test
    void addsTheTapsTheTakenRowsCarryOnceAndInTimeOrder() {
        memory.remember(Map.of(ACCOUNT, entry(1, ENTRY)));
        StoredTap early = tap("07:30", Direction.EXIT, null);
        StoredTap late = tap("08:30", Direction.EXIT, null);
        List<Taken> rows = List.of(row(late, ENTRY.charged(0)), row(early), row(late));

        Optional<PricedTapsMemory.Entry> recalled = memory.recall(ACCOUNT, 1, DAY, DAY, rows);

        assertThat(recalled).hasValueSatisfying(entry -> assertThat(entry.days().get(DAY))
                .as("the remembered entry keeps its charge; each carried tap counts once")
                .containsExactly(early, ENTRY, late));
    }

    @Test
    void aRowThatCarriesNoTapsMakesTheAccountBeRead() {
        memory.remember(Map.of(ACCOUNT, entry(1, ENTRY)));
        Taken fromAnOlderGateway = new Taken(2, ACCOUNT, DAY, Instant.parse("2026-11-25T01:00:00Z"), 0, Optional.empty());

        assertThat(memory.recall(ACCOUNT, 1, DAY, DAY, List.of(row(), fromAnOlderGateway))).isEmpty();
        assertThat(memory.recall(ACCOUNT, 1, DAY, DAY, List.of(row()))).as("a scheduled repricing carries none").isPresent();
    }

    @Test
    void whatTheCallerChangesIsNotRemembered() {
        memory.remember(Map.of(ACCOUNT, entry(1, ENTRY)));

        memory.recall(ACCOUNT, 1, DAY, DAY, List.of()).orElseThrow().days().get(DAY).clear();

        assertThat(memory.recall(ACCOUNT, 1, DAY, DAY, List.of()).orElseThrow().days().get(DAY)).containsExactly(ENTRY);
    }

    @Test
    void keepsTheDaysItHoldsWhenAskedForFewer() {
        TreeMap<LocalDate, List<StoredTap>> days = new TreeMap<>();
        days.put(DAY, new ArrayList<>(List.of(ENTRY)));
        memory.remember(Map.of(ACCOUNT, new PricedTapsMemory.Entry(1, DAY.minusDays(1), DAY.plusDays(1), days)));

        assertThat(memory.recall(ACCOUNT, 1, DAY, DAY, List.of())).hasValueSatisfying(entry -> {
            assertThat(entry.first()).isEqualTo(DAY.minusDays(1));
            assertThat(entry.last()).isEqualTo(DAY.plusDays(1));
        });
    }

    @Test
    void forgetsTheAccountsUsedLongestAgoPastItsSize() {
        AccountId other = AccountId.of(8);
        AccountId third = AccountId.of(9);
        memory.remember(Map.of(ACCOUNT, entry(1, ENTRY)));
        memory.remember(Map.of(other, entry(1, ENTRY, tap("09:00", Direction.EXIT, 0L))));
        memory.recall(ACCOUNT, 1, DAY, DAY, List.of());

        memory.remember(Map.of(third, entry(1, tap("10:00", Direction.ENTRY, 0L))));

        assertThat(memory.recall(other, 1, DAY, DAY, List.of())).as("used longest ago").isEmpty();
        assertThat(memory.recall(ACCOUNT, 1, DAY, DAY, List.of())).isPresent();
        assertThat(memory.recall(third, 1, DAY, DAY, List.of())).isPresent();
    }

    @Test
    void givesBackEveryFieldOfEveryTapAndEveryDayItWasGiven() {
        StoredTap boarding = new StoredTap(new TapId(UUID.randomUUID()), Instant.parse("2026-11-25T09:15:30.123456Z"),
                StationId.of("S02"), Direction.BOARD, Optional.of("bus-7"), -250L);
        StoredTap exit = new StoredTap(new TapId(new UUID(-1L, Long.MIN_VALUE)), Instant.parse("2026-11-24T23:59:59.999999Z"),
                StationId.of("S03"), Direction.EXIT, Optional.empty(), null);
        StoredTap free = new StoredTap(new TapId(UUID.randomUUID()), Instant.parse("1969-12-31T23:59:59Z"),
                StationId.of("S01"), Direction.ENTRY, Optional.of("bus-7"), 0L);
        TreeMap<LocalDate, List<StoredTap>> days = new TreeMap<>();
        days.put(DAY.minusDays(1), new ArrayList<>(List.of(exit, free)));
        days.put(DAY, new ArrayList<>());
        days.put(DAY.plusDays(1), new ArrayList<>(List.of(boarding, ENTRY)));
        PricedTapsMemory large = new PricedTapsMemory(100);
        large.remember(Map.of(ACCOUNT, new PricedTapsMemory.Entry(4, DAY.minusDays(1), DAY.plusDays(1), days)));

        assertThat(large.recall(ACCOUNT, 4, DAY, DAY, List.of())).hasValueSatisfying(entry -> {
            assertThat(entry.days()).as("a day without taps stays a day").isEqualTo(days);
            assertThat(entry.version()).isEqualTo(4);
        });
    }

    @Test
    void forgetsEverythingPastItsTableOfStationsAndRoutes() {
        PricedTapsMemory small = new PricedTapsMemory(100, 2);
        small.remember(Map.of(ACCOUNT, entry(1, ENTRY)));
        small.remember(Map.of(AccountId.of(8), entry(1, new StoredTap(new TapId(UUID.randomUUID()),
                Instant.parse("2026-11-25T10:00:00Z"), StationId.of("S02"), Direction.EXIT, Optional.empty(), 0L))));
        assertThat(small.recall(ACCOUNT, 1, DAY, DAY, List.of())).as("two stations fit").isPresent();

        small.remember(Map.of(AccountId.of(9), entry(1, new StoredTap(new TapId(UUID.randomUUID()),
                Instant.parse("2026-11-25T11:00:00Z"), StationId.of("S03"), Direction.EXIT, Optional.empty(), 0L))));

        assertThat(small.recall(ACCOUNT, 1, DAY, DAY, List.of())).as("a third station starts again").isEmpty();
        assertThat(small.recall(AccountId.of(9), 1, DAY, DAY, List.of())).isEmpty();
    }

    private static PricedTapsMemory.Entry entry(long version, StoredTap... taps) {
        TreeMap<LocalDate, List<StoredTap>> days = new TreeMap<>();
        days.put(DAY, new ArrayList<>(List.of(taps)));
        return new PricedTapsMemory.Entry(version, DAY, DAY, days);
    }

    private static Taken row(StoredTap... taps) {
        return new Taken(1, ACCOUNT, DAY, Instant.parse("2026-11-25T01:00:00Z"), 0, Optional.of(List.of(taps)));
    }

    private static StoredTap tap(String time, Direction direction, Long chargedMinor) {
        return new StoredTap(new TapId(UUID.randomUUID()), Instant.parse("2026-11-25T" + time + ":00Z"),
                StationId.of("S01"), direction, Optional.empty(), chargedMinor);
    }
}
