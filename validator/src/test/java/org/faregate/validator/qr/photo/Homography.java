package org.faregate.validator.qr.photo;

/**
 * A plane projective map (3×3 matrix with h33 = 1) fixed by four point pairs. The photo generator maps each
 * camera pixel back onto the phone's screen plane with it, so the warp needs no forward splatting.
 */
final class Homography {

    private final double[] h;

    private Homography(double[] h) {
        this.h = h;
    }

    /**
     * The map taking {@code from[i]} to {@code to[i]} for the four points given as {x, y} pairs; no three of
     * them may lie on a line.
     */
    static Homography mapping(double[][] from, double[][] to) {
        if (from.length != 4 || to.length != 4) {
            throw new IllegalArgumentException("a homography needs exactly four point pairs");
        }
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0];
            double y = from[i][1];
            double u = to[i][0];
            double v = to[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        double[] solution = solve(a);
        double[] h = new double[9];
        System.arraycopy(solution, 0, h, 0, 8);
        h[8] = 1;
        return new Homography(h);
    }

    /** Where {@code (x, y)} lands: {x', y'}. */
    double[] apply(double x, double y) {
        double[] out = new double[2];
        apply(x, y, out);
        return out;
    }

    /** Where {@code (x, y)} lands, written into {@code out} (no allocation in the per-pixel loop). */
    void apply(double x, double y, double[] out) {
        double w = h[6] * x + h[7] * y + h[8];
        out[0] = (h[0] * x + h[1] * y + h[2]) / w;
        out[1] = (h[3] * x + h[4] * y + h[5]) / w;
    }

    /** Gaussian elimination with partial pivoting of an n×(n+1) augmented system. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("degenerate points: three of them lie on a line");
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
