package org.faregate.fares.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.fares.charging.Fixtures.cny;
import static org.faregate.fares.charging.Fixtures.entry;
import static org.faregate.fares.charging.Fixtures.exit;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeLimitTest {

    /** Illustrative: a ride valid 2 hours, 3.00 per started 30 minutes beyond. */
    private static final TimeLimit TWO_HOURS = new TimeLimit(Duration.ofHours(2), Duration.ofMinutes(30), cny("3.00"));

    @ParameterizedTest(name = "exit at {0} -> surcharge {1}")
    @CsvSource({"08:30, 0.00", "10:00, 0.00", "10:00:01, 3.00", "10:30, 3.00", "10:30:01, 6.00", "11:00, 6.00",
            "14:00, 24.00"})
    void surchargePerStartedPeriodBeyondTheValidity(String exitTime, String surcharge) {
        Journey.Complete ride = new Journey.Complete(entry("T1", "08:00", "S1"), exit("T2", exitTime, "S2"));

        assertThat(TWO_HOURS.surcharge(ride).amount()).isEqualTo(cny(surcharge));
    }

    @Test
    void explanationNamesTheOvertimeAndThePeriods() {
        Journey.Complete ride = new Journey.Complete(entry("T1", "08:00", "S1"), exit("T2", "10:31", "S2"));

        assertThat(TWO_HOURS.surcharge(ride).explanation())
                .isEqualTo("ride 2h31m, 31m over 2h00m validity: 2 started 30m period(s) x 3.00 = 6.00");
    }

    @Test
    void validityAndPeriodMustBePositive() {
        assertThatThrownBy(() -> new TimeLimit(Duration.ZERO, Duration.ofMinutes(30), cny("3.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeLimit(Duration.ofHours(2), Duration.ofMinutes(30), cny("-3.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
