package org.faregate.validator.qr.photo;

import java.util.Random;

/**
 * The kinds of trouble a gate camera meets, each at graded strengths 1 (mild) to 3 (harsh) ({@link #CLEAN}
 * has strength 0 only). Every shot starts from the same everyday base (the phone roughly upright and a
 * little tilted, 3–4.5 pixels a module, slight defocus and noise) and then makes one thing worse.
 */
public enum Distortion {
    CLEAN, ROTATION, PERSPECTIVE, DEFOCUS, MOTION, LOW_CONTRAST, DARK_MODE, GLARE, NOISE, JPEG, SMALL, LARGE;

    /** The strengths this kind is generated at. */
    public int[] strengths() {
        return this == CLEAN ? new int[] {0} : new int[] {1, 2, 3};
    }

    /** One random shot of this kind at {@code strength}; the same random sequence gives the same shot. */
    Shot shot(int strength, Random random) {
        if (this == CLEAN ? strength != 0 : strength < 1 || strength > 3) {
            throw new IllegalArgumentException(this + " has no strength " + strength);
        }
        int s = strength - 1;
        double modulePixels = uniform(random, 3.0, 4.5);
        double rotation = uniform(random, -8, 8);
        double tilt = uniform(random, 0, 10);
        double tiltAxis = uniform(random, 0, 180);
        double offsetX = uniform(random, -40, 40);
        double offsetY = uniform(random, -30, 30);
        double light = uniform(random, 190, 240);
        double dark = uniform(random, 15, 40);
        boolean darkMode = false;
        double contrast = 1;
        double glare = 0;
        double glareRadius = 0;
        double defocus = 0.7;
        double motion = 0;
        double motionAngle = uniform(random, 0, 180);
        double noise = 3;
        float jpeg = 0;
        switch (this) {
            case CLEAN -> { }
            case ROTATION -> rotation = uniform(random, -1, 1) * new double[] {30, 90, 180}[s];
            case PERSPECTIVE -> tilt = new double[] {25, 40, 55}[s] - uniform(random, 0, 5);
            case DEFOCUS -> defocus = new double[] {1.2, 1.7, 2.2}[s];
            case MOTION -> motion = new double[] {5, 9, 13}[s];
            case LOW_CONTRAST -> contrast = new double[] {0.3, 0.18, 0.10}[s];
            case DARK_MODE -> {
                darkMode = true;
                light = new double[] {220, 150, 100}[s];
                dark = uniform(random, 10, 25);
            }
            case GLARE -> {
                glare = new double[] {150, 250, 400}[s];
                glareRadius = new double[] {0.35, 0.45, 0.55}[s];
            }
            case NOISE -> noise = new double[] {10, 18, 28}[s];
            case JPEG -> jpeg = new float[] {0.4f, 0.2f, 0.08f}[s];
            case SMALL -> modulePixels = new double[] {2.5, 2.1, 1.8}[s];
            case LARGE -> {
                modulePixels = new double[] {5.0, 6.0, 6.8}[s];
                offsetX /= 4;
                offsetY /= 4;
            }
        }
        return new Shot(modulePixels, rotation, tilt, tiltAxis, offsetX, offsetY, darkMode, light, dark, contrast,
                glare, glareRadius, defocus, motion, motionAngle, noise, jpeg);
    }

    private static double uniform(Random random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }
}
