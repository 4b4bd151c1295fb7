package org.faregate.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.fares.Taps.board;
import static org.faregate.fares.Taps.cny;
import static org.faregate.fares.Taps.entry;
import static org.faregate.fares.Taps.exit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OrderIndependenceTest {

    /** A busy day: complete, incomplete, overlong, unmatched and board taps, two taps at the same instant. */
    private static final List<FareTap> DAY = List.of(
            entry("T01", "06:00", "S01"), exit("T02", "06:30", "S04"),
            entry("T03", "07:00", "S02"),
            entry("T04", "08:00", "S03"), exit("T05", "08:10", "S03"),
            exit("T06", "09:00", "S01"),
            board("T07", "10:00", "S02"), board("T08", "10:00", "S03"),
            entry("T09", "11:00", "S04"), exit("T10", "15:00", "S01"));

    static Stream<FareRules> rules() {
        return Stream.of(ZoneFareTest.LINE, FlatFare.of(cny("2.00")));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void shuffledTapsGetTheSameCharges(FareRules rules) {
        List<FareCharge> expected = rules.price(DAY);
        Random random = new Random(20250303L);
        for (int round = 0; round < 50; round++) {
            List<FareTap> shuffled = new ArrayList<>(DAY);
            Collections.shuffle(shuffled, random);

            assertThat(rules.price(shuffled)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyTapGetsExactlyOneChargeInChronologicalOrder(FareRules rules) {
        List<FareTap> reversed = new ArrayList<>(DAY);
        Collections.reverse(reversed);

        assertThat(rules.price(reversed)).extracting(FareCharge::tapId)
                .containsExactlyElementsOf(DAY.stream().map(FareTap::tapId).toList());
    }
}
