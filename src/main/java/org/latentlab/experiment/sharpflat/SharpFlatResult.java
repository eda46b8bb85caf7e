package org.latentlab.experiment.sharpflat;

import java.util.List;

/**
 * What a sharp/flat comparison measured.
 *
 * @param options       its size
 * @param network       the classifier, as its spec prints
 * @param arms          the small batch, then the large batch
 * @param alpha         the interpolation's positions θ(α) = (1 − α)θ_small + α·θ_large
 * @param interpolation the training and held-out loss along the interpolation, [seed][point]
 * @param heldOutAlong  the held-out loss along it, [seed][point]
 * @param lineAlpha     the positions α of the lines θ + α·d through each minimum
 * @param seconds       the wall time
 */
public record SharpFlatResult(SharpFlatOptions options, String network, List<Arm> arms, double[] alpha,
                              double[][] interpolation, double[][] heldOutAlong, double[] lineAlpha,
                              double seconds) {

    /**
     * One batch size's minima, one entry per seed.
     *
     * @param name       "small batch" or "large batch"
     * @param batch      the batch size
     * @param epochs     epochs trained, per seed
     * @param lambda1    the training loss's top Hessian eigenvalue at each minimum
     * @param trainAcc   training accuracy
     * @param testAcc    held-out accuracy
     * @param trainLoss  training loss (mean cross-entropy, nats)
     * @param testLoss   held-out loss
     * @param lines      the training loss along θ + α·d, [seed][direction][point]
     */
    public record Arm(String name, int batch, int[] epochs, double[] lambda1, double[] trainAcc, double[] testAcc,
                      double[] trainLoss, double[] testLoss, double[][][] lines) {

        /** The line through the minimum averaged over seeds and directions. */
        public double[] meanLine() {
            int points = lines[0][0].length;
            double[] m = new double[points];
            int count = 0;
            for (double[][] seed : lines) {
                for (double[] line : seed) {
                    for (int p = 0; p < points; p++) {
                        m[p] += line[p];
                    }
                    count++;
                }
            }
            for (int p = 0; p < points; p++) {
                m[p] /= count;
            }
            return m;
        }
    }

    /** The mean over seeds of rows [seed][point], point by point. */
    public static double[] meanRows(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (double[] r : rows) {
            for (int p = 0; p < m.length; p++) {
                m[p] += r[p] / rows.length;
            }
        }
        return m;
    }

    /** The mean of the values. */
    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The sample standard deviation (n − 1), 0 for one value. */
    public static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
