package org.latentlab.analysis;

import java.util.Random;

/** Dense vector arithmetic on {@code double[]}, shared by the Krylov methods, the scans and the optimiser paths. */
public final class Vectors {

    private Vectors() {
    }

    public static double dot(double[] a, double[] b) {
        requireSameLength(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The Euclidean norm, scaled so that it neither overflows nor underflows for any finite entries. */
    public static double norm(double[] a) {
        double scale = 0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double v : a) {
            double r = v / scale;
            s += r * r;
        }
        return scale * Math.sqrt(s);
    }

    /** a + t·b, a fresh array. */
    public static double[] addScaled(double[] a, double t, double[] b) {
        requireSameLength(a, b);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + t * b[i];
        }
        return out;
    }

    /** a ← a + t·b, in place. */
    public static void addScaledInPlace(double[] a, double t, double[] b) {
        requireSameLength(a, b);
        for (int i = 0; i < a.length; i++) {
            a[i] += t * b[i];
        }
    }

    /** a − b, a fresh array. */
    public static double[] subtract(double[] a, double[] b) {
        return addScaled(a, -1, b);
    }

    /** t·a, a fresh array. */
    public static double[] scale(double[] a, double t) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = t * a[i];
        }
        return out;
    }

    /** a / ‖a‖, a fresh array; a zero vector stays zero. */
    public static double[] normalize(double[] a) {
        double n = norm(a);
        return n == 0 ? a.clone() : scale(a, 1 / n);
    }

    /** True when every entry is finite. */
    public static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** n independent standard normal values. */
    public static double[] gaussian(int n, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    /** n independent Rademacher values (±1 with probability ½ each). */
    public static double[] rademacher(int n, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextBoolean() ? 1 : -1;
        }
        return v;
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
    }
}
