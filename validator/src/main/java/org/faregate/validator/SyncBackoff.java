package org.faregate.validator;

import java.time.Duration;
import java.util.Objects;
import org.faregate.validator.retry.Backoff;
import java.util.random.RandomGenerator;

/**
 * When to try the gateway again. After a complete round: the regular interval, and the backoff starts over.
 * After each incomplete one (gateway unreachable, a step failed): the interval doubled per failure in a row,
 * capped, with "equal jitter" (half the step fixed, half drawn at random) so that a station's gates whose
 * link came back at the same moment do not all resend in step. Not thread-safe: one sync loop owns it.
 */
final class SyncBackoff {

    private final Duration interval;
    private final Backoff steps;
    private final RandomGenerator random;
    private int failuresInARow;

    SyncBackoff(Duration interval, Duration cap, RandomGenerator random) {
        if (interval.isNegative() || interval.isZero() || cap.compareTo(interval) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < interval <= cap: " + interval + ", " + cap);
        }
        this.interval = interval;
        this.steps = new Backoff(interval, cap);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The delay before the next round, given how the last one went. */
    Duration next(boolean lastRoundComplete) {
        if (lastRoundComplete) {
            failuresInARow = 0;
            return interval;
        }
        failuresInARow = Math.min(failuresInARow + 1, 62);
        long step = cappedStepMillis();
        long half = step / 2;
        return Duration.ofMillis(step - half + random.nextLong(half + 1));
    }

    private long cappedStepMillis() {
        return steps.pause(failuresInARow + 1).toMillis();
    }
}
