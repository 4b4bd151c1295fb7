package org.faregate.validator.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.faregate.protocol.Bytes;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    private static final Instant T = Instant.parse("2025-06-02T08:00:00Z");

    private static Bytes key(int n) {
        return Bytes.of(new byte[] {(byte) (n >> 8), (byte) n});
    }

    @Test
    void keyIsRefusedUntilItsTimeAndForgottenAfter() {
        ReplayGuard guard = new ReplayGuard(10);

        assertThat(guard.firstSighting(key(1), T.plusSeconds(90), T)).isTrue();
        assertThat(guard.firstSighting(key(1), T.plusSeconds(90), T.plusSeconds(90))).isFalse();
        assertThat(guard.firstSighting(key(2), T.plusSeconds(200), T.plusSeconds(91))).isTrue();
        assertThat(guard.size()).isEqualTo(1);
    }

    @Test
    void memoryStaysWithinCapacityDroppingTheOldest() {
        ReplayGuard guard = new ReplayGuard(100);
        for (int i = 0; i < 1000; i++) {
            guard.firstSighting(key(i), T.plusSeconds(3600), T);
        }

        assertThat(guard.size()).isEqualTo(100);
        assertThat(guard.firstSighting(key(999), T.plusSeconds(3600), T)).isFalse();
        assertThat(guard.firstSighting(key(0), T.plusSeconds(3600), T)).isTrue();
    }
}
