package org.faregate.validator.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.faregate.protocol.Reason;
import org.junit.jupiter.api.Test;

class RiderDisplayTest {

    @Test
    void everyReasonHasItsOwnRiderText() {
        assertThat(Reason.values()).allSatisfy(reason -> assertThat(RiderDisplay.textFor(reason)).isNotBlank());
        assertThat(Arrays.stream(Reason.values()).map(RiderDisplay::textFor).distinct().count())
                .isEqualTo(Reason.values().length);
    }
}
