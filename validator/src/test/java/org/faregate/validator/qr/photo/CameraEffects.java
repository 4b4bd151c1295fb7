package org.faregate.validator.qr.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** What a gate camera and the screen glass do to a picture; each effect returns a new frame. */
final class CameraEffects {

    private CameraEffects() {
    }

    /** Defocus: a separable Gaussian blur of standard deviation {@code sigma} pixels. */
    static GreyFrame defocus(GreyFrame in, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        GreyFrame across = new GreyFrame(in.width, in.height);
        for (int y = 0; y < in.height; y++) {
            for (int x = 0; x < in.width; x++) {
                float v = 0;
                for (int k = -radius; k <= radius; k++) {
                    v += kernel[k + radius] * in.get(Math.max(0, Math.min(in.width - 1, x + k)), y);
                }
                across.set(x, y, v);
            }
        }
        GreyFrame out = new GreyFrame(in.width, in.height);
        for (int y = 0; y < in.height; y++) {
            for (int x = 0; x < in.width; x++) {
                float v = 0;
                for (int k = -radius; k <= radius; k++) {
                    v += kernel[k + radius] * across.get(x, Math.max(0, Math.min(in.height - 1, y + k)));
                }
                out.set(x, y, v);
            }
        }
        return out;
    }

    /** Motion blur: the mean along a straight streak of {@code length} pixels at {@code degrees}. */
    static GreyFrame motion(GreyFrame in, double length, double degrees) {
        int taps = Math.max(2, (int) Math.ceil(length) + 1);
        double dx = Math.cos(Math.toRadians(degrees)) * length / (taps - 1);
        double dy = Math.sin(Math.toRadians(degrees)) * length / (taps - 1);
        GreyFrame out = new GreyFrame(in.width, in.height);
        for (int y = 0; y < in.height; y++) {
            for (int x = 0; x < in.width; x++) {
                float v = 0;
                for (int t = 0; t < taps; t++) {
                    double offset = t - (taps - 1) / 2.0;
                    v += in.sample(x + 0.5 + offset * dx, y + 0.5 + offset * dy);
                }
                out.set(x, y, v / taps);
            }
        }
        return out;
    }

    /** Squeezes every value towards mid-grey by {@code factor} (1 leaves the picture as it is). */
    static GreyFrame contrast(GreyFrame in, double factor) {
        GreyFrame out = in.copy();
        for (int i = 0; i < out.pixels.length; i++) {
            out.pixels[i] = (float) (128 + (out.pixels[i] - 128) * factor);
        }
        return out;
    }

    /**
     * Glare: a soft bright reflection on the screen glass, Gaussian around {@code (cx, cy)}, added and then
     * clipped at white as a saturated sensor does, so the code beneath it washes out.
     */
    static GreyFrame glare(GreyFrame in, double cx, double cy, double radius, double amplitude) {
        GreyFrame out = in.copy();
        for (int y = 0; y < in.height; y++) {
            for (int x = 0; x < in.width; x++) {
                double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                float v = (float) (in.get(x, y) + amplitude * Math.exp(-r2 / (2 * radius * radius)));
                out.set(x, y, Math.min(255f, v));
            }
        }
        return out;
    }

    /**
     * Sensor noise of standard deviation {@code sigma}, independent on every pixel: nearly Gaussian, the sum
     * of four 16-bit uniform draws cut from one random long (a {@link Random#nextGaussian()} a pixel made
     * noise the slowest step of the generator).
     */
    static GreyFrame noise(GreyFrame in, double sigma, Random random) {
        GreyFrame out = in.copy();
        SplittableRandom draws = new SplittableRandom(random.nextLong());
        float scale = (float) (sigma * Math.sqrt(3) / 65536);
        for (int i = 0; i < out.pixels.length; i++) {
            long bits = draws.nextLong();
            long sum = (bits & 0xFFFF) + ((bits >>> 16) & 0xFFFF) + ((bits >>> 32) & 0xFFFF) + (bits >>> 48);
            out.pixels[i] += (sum - 2 * 65536) * scale;
        }
        return out;
    }

    /** A JPEG round trip at {@code quality} (0 to 1), as a camera that streams compressed frames gives. */
    static GreyFrame jpeg(GreyFrame in, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(in.toImage(), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding in memory failed", e);
        } finally {
            writer.dispose();
        }
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            return GreyFrame.of(decoded);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG decoding in memory failed", e);
        }
    }
}
