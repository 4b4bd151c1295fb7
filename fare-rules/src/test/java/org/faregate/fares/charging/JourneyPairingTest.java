package org.faregate.fares.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.fares.charging.Fixtures.at;
import static org.faregate.fares.charging.Fixtures.board;
import static org.faregate.fares.charging.Fixtures.entry;
import static org.faregate.fares.charging.Fixtures.exit;
import static org.faregate.fares.charging.Fixtures.tap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.faregate.fares.TapEvent;
import org.junit.jupiter.api.Test;

class JourneyPairingTest {

    private static final JourneyPairing TWO_HOURS = JourneyPairing.of(Duration.ofHours(2), Map.of());

    @Test
    void entryFollowedByExitIsOneCompleteJourney() {
        Tap in = entry("T1", "08:00", "S1");
        Tap out = exit("T2", "08:30", "S5");

        assertThat(TWO_HOURS.pair(List.of(out, in))).containsExactly(new Journey.Complete(in, out));
    }

    @Test
    void boardTapsAreRidesByThemselves() {
        Tap bus = board("T1", "07:00", "B1");
        Tap in = entry("T2", "08:00", "S1");
        Tap out = exit("T3", "08:30", "S5");

        assertThat(TWO_HOURS.pair(List.of(bus, in, out)))
                .containsExactly(new Journey.Board(bus), new Journey.Complete(in, out));
    }

    @Test
    void entryFollowedByAnythingButAnExitHasNoExit() {
        Tap in = entry("T1", "08:00", "S1");
        Tap bus = board("T2", "08:20", "B1");
        Tap out = exit("T3", "08:40", "S5");

        assertThat(TWO_HOURS.pair(List.of(in, bus, out))).containsExactly(
                new Journey.MissingExit(in), new Journey.Board(bus), new Journey.MissingEntry(out));
    }

    @Test
    void twoEntriesInARowLeaveTheFirstWithoutExit() {
        Tap first = entry("T1", "08:00", "S1");
        Tap second = entry("T2", "09:00", "S2");
        Tap out = exit("T3", "09:20", "S3");

        assertThat(TWO_HOURS.pair(List.of(first, second, out)))
                .containsExactly(new Journey.MissingExit(first), new Journey.Complete(second, out));
    }

    @Test
    void lastEntryOfThePeriodHasNoExit() {
        Tap in = entry("T1", "23:00", "S1");

        assertThat(TWO_HOURS.pair(List.of(in))).containsExactly(new Journey.MissingExit(in));
    }

    @Test
    void exitInAnotherNetworkDoesNotCompleteTheEntry() {
        Tap in = entry("T1", "08:00", "S1");
        Tap railExit = tap("T2", at("08:30"), "R9", "rail", TapEvent.EXIT);

        assertThat(TWO_HOURS.pair(List.of(in, railExit)))
                .containsExactly(new Journey.MissingExit(in), new Journey.MissingEntry(railExit));
    }

    @Test
    void journeyOfExactlyTheMaximumIsCompleteOneSecondMoreIsOverlong() {
        Tap in = entry("T1", "08:00", "S1");
        Tap onTime = exit("T2", "10:00", "S5");
        Tap late = exit("T2", "10:00:01", "S5");

        assertThat(TWO_HOURS.pair(List.of(in, onTime))).containsExactly(new Journey.Complete(in, onTime));
        assertThat(TWO_HOURS.pair(List.of(in, late))).containsExactly(new Journey.Overlong(in, late));
    }

    @Test
    void maximumJourneyTimeCanDifferByNetwork() {
        JourneyPairing pairing = JourneyPairing.of(Duration.ofHours(2), Map.of("rail", Duration.ofHours(5)));
        Tap in = tap("T1", at("08:00"), "R1", "rail", TapEvent.ENTRY);
        Tap out = tap("T2", at("12:00"), "R2", "rail", TapEvent.EXIT);

        assertThat(pairing.pair(List.of(in, out))).containsExactly(new Journey.Complete(in, out));
    }

    @Test
    void pairingIgnoresWhichCredentialTapped() {
        Tap cardIn = new Tap("T1", at("08:00"), "S1", "metro", TapEvent.ENTRY, "card-1");
        Tap phoneOut = new Tap("T2", at("08:30"), "S2", "metro", TapEvent.EXIT, "phone-7");

        assertThat(TWO_HOURS.pair(List.of(cardIn, phoneOut))).containsExactly(new Journey.Complete(cardIn, phoneOut));
    }

    @Test
    void lateExitCompletesTheJourneyWhenTheTapsArePairedAgain() {
        Tap in = entry("T1", "08:00", "S1");
        Tap out = exit("T2", "08:30", "S5");

        assertThat(TWO_HOURS.pair(List.of(in))).containsExactly(new Journey.MissingExit(in));
        assertThat(TWO_HOURS.pair(List.of(in, out))).containsExactly(new Journey.Complete(in, out));
    }

    @Test
    void everyTapIsInExactlyOneJourneyWhateverTheArrivalOrder() {
        List<Tap> day = List.of(entry("T01", "06:00", "S1"), exit("T02", "06:30", "S4"), entry("T03", "07:00", "S2"),
                entry("T04", "08:00", "S3"), exit("T05", "08:10", "S3"), exit("T06", "09:00", "S1"),
                board("T07", "10:00", "B2"), board("T08", "10:00", "B3"), entry("T09", "11:00", "S4"),
                exit("T10", "15:00", "S1"));
        List<Journey> expected = TWO_HOURS.pair(day);
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<Tap> shuffled = new ArrayList<>(day);
            Collections.shuffle(shuffled, random);

            assertThat(TWO_HOURS.pair(shuffled)).isEqualTo(expected);
        }
        assertThat(expected.stream().flatMap(journey -> journey.taps().stream())).containsExactlyElementsOf(day);
    }

    @Test
    void duplicateTapIdsAreRefused() {
        Tap in = entry("T1", "08:00", "S1");

        assertThatThrownBy(() -> TWO_HOURS.pair(List.of(in, in))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("T1");
    }

    @Test
    void journeyValuesRefuseImpossibleTaps() {
        Tap in = entry("T1", "08:00", "S1");
        Tap out = exit("T2", "08:30", "S5");

        assertThatThrownBy(() -> new Journey.Complete(out, in)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Journey.MissingExit(out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JourneyPairing.of(Duration.ZERO, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
