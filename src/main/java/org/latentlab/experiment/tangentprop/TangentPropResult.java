package org.latentlab.experiment.tangentprop;

import java.util.List;

/**
 * What a Tangent Prop comparison measured: per arm (plain, classic tangents, autoencoder tangents) and seed the
 * held-out accuracy at the end, on shifted and on rotated copies of the held-out images, and the held-out accuracy
 * curve; a few training images with their tangents, to look at.
 */
public record TangentPropResult(TangentPropOptions options, String network, String translatedAbout,
                                String rotatedAbout, List<Arm> arms, Examples examples, double seconds) {

    /** One classifier, trained once per seed. */
    public record Arm(String name, String about, double[] heldOut, double[] translated, double[] rotated,
                      long[] curveIterations, double[][] curves) {

        /** The mean over seeds of the curve at each of its iterations. */
        public double[] meanCurve() {
            double[] m = new double[curveIterations.length];
            for (double[] c : curves) {
                for (int i = 0; i < m.length; i++) {
                    m[i] += c[i] / curves.length;
                }
            }
            return m;
        }
    }

    /**
     * Training images (one channel, height × width) and, for each, its classic tangents and its autoencoder
     * tangents (unit vectors), [image][tangent][pixel].
     */
    public record Examples(int height, int width, float[][] images, float[][][] classic, float[][][] autoencoder) {
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
