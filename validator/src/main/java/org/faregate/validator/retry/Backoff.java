package org.faregate.validator.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * Capped exponential backoff: the pause before retry {@code n} (1-based) is {@code first × 2^(n-1)}, at most
 * {@code cap}. Keeps a gate whose pcscd or gateway is down from retrying in a tight loop, while a brief outage
 * still recovers within about {@code first}. The NFC watchdog uses it as is; the gateway sync adds jitter.
 */
public record Backoff(Duration first, Duration cap) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= cap, got " + first + " and " + cap);
        }
    }

    /** The pause before retry number {@code attempt} (1 for the first retry). */
    public Duration pause(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        Duration pause = first;
        for (int i = 1; i < attempt && pause.compareTo(cap) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(cap) < 0 ? pause : cap;
    }
}
