package org.faregate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TapIdTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant T = Instant.parse("2026-11-25T08:00:00.123Z");

    @Test
    void aTapIdIsAVersionSevenUuidCarryingTheTapsMillisecond() {
        UUID id = TapId.timeOrdered(T, RANDOM).value();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
        assertThat(id.toString()).startsWith("01a211b7-fc7b-7");
    }

    @Test
    void idsOfLaterTapsSortLaterAsTheDatabaseComparesThem() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(TapId.timeOrdered(T.plusMillis(i), RANDOM).toString());
        }

        assertThat(ids).isSorted();
    }

    @Test
    void idsOfTheSameMillisecondDifferByTheirRandomBits() {
        HashSet<TapId> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TapId.timeOrdered(T, RANDOM));
        }

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aTimeBefore1970IsRefused() {
        assertThatThrownBy(() -> TapId.timeOrdered(Instant.parse("1969-12-31T23:59:59Z"), RANDOM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1969-12-31T23:59:59Z");
    }
}
