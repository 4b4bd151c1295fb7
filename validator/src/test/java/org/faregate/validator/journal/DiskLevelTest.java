package org.faregate.validator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiskLevelTest {

    @ParameterizedTest
    @CsvSource({
            "0, 1000000, OK",
            "699999, 1000000, OK",
            "700000, 1000000, WARNING",
            "899999, 1000000, WARNING",
            "900000, 1000000, CRITICAL",
            "995904, 1000000, CRITICAL",
            "995905, 1000000, FULL",
            "1000000, 1000000, FULL",
            "2000000, 1000000, FULL",
            "0, 4095, FULL",
            "0, 0, FULL"})
    void levelFollowsTheShareOfTheAllowanceAndTheRoomForOneMoreTap(long used, long capacity, DiskLevel level) {
        assertThat(DiskLevel.of(used, capacity)).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({"-1, 100"})
    void negativeUseIsAProgrammingError(long used, long capacity) {
        assertThatThrownBy(() -> DiskLevel.of(used, capacity)).isInstanceOf(IllegalArgumentException.class);
    }
}
