package org.faregate.fares;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FareValuesTest {

    private static final Instant AT = Instant.parse("2025-03-03T08:00:00Z");

    @Test
    void tapWithBlankIdCannotExist() {
        assertThatThrownBy(() -> new FareTap(" ", AT, "S01", TapEvent.ENTRY, "adult"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tapId");
    }

    @Test
    void tapWithBlankRiderCategoryCannotExist() {
        assertThatThrownBy(() -> new FareTap("T1", AT, "S01", TapEvent.ENTRY, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("riderCategory");
    }

    @Test
    void tapWithoutTimeCannotExist() {
        assertThatThrownBy(() -> new FareTap("T1", null, "S01", TapEvent.ENTRY, "adult"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("at");
    }

    @Test
    void tapWithBlankStationCannotExist() {
        assertThatThrownBy(() -> new FareTap("T1", AT, "", TapEvent.ENTRY, "adult"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stationId");
    }

    @Test
    void chargeWithoutExplanationCannotExist() {
        assertThatThrownBy(() -> new FareCharge("T1", Taps.cny("1.00"), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explanation");
    }
}
