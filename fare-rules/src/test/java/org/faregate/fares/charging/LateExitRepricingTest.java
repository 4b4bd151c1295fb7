package org.faregate.fares.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.charging.Fixtures.FOUR;
import static org.faregate.fares.charging.Fixtures.METRO;
import static org.faregate.fares.charging.Fixtures.UTC;
import static org.faregate.fares.charging.Fixtures.cny;
import static org.faregate.fares.charging.Fixtures.entry;
import static org.faregate.fares.charging.Fixtures.exit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The parts composed the simplest way (pair, price each journey, cap): a missing tap-out gets the
 * maximum fare, and when the exit turns up the same pure pricing of all taps gives the distance fare.
 */
class LateExitRepricingTest {

    private static final JourneyPairing PAIRING = JourneyPairing.of(Duration.ofHours(4), Map.of());
    private static final DistanceFare DISTANCE = new DistanceFare(
            DistanceTable.of(List.of(new StopDistance("S1", "S5", 14_000)), true),
            DistanceBandsTest.shanghai(BoundaryRule.LOWER_BAND));
    private static final MaxFares MAX = new MaxFares(
            List.of(new MaxFareRule(METRO, new MaxFareBasis.Flat(cny("15.00")), false, false)), stop -> Optional.empty());
    private static final CapLedger CAPS = new CapLedger(
            List.of(new Cap("day", CapPeriod.DAY, cny("10.00"), CapScope.ANY)), UTC, FOUR);

    private static List<Charge> price(List<Tap> taps) {
        List<CapEntry> entries = new ArrayList<>();
        for (Journey journey : PAIRING.pair(taps)) {
            Tap first = journey.taps().get(0);
            if (journey instanceof Journey.Complete complete) {
                Price fare = DISTANCE.fare(complete).orElseThrow();
                entries.add(new CapEntry(first.tapId(), first.at(), fare.amount(), "adult", METRO, Set.of(), true));
            } else if (journey instanceof Journey.Incomplete incomplete) {
                MaxFareCharge max = MAX.charge(incomplete, Optional.empty()).orElseThrow();
                entries.add(new CapEntry(first.tapId(), first.at(), max.price().amount(), "adult", METRO, Set.of(),
                        max.countsTowardsCaps()));
            }
        }
        return CAPS.apply(entries);
    }

    @Test
    void missingTapOutPaysTheMaximumFareUntilTheExitTurnsUp() {
        Tap morningIn = entry("T1", "08:00", "S1");
        Tap morningOut = exit("T2", "08:30", "S5");
        Tap eveningIn = entry("T3", "18:00", "S5");
        Tap eveningOut = exit("T4", "18:30", "S1");

        List<Charge> before = price(List.of(morningIn, eveningIn, eveningOut));
        List<Charge> after = price(List.of(eveningOut, morningOut, eveningIn, morningIn));

        assertThat(before).extracting(Charge::charged).containsExactly(cny("15.00"), cny("4.00"));
        assertThat(before.get(0).explanation()).isEqualTo("not counted towards caps: charged 15.00");
        assertThat(after).extracting(Charge::charged).containsExactly(cny("4.00"), cny("4.00"));
    }
}
