package org.faregate.validator.qr;

import com.google.zxing.GrayscaleLuminanceSource;
import com.google.zxing.InvertedLuminanceSource;
import com.google.zxing.LuminanceSource;

/**
 * A way of looking at a camera frame before ZXing binarizes it. Which views the decoder tries, and in which
 * order, was chosen by hit rate and time on the seeded photo corpus (docs/performance.md, "QR codes in
 * photos of phone screens").
 */
enum FrameView {
    /** The frame as the camera gave it. */
    ORIGINAL,
    /** Light and dark swapped: a phone in dark mode shows light modules on a dark screen. */
    INVERTED,
    /**
     * The frame turned a quarter: ZXing's finder-pattern search sometimes locks onto look-alikes in the data
     * area of a clean code; scanned from another side the same symbol reads.
     */
    QUARTER_TURN,
    /** Half the width and height, each pixel the mean of four: less noise, fewer pixels to scan. */
    HALF_SIZE,
    /** Levels stretched so the 1st and 99th percentiles become black and white: lifts low-contrast codes. */
    STRETCHED;

    /** The share of pixels, 1 in this many, clipped at each end by the stretch. */
    private static final int STRETCH_TAIL = 100;

    LuminanceSource of(LuminanceSource frame) {
        return switch (this) {
            case ORIGINAL -> frame;
            case INVERTED -> new InvertedLuminanceSource(frame);
            case QUARTER_TURN -> frame.isRotateSupported() ? frame.rotateCounterClockwise() : frame;
            case HALF_SIZE -> halfSize(frame);
            case STRETCHED -> stretched(frame);
        };
    }

    private static LuminanceSource halfSize(LuminanceSource frame) {
        int width = frame.getWidth() / 2;
        int height = frame.getHeight() / 2;
        byte[] in = frame.getMatrix();
        int stride = frame.getWidth();
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            int row = 2 * y * stride;
            for (int x = 0; x < width; x++) {
                int i = row + 2 * x;
                int sum = (in[i] & 0xFF) + (in[i + 1] & 0xFF) + (in[i + stride] & 0xFF) + (in[i + stride + 1] & 0xFF);
                out[y * width + x] = (byte) ((sum + 2) >> 2);
            }
        }
        return new GrayscaleLuminanceSource(width, height, out);
    }

    private static LuminanceSource stretched(LuminanceSource frame) {
        byte[] in = frame.getMatrix();
        int[] histogram = new int[256];
        for (byte b : in) {
            histogram[b & 0xFF]++;
        }
        int tail = in.length / STRETCH_TAIL;
        int low = 0;
        for (int seen = histogram[0]; seen <= tail && low < 255; seen += histogram[++low]) {
            // walks up to the 1st percentile
        }
        int high = 255;
        for (int seen = histogram[255]; seen <= tail && high > 0; seen += histogram[--high]) {
            // walks down to the 99th percentile
        }
        if (high <= low) {
            return frame;
        }
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            int v = ((in[i] & 0xFF) - low) * 255 / (high - low);
            out[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return new GrayscaleLuminanceSource(frame.getWidth(), frame.getHeight(), out);
    }
}
