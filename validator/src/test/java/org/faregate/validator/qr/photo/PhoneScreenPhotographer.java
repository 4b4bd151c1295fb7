package org.faregate.validator.qr.photo;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Takes a 640×480 grey camera picture of a phone screen showing a QR symbol, as a gate's reader sees a phone
 * held to it: the code on the screen, the phone's dark bezel, a darker background with uneven light. The
 * screen is posed in 3-D (turned, tilted) and projected through a pinhole camera; every camera pixel is
 * mapped back onto the screen plane by a {@link Homography} and sampled (bilinear; 2×2 a pixel for small
 * codes), then the shot's effects are applied in the order light meets them: contrast and glare on the
 * glass, then the lens (defocus, motion), the sensor (noise) and the frame's compression.
 */
final class PhoneScreenPhotographer {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final double FOCAL_LENGTH = 800;
    private static final float BEZEL = 10;
    /** Below this many pixels a module one sample per pixel aliases; 2×2 samples average over the pixel. */
    private static final double SUPERSAMPLE_BELOW = 3;

    /**
     * The picture of {@code symbol} (black modules on white, quiet zone included, {@code symbolPixelsPerModule}
     * pixels a module) taken as {@code shot} says; {@code random} picks the background and the glare's place.
     */
    BufferedImage photograph(BufferedImage symbol, int symbolPixelsPerModule, Shot shot, Random random) {
        GreyFrame code = GreyFrame.of(symbol);
        double half = code.width / (2.0 * symbolPixelsPerModule);
        double[][] plane = {{-half, -half}, {half, -half}, {half, half}, {-half, half}};
        double[][] frame = new double[4][];
        for (int i = 0; i < 4; i++) {
            frame[i] = project(plane[i][0], plane[i][1], shot);
        }
        Homography toPlane = Homography.mapping(frame, plane);
        double background = 40 + random.nextDouble() * 50;
        double slopeX = (random.nextDouble() - 0.5) * 0.1;
        double slopeY = (random.nextDouble() - 0.5) * 0.1;

        GreyFrame picture = new GreyFrame(WIDTH, HEIGHT);
        double[] uv = new double[2];
        int grid = shot.modulePixels() < SUPERSAMPLE_BELOW ? 2 : 1;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double sum = 0;
                for (int sub = 0; sub < grid * grid; sub++) {
                    toPlane.apply(x + (0.5 + sub % grid) / grid, y + (0.5 + sub / grid) / grid, uv);
                    double value = screen(code, symbolPixelsPerModule, half, uv[0], uv[1], shot);
                    sum += Double.isNaN(value) ? background + slopeX * (x - WIDTH / 2.0) + slopeY * y : value;
                }
                picture.set(x, y, (float) (sum / (grid * grid)));
            }
        }
        return effects(picture, shot, frame, half * 2 * shot.modulePixels(), random).toImage();
    }

    private static GreyFrame effects(GreyFrame picture, Shot shot, double[][] corners, double side, Random random) {
        GreyFrame out = picture;
        if (shot.contrast() != 1) {
            out = CameraEffects.contrast(out, shot.contrast());
        }
        if (shot.glare() > 0) {
            double cx = (corners[0][0] + corners[2][0]) / 2 + (random.nextDouble() - 0.5) * 0.6 * side;
            double cy = (corners[0][1] + corners[2][1]) / 2 + (random.nextDouble() - 0.5) * 0.6 * side;
            out = CameraEffects.glare(out, cx, cy, shot.glareRadius() * side, shot.glare());
        }
        if (shot.defocus() > 0) {
            out = CameraEffects.defocus(out, shot.defocus());
        }
        if (shot.motion() > 0) {
            out = CameraEffects.motion(out, shot.motion(), shot.motionAngle());
        }
        out = CameraEffects.noise(out, shot.noise(), random);
        if (shot.jpegQuality() > 0) {
            out = CameraEffects.jpeg(out, shot.jpegQuality());
        }
        return out;
    }

    /** Luminance at screen-plane point (u, v) in modules from the code's centre; NaN off the phone. */
    private static double screen(GreyFrame code, int symbolPixelsPerModule, double half, double u, double v,
                                 Shot shot) {
        double light = shot.lightLevel();
        double dark = shot.darkLevel();
        if (Math.abs(u) <= half && Math.abs(v) <= half) {
            double white = code.sample((u + half) * symbolPixelsPerModule, (v + half) * symbolPixelsPerModule) / 255.0;
            return shot.darkMode() ? light - white * (light - dark) : dark + white * (light - dark);
        }
        if (Math.abs(u) <= half * 1.25 && v >= -half * 1.7 && v <= half * 2.3) {
            return shot.darkMode() ? dark : light;
        }
        if (Math.abs(u) <= half * 1.25 + 2 && v >= -half * 1.7 - 3 && v <= half * 2.3 + 3) {
            return BEZEL;
        }
        return Double.NaN;
    }

    /** Where a screen-plane point lands in the frame: turned, tilted, then seen through a pinhole camera. */
    private static double[] project(double u, double v, Shot shot) {
        double turn = Math.toRadians(shot.rotation());
        double x = shot.modulePixels() * (u * Math.cos(turn) - v * Math.sin(turn));
        double y = shot.modulePixels() * (u * Math.sin(turn) + v * Math.cos(turn));
        // Rodrigues' rotation of (x, y, 0) about the in-plane unit axis (ax, ay, 0) by the tilt
        double axis = Math.toRadians(shot.tiltAxis());
        double ax = Math.cos(axis);
        double ay = Math.sin(axis);
        double tilt = Math.toRadians(shot.tilt());
        double along = ax * x + ay * y;
        double cos = Math.cos(tilt);
        double sin = Math.sin(tilt);
        double rx = x * cos + ax * along * (1 - cos);
        double ry = y * cos + ay * along * (1 - cos);
        double rz = (ax * y - ay * x) * sin;
        double depth = FOCAL_LENGTH + rz;
        return new double[] {
            WIDTH / 2.0 + shot.offsetX() + FOCAL_LENGTH * rx / depth,
            HEIGHT / 2.0 + shot.offsetY() + FOCAL_LENGTH * ry / depth};
    }
}
