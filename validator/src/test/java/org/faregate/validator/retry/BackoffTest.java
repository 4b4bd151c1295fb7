package org.faregate.validator.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    @Test
    void pausesDoubleFromTheFirstUpToTheCap() {
        assertThat(backoff.pause(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.pause(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.pause(5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.pause(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.pause(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void attemptsCountFromOneAndTheCapIsNotBelowTheFirstPause() {
        assertThatThrownBy(() -> backoff.pause(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
