package org.faregate.fares.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.fares.charging.Fixtures.cny;
import static org.faregate.fares.charging.Fixtures.entry;
import static org.faregate.fares.charging.Fixtures.exit;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DistanceFareTest {

    private static final DistanceTable TABLE = DistanceTable.of(List.of(
            new StopDistance("XJH", "PSD", 6_000), new StopDistance("XJH", "HQ", 16_001)), true);
    private static final DistanceFare SHANGHAI =
            new DistanceFare(TABLE, DistanceBandsTest.shanghai(BoundaryRule.LOWER_BAND));

    @Test
    void symmetricTableAnswersBothDirections() {
        assertThat(TABLE.metres("PSD", "XJH")).isEqualTo(OptionalLong.of(6_000));
        assertThat(TABLE.metres("XJH", "PSD")).isEqualTo(OptionalLong.of(6_000));
    }

    @Test
    void directedTableAnswersOnlyTheRowsDirection() {
        DistanceTable directed = DistanceTable.of(List.of(new StopDistance("A", "B", 1_000)), false);

        assertThat(directed.metres("B", "A")).isEmpty();
    }

    @Test
    void sameStationIsZeroMetres() {
        assertThat(SHANGHAI.fare("XJH", "XJH").orElseThrow().amount()).isEqualTo(cny("3.00"));
    }

    @Test
    void completeJourneyIsPricedByTableDistance() {
        Price price = SHANGHAI.fare(new Journey.Complete(entry("T1", "08:00", "XJH"), exit("T2", "08:40", "HQ")))
                .orElseThrow();

        assertThat(price.amount()).isEqualTo(cny("5.00"));
        assertThat(price.explanation()).startsWith("XJH->HQ distance 16.001 km: 3.00 to 6.000 km + 2 x 1.00");
    }

    @Test
    void unknownPairHasNoFare() {
        assertThat(SHANGHAI.fare("PSD", "HQ")).isEmpty();
    }

    @Test
    void contradictoryRowsAreRefused() {
        assertThatThrownBy(() -> DistanceTable.of(List.of(new StopDistance("A", "B", 1_000),
                new StopDistance("B", "A", 1_200)), true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1200");
    }
}
