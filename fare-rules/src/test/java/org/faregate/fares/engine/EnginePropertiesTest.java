package org.faregate.fares.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.engine.EngineFeeds.at;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.faregate.fares.FareCharge;
import org.faregate.fares.FareTap;
import org.faregate.fares.Money;
import org.faregate.fares.TapEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariants over random service days (seeded, so a failure replays): any arrival order gives the same
 * charges, one charge per tap, never above the daily cap where every fare counts towards it (Shanghai).
 */
class EnginePropertiesTest {

    private static final FareEngine SHANGHAI = EngineFeeds.shanghai();
    private static final FareEngine LONDON = EngineFeeds.london();
    private static final FareEngine TRANSLINK = EngineFeeds.translink();
    private static final TapEvent[] GATED = {TapEvent.ENTRY, TapEvent.EXIT};

    /** Up to 16 taps between 05:00 and 23:59 local time on one service day, random stops and events. */
    private static List<FareTap> randomDay(Random random, ZoneId zone, String day, List<String> stops,
                                           TapEvent[] events) {
        Instant start = at(zone, day + "T05:00");
        List<FareTap> taps = new ArrayList<>();
        int count = random.nextInt(17);
        for (int i = 0; i < count; i++) {
            Instant when = start.plusSeconds(random.nextInt(19 * 3600) / 60 * 60);
            taps.add(new FareTap("tap" + i, when, stops.get(random.nextInt(stops.size())),
                    events[random.nextInt(events.length)], "adult"));
        }
        return taps;
    }

    private static void assertOrderFreeAndOnePerTap(FareEngine engine, List<FareTap> taps, Random random) {
        List<FareCharge> charges = engine.price(taps);
        List<FareTap> shuffled = new ArrayList<>(taps);
        Collections.shuffle(shuffled, random);

        assertThat(engine.price(shuffled)).isEqualTo(charges);
        assertThat(charges).extracting(FareCharge::tapId)
                .containsExactlyInAnyOrderElementsOf(taps.stream().map(FareTap::tapId).toList());
        assertThat(charges).allSatisfy(charge -> assertThat(charge.amount().isNegative()).isFalse());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void shanghaiDaysAreOrderFreeOneChargePerTapAndNeverAboveTheDailyCap(long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < 30; run++) {
            List<FareTap> taps = randomDay(random, EngineFeeds.SHANGHAI, "2025-03-10",
                    List.of("XJH", "PSD", "HQ", "LJZ"), GATED);

            assertOrderFreeAndOnePerTap(SHANGHAI, taps, random);
            Money total = SHANGHAI.price(taps).stream().map(FareCharge::amount)
                    .reduce(Money.zero(SHANGHAI.currency()), Money::plus);
            assertThat(total).isLessThanOrEqualTo(Money.parse("10.00", SHANGHAI.currency()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void londonDaysAreOrderFreeAndCappedJourneysNeverExceedTheCap(long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < 30; run++) {
            List<FareTap> taps = randomDay(random, EngineFeeds.LONDON, "2025-03-10",
                    List.of("bank", "oxford_circus", "camden", "brixton"), GATED);

            assertOrderFreeAndOnePerTap(LONDON, taps, random);
            Money capped = LONDON.price(taps).stream().filter(charge -> !charge.explanation().contains("not counted"))
                    .map(FareCharge::amount).reduce(Money.zero(LONDON.currency()), Money::plus);
            assertThat(capped).isLessThanOrEqualTo(Money.parse("8.90", LONDON.currency()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8})
    void transLinkDaysWithBusesAndStationsAreOrderFree(long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < 20; run++) {
            List<FareTap> taps = randomDay(random, EngineFeeds.VANCOUVER, "2025-01-15",
                    List.of("commercial", "bridgeport", "yvr", "surrey_central", "waterfront"), TapEvent.values());

            assertOrderFreeAndOnePerTap(TRANSLINK, taps, random);
        }
    }
}
