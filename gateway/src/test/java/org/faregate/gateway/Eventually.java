package org.faregate.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for what happens asynchronously (replication, pricing, retries), with a deadline. */
public final class Eventually {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** Returns once the condition holds; fails the test when it does not within 20 s. */
    public static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + DEADLINE.toSeconds() + " s");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
