package org.faregate.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.Taps.board;
import static org.faregate.fares.Taps.entry;
import static org.faregate.fares.Taps.exit;

import java.time.Duration;
import java.util.List;
import org.faregate.fares.Journey.Kind;
import org.junit.jupiter.api.Test;

class JourneyMatcherTest {

    private final JourneyMatcher matcher = new JourneyMatcher(Duration.ofMinutes(180));

    @Test
    void entryThenExitIsOneCompleteJourney() {
        FareTap in = entry("T1", "08:00", "S01");
        FareTap out = exit("T2", "08:30", "S03");

        assertThat(matcher.match(List.of(in, out))).containsExactly(new Journey(Kind.COMPLETE, in, out));
    }

    @Test
    void everyTapEndsUpInExactlyOneJourney() {
        FareTap in1 = entry("T1", "07:00", "S01");
        FareTap in2 = entry("T2", "07:30", "S02");
        FareTap out2 = exit("T3", "08:00", "S03");
        FareTap out3 = exit("T4", "08:10", "S04");
        FareTap bus = board("T5", "09:00", "B7");
        FareTap in4 = entry("T6", "10:00", "S01");

        assertThat(matcher.match(List.of(in1, in2, out2, out3, bus, in4))).containsExactly(
                new Journey(Kind.NO_EXIT, in1, null),
                new Journey(Kind.COMPLETE, in2, out2),
                new Journey(Kind.NO_ENTRY, out3, null),
                new Journey(Kind.BOARD, bus, null),
                new Journey(Kind.NO_EXIT, in4, null));
    }

    @Test
    void boardBetweenEntryAndExitBreaksTheJourney() {
        FareTap in = entry("T1", "08:00", "S01");
        FareTap bus = board("T2", "08:10", "B7");
        FareTap out = exit("T3", "08:30", "S03");

        assertThat(matcher.match(List.of(in, bus, out))).extracting(Journey::kind)
                .containsExactly(Kind.NO_EXIT, Kind.BOARD, Kind.NO_ENTRY);
    }

    @Test
    void exitAfterTheMaximumJourneyTimeIsKeptWithItsEntryAsOverlong() {
        FareTap in = entry("T1", "08:00", "S01");
        FareTap out = exit("T2", "11:00:01", "S03");

        assertThat(matcher.match(List.of(in, out))).containsExactly(new Journey(Kind.OVERLONG, in, out));
    }
}
