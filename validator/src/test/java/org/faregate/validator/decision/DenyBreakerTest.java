package org.faregate.validator.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DenyBreakerTest {

    @ParameterizedTest(name = "list of {0}, {1} new denials -> refused {2}")
    @CsvSource({
            // a big list: the share (1 %) is the binding limit
            "10000000, 100000, false",
            "10000000, 100001, true",
            "10000000, 250000, true",
            // a small list may still grow by the absolute limit
            "0, 10000, false",
            "0, 10001, true",
            "50000, 10000, false",
            "50000, 10001, true",
            // at exactly 1,000,000 both limits are 10,000
            "1000000, 10000, false",
            "1000000, 10001, true",
            // between: 1 % of 2,000,000 is 20,000
            "2000000, 20000, false",
            "2000000, 20001, true",
            "2000000, 0, false"
    })
    void defaultRefusesOnlyWhenBothLimitsAreExceeded(long listSize, long newlyDenied, boolean refused) {
        assertThat(DenyBreaker.DEFAULT.refusal(listSize, newlyDenied).isPresent()).isEqualTo(refused);
    }

    @Test
    void refusalSaysHowManyAndTheLimits() {
        assertThat(DenyBreaker.DEFAULT.refusal(1_000_000, 65_000))
                .hasValue("would newly deny 65000 credentials on a list of 1000000 (limit 1.0 % and 10000)");
    }

    @Test
    void negativeLimitsAreRejected() {
        assertThatThrownBy(() -> new DenyBreaker(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
