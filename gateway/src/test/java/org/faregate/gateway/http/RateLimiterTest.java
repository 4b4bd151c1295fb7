package org.faregate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(10, 3, now::get);

    @Test
    void aBurstIsAllowedThenTheRateAndEachAddressHasItsOwnBucket() {
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).isTrue();

        now.addAndGet(99_000_000L);
        assertThat(limiter.tryAcquire("a")).as("0.99 of a token after 99 ms at 10/s").isFalse();
        now.addAndGet(1_000_000L);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();

        now.addAndGet(10_000_000_000L);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).as("never more than the burst, however long it waited").isFalse();
    }

    @Test
    void bucketsThatWouldBeFullAgainAreForgotten() {
        for (int i = 0; i < 5_000; i++) {
            limiter.tryAcquire("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(limiter.trackedKeys()).isEqualTo(5_000);

        now.addAndGet(1_000_000_000L);
        for (int i = 0; i < 4_096; i++) {
            limiter.tryAcquire("gate");
        }

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }
}
