package org.faregate.fares.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.fares.charging.Fixtures.cny;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** DOMAIN.md section 3: Shanghai and Beijing metro distance fares, at every band edge. */
class DistanceBandsTest {

    static DistanceBands shanghai(BoundaryRule boundary) {
        return new DistanceBands(cny("3.00"), 6_000,
                List.of(DistanceBand.unbounded(6_000, 10_000, cny("1.00"))), boundary);
    }

    static DistanceBands beijing(BoundaryRule boundary) {
        return new DistanceBands(cny("3.00"), 6_000, List.of(
                new DistanceBand(6_000, 12_000, 6_000, cny("1.00")),
                new DistanceBand(12_000, 32_000, 10_000, cny("1.00")),
                DistanceBand.unbounded(32_000, 20_000, cny("1.00"))), boundary);
    }

    @ParameterizedTest(name = "Shanghai {0} m = {1}, boundary in lower band")
    @CsvSource({"0, 3.00", "1, 3.00", "5999, 3.00", "6000, 3.00", "6001, 4.00", "15999, 4.00", "16000, 4.00",
            "16001, 5.00", "26000, 5.00", "26001, 6.00", "36000, 6.00", "36001, 7.00", "86000, 11.00", "86001, 12.00"})
    void shanghaiLowerBand(long metres, String fare) {
        assertThat(shanghai(BoundaryRule.LOWER_BAND).fareFor(metres).amount()).isEqualTo(cny(fare));
    }

    @ParameterizedTest(name = "Shanghai {0} m = {1}, boundary in upper band")
    @CsvSource({"0, 3.00", "5999, 3.00", "6000, 4.00", "6001, 4.00", "15999, 4.00", "16000, 5.00", "25999, 5.00",
            "26000, 6.00"})
    void shanghaiUpperBand(long metres, String fare) {
        assertThat(shanghai(BoundaryRule.UPPER_BAND).fareFor(metres).amount()).isEqualTo(cny(fare));
    }

    @ParameterizedTest(name = "Beijing {0} m = {1}, boundary in lower band")
    @CsvSource({"0, 3.00", "5999, 3.00", "6000, 3.00", "6001, 4.00", "11999, 4.00", "12000, 4.00", "12001, 5.00",
            "22000, 5.00", "22001, 6.00", "32000, 6.00", "32001, 7.00", "52000, 7.00", "52001, 8.00", "72000, 8.00",
            "72001, 9.00"})
    void beijingLowerBand(long metres, String fare) {
        assertThat(beijing(BoundaryRule.LOWER_BAND).fareFor(metres).amount()).isEqualTo(cny(fare));
    }

    @ParameterizedTest(name = "Beijing {0} m = {1}, boundary in upper band")
    @CsvSource({"5999, 3.00", "6000, 4.00", "11999, 4.00", "12000, 5.00", "21999, 5.00", "22000, 6.00",
            "31999, 6.00", "32000, 7.00", "51999, 7.00", "52000, 8.00", "71999, 8.00", "72000, 9.00"})
    void beijingUpperBand(long metres, String fare) {
        assertThat(beijing(BoundaryRule.UPPER_BAND).fareFor(metres).amount()).isEqualTo(cny(fare));
    }

    @Test
    void explanationShowsTheBaseAndEveryBand() {
        assertThat(beijing(BoundaryRule.LOWER_BAND).fareFor(32_001).explanation()).isEqualTo(
                "distance 32.001 km: 3.00 to 6.000 km + 1 x 1.00 per 6.000 km + 2 x 1.00 per 10.000 km"
                        + " + 1 x 1.00 per 20.000 km = 7.00 CNY");
    }

    @Test
    void beyondALastBoundedBandTheFareStaysAtItsHighest() {
        DistanceBands capped = new DistanceBands(cny("3.00"), 6_000,
                List.of(new DistanceBand(6_000, 26_000, 10_000, cny("1.00"))), BoundaryRule.LOWER_BAND);

        assertThat(capped.fareFor(100_000).amount()).isEqualTo(cny("5.00"));
    }

    @Test
    void bandsMustBeContiguousAndWholeSteps() {
        assertThatThrownBy(() -> new DistanceBands(cny("3.00"), 6_000,
                List.of(DistanceBand.unbounded(7_000, 10_000, cny("1.00"))), BoundaryRule.LOWER_BAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contiguous");
        assertThatThrownBy(() -> new DistanceBand(6_000, 13_000, 6_000, cny("1.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> shanghai(BoundaryRule.LOWER_BAND).fareFor(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
