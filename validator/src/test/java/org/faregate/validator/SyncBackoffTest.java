package org.faregate.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyncBackoffTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Duration CAP = Duration.ofMinutes(2);

    private final SyncBackoff backoff = new SyncBackoff(INTERVAL, CAP, new SplittableRandom(42));

    @Test
    void completeRoundsKeepTheRegularInterval() {
        assertThat(backoff.next(true)).isEqualTo(INTERVAL);
        assertThat(backoff.next(true)).isEqualTo(INTERVAL);
    }

    @Test
    void eachFailureInARowDoublesTheStepWithHalfOfItJittered() {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(backoff.next(false));
        }
        long[] steps = {10_000, 20_000, 40_000, 80_000, 120_000};
        for (int i = 0; i < steps.length; i++) {
            assertThat(delays.get(i).toMillis()).as("failure %d", i + 1).isBetween(steps[i] / 2, steps[i]);
        }
    }

    @Test
    void delayStaysAtTheCapHoweverLongTheGatewayIsAway() {
        for (int i = 0; i < 5; i++) {
            backoff.next(false);
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(backoff.next(false)).isLessThanOrEqualTo(CAP).isGreaterThanOrEqualTo(CAP.dividedBy(2));
        }
    }

    @Test
    void aCompleteRoundStartsTheBackoffOver() {
        for (int i = 0; i < 6; i++) {
            backoff.next(false);
        }
        assertThat(backoff.next(true)).isEqualTo(INTERVAL);
        assertThat(backoff.next(false).toMillis()).isBetween(5_000L, 10_000L);
    }

    @Test
    void jitterSpreadsGatesThatFailedTogether() {
        List<Duration> firstRetries = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(7);
        for (int gate = 0; gate < 20; gate++) {
            firstRetries.add(new SyncBackoff(INTERVAL, CAP, seeds.split()).next(false));
        }
        assertThat(firstRetries.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void capBelowTheIntervalIsRefused() {
        assertThatThrownBy(() -> new SyncBackoff(CAP, INTERVAL, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
