package org.faregate.gateway.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client key (the remote address), kept as one number in exact nanoseconds (the generic
 * cell rate algorithm): each key has a theoretical arrival time that every allowed request moves one interval
 * ({@code 1 s / perSecond}) ahead; a request is allowed while that time stays within {@code burst} intervals
 * of now. Lock-free: one compare-and-set per request. Keys whose bucket is full again are dropped on the next
 * sweep, so a scan from many addresses does not grow the map without end.
 */
public final class RateLimiter {

    private static final int SWEEP_EVERY = 4_096;

    private final long intervalNanos;
    private final long burstNanos;
    private final LongSupplier nanoTime;
    private final Map<String, AtomicLong> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();

    public RateLimiter(int perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate limit needs a positive rate and burst");
        }
        this.intervalNanos = Math.max(1, 1_000_000_000L / perSecond);
        this.burstNanos = Math.multiplyExact(intervalNanos, (long) burst);
        this.nanoTime = nanoTime;
    }

    /** Takes a token for {@code key}; false when its bucket is empty (the request is to be refused). */
    public boolean tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        AtomicLong arrival = arrivals.computeIfAbsent(key, k -> new AtomicLong(now));
        boolean allowed;
        while (true) {
            long current = arrival.get();
            long next = Math.max(current - now, 0) + intervalNanos;
            if (next > burstNanos) {
                allowed = false;
                break;
            }
            if (arrival.compareAndSet(current, now + next)) {
                allowed = true;
                break;
            }
        }
        if (sinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            sinceSweep.set(0);
            arrivals.values().removeIf(time -> time.get() - now <= 0);
        }
        return allowed;
    }

    /** Seconds until a refused client has a token again (at least 1, for a Retry-After header). */
    public long retryAfterSeconds() {
        return Math.max(1, (intervalNanos + 999_999_999L) / 1_000_000_000L);
    }

    int trackedKeys() {
        return arrivals.size();
    }
}
