package org.faregate.simulator.city;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** The simulated day's clock, shared by every gate and phone of one simulation; only moves forward. */
public final class SimClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public SimClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock to {@code time}; a time in the past leaves it where it is. */
    public void advanceTo(Instant time) {
        now.accumulateAndGet(time, (current, next) -> next.isAfter(current) ? next : current);
    }
}
