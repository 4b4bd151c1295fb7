package org.faregate.gateway.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client key (the remote address): {@code perSecond} tokens a second up to {@code burst};
 * a request takes one or is refused. Buckets idle long enough to be full again are dropped on the next sweep,
 * so a scan from many addresses does not grow the map without end. Time comes from a nanosecond source.
 */
public final class RateLimiter {

    private static final int SWEEP_EVERY = 4_096;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private int sinceSweep;

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(int perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate limit needs a positive rate and burst");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes a token for {@code key}; false when its bucket is empty (the request is to be refused). */
    public boolean tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        boolean allowed;
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perNano);
            bucket.at = now;
            allowed = bucket.tokens >= 1;
            if (allowed) {
                bucket.tokens -= 1;
            }
        }
        sweepNow(now);
        return allowed;
    }

    /** Seconds until {@code key} has a token again (at least 1, for a Retry-After header). */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / (perNano * 1e9)));
    }

    int trackedKeys() {
        return buckets.size();
    }

    private void sweepNow(long now) {
        if (++sinceSweep < SWEEP_EVERY) {
            return;
        }
        sinceSweep = 0;
        long refill = (long) (burst / perNano);
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return now - entry.getValue().at > refill;
            }
        });
    }
}
