package org.faregate.validator.qr.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HomographyTest {

    @Test
    void mapsEachOfTheFourCornersOntoItsTargetAndLinesStayLines() {
        double[][] square = {{0, 0}, {100, 0}, {100, 100}, {0, 100}};
        double[][] trapezoid = {{210, 40}, {390, 60}, {420, 300}, {180, 330}};

        Homography map = Homography.mapping(square, trapezoid);

        for (int i = 0; i < 4; i++) {
            assertThat(map.apply(square[i][0], square[i][1])).containsExactly(trapezoid[i], within(1e-9));
        }
        double[] middleOfTopEdge = map.apply(50, 0);
        double slope = (trapezoid[1][1] - trapezoid[0][1]) / (trapezoid[1][0] - trapezoid[0][0]);
        assertThat(middleOfTopEdge[1] - trapezoid[0][1])
                .isCloseTo(slope * (middleOfTopEdge[0] - trapezoid[0][0]), within(1e-9));
    }

    @Test
    void threePointsOnALineAreRefused() {
        double[][] collinear = {{0, 0}, {1, 1}, {2, 2}, {0, 5}};
        double[][] square = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};

        assertThatThrownBy(() -> Homography.mapping(collinear, square)).isInstanceOf(IllegalArgumentException.class);
    }
}
