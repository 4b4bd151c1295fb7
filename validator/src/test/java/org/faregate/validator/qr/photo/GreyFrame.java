package org.faregate.validator.qr.photo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A grey picture as floating-point luminance (0 black to 255 white, values may stray outside until
 * {@link #toImage()} clips them), so that effects can be chained without rounding at every step.
 */
final class GreyFrame {

    final int width;
    final int height;
    final float[] pixels;

    GreyFrame(int width, int height) {
        this(width, height, new float[width * height]);
    }

    private GreyFrame(int width, int height, float[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /**
     * The luminance of any picture ImageIO produces: an 8-bit grey image's samples as they are (its
     * {@code getRGB} would convert them from a linear grey space), otherwise rec. 601 weights of the RGB.
     */
    static GreyFrame of(BufferedImage image) {
        GreyFrame frame = new GreyFrame(image.getWidth(), image.getHeight());
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            image.getRaster().getSamples(0, 0, frame.width, frame.height, 0, frame.pixels);
            return frame;
        }
        for (int y = 0; y < frame.height; y++) {
            for (int x = 0; x < frame.width; x++) {
                int rgb = image.getRGB(x, y);
                frame.pixels[y * frame.width + x] =
                        0.299f * ((rgb >> 16) & 0xFF) + 0.587f * ((rgb >> 8) & 0xFF) + 0.114f * (rgb & 0xFF);
            }
        }
        return frame;
    }

    GreyFrame copy() {
        return new GreyFrame(width, height, pixels.clone());
    }

    float get(int x, int y) {
        return pixels[y * width + x];
    }

    void set(int x, int y, float value) {
        pixels[y * width + x] = value;
    }

    /** Bilinear interpolation between the four nearest pixel centres, edges clamped. */
    float sample(double x, double y) {
        double fx = Math.max(0, Math.min(width - 1.0, x - 0.5));
        double fy = Math.max(0, Math.min(height - 1.0, y - 0.5));
        int x0 = (int) fx;
        int y0 = (int) fy;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double ax = fx - x0;
        double ay = fy - y0;
        double top = get(x0, y0) * (1 - ax) + get(x1, y0) * ax;
        double bottom = get(x0, y1) * (1 - ax) + get(x1, y1) * ax;
        return (float) (top * (1 - ay) + bottom * ay);
    }

    /** An 8-bit grey image, each value rounded and clipped to 0..255. */
    BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            data[i] = (byte) Math.max(0, Math.min(255, Math.round(pixels[i])));
        }
        return image;
    }
}
