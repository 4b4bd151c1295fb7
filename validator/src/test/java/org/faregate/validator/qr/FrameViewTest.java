package org.faregate.validator.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.GrayscaleLuminanceSource;
import com.google.zxing.LuminanceSource;
import org.junit.jupiter.api.Test;

class FrameViewTest {

    private static LuminanceSource grey(int width, int height, int... levels) {
        byte[] pixels = new byte[levels.length];
        for (int i = 0; i < levels.length; i++) {
            pixels[i] = (byte) levels[i];
        }
        return new GrayscaleLuminanceSource(width, height, pixels);
    }

    private static int[] levels(LuminanceSource source) {
        byte[] matrix = source.getMatrix();
        int[] levels = new int[matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            levels[i] = matrix[i] & 0xFF;
        }
        return levels;
    }

    @Test
    void halfSizeIsTheMeanOfEachTwoByTwoBlockAndDropsAnOddEdge() {
        LuminanceSource frame = grey(5, 2,
                0, 4, 200, 100, 9,
                8, 12, 60, 40, 9);

        LuminanceSource half = FrameView.HALF_SIZE.of(frame);

        assertThat(half.getWidth()).isEqualTo(2);
        assertThat(half.getHeight()).isEqualTo(1);
        assertThat(levels(half)).containsExactly(6, 100);
    }

    @Test
    void stretchMapsTheDarkestAndLightestLevelsToBlackAndWhite() {
        int[] levels = new int[200];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = i % 2 == 0 ? 100 : 140;
        }
        levels[0] = 120;

        int[] stretched = levels(FrameView.STRETCHED.of(grey(20, 10, levels)));

        assertThat(stretched[1]).isEqualTo(255);
        assertThat(stretched[2]).isEqualTo(0);
        assertThat(stretched[0]).isEqualTo(127);
    }

    @Test
    void aFlatFrameIsLeftAsItIs() {
        LuminanceSource flat = grey(2, 2, 90, 90, 90, 90);

        assertThat(FrameView.STRETCHED.of(flat)).isSameAs(flat);
    }

    @Test
    void invertedSwapsLightAndDark() {
        assertThat(levels(FrameView.INVERTED.of(grey(2, 1, 0, 200)))).containsExactly(255, 55);
    }
}
