package org.faregate.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PercentDiscountTest {

    @ParameterizedTest(name = "{0} at {1}% off = {2}")
    @CsvSource({
        "4.00, 50, 2.00",
        "3.25, 50, 1.63",   // 1.625: exact half rounds up
        "3.23, 50, 1.62",   // 1.615: exact half rounds up
        "0.01, 50, 0.01",   // 0.005: exact half rounds up
        "0.03, 33, 0.02",   // 0.0201 rounds down
        "0.03, 50, 0.02",   // 0.015 rounds up
        "0.07, 10, 0.06",   // 0.063 rounds down
        "0.05, 10, 0.05",   // 0.045 rounds up
        "3.00,  0, 3.00",
        "3.00, 100, 0.00",
    })
    void discountIsExactAndRoundsHalfUpToTheMinorUnit(String fare, int percent, String expected) {
        assertThat(new PercentDiscount(percent).applyTo(Taps.cny(fare))).isEqualTo(Taps.cny(expected));
    }

    @ParameterizedTest
    @CsvSource({"-1", "101"})
    void percentOutsideZeroToHundredIsRejected(int percent) {
        assertThatThrownBy(() -> new PercentDiscount(percent)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeAmountIsNotDiscounted() {
        assertThatThrownBy(() -> new PercentDiscount(50).applyTo(Taps.cny("-1.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
