package org.latentlab.latent;

/**
 * Vector arithmetic on codes, on plain arrays so that it costs nothing to call from a slider: means, class means,
 * z + s·v, and analogies a − b + c (Mikolov et al. 2013 for words; Radford et al. 2016, "Unsupervised
 * representation learning with deep convolutional GANs", §6.3, for images). Every method returns a new array.
 */
public final class LatentArithmetic {

    private LatentArithmetic() {
    }

    /** The mean of n codes. */
    public static double[] mean(double[][] codes) {
        if (codes.length == 0) {
            throw new IllegalArgumentException("the mean of no codes is undefined");
        }
        double[] m = new double[codes[0].length];
        for (double[] c : codes) {
            requireSize(c, m.length);
            for (int j = 0; j < m.length; j++) {
                m[j] += c[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= codes.length;
        }
        return m;
    }

    /**
     * The mean code of the examples labelled {@code label}.
     *
     * @throws IllegalArgumentException when no example has the label
     */
    public static double[] classMean(double[][] codes, int[] labels, int label) {
        if (codes.length != labels.length) {
            throw new IllegalArgumentException(codes.length + " codes but " + labels.length + " labels");
        }
        double[] m = null;
        int count = 0;
        for (int i = 0; i < codes.length; i++) {
            if (labels[i] == label) {
                if (m == null) {
                    m = new double[codes[i].length];
                }
                requireSize(codes[i], m.length);
                for (int j = 0; j < m.length; j++) {
                    m[j] += codes[i][j];
                }
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no example has label " + label);
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= count;
        }
        return m;
    }

    /** How many of the labels equal {@code label}. */
    public static int count(int[] labels, int label) {
        int n = 0;
        for (int l : labels) {
            n += l == label ? 1 : 0;
        }
        return n;
    }

    /** z + s·v. */
    public static double[] add(double[] z, double[] v, double s) {
        requireSize(v, z.length);
        double[] out = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            out[j] = z[j] + s * v[j];
        }
        return out;
    }

    /** a − b: the direction from b to a. */
    public static double[] subtract(double[] a, double[] b) {
        return add(a, b, -1);
    }

    /** The analogy "a is to b as c is to ?": a − b + c (e.g. smiling woman − neutral woman + neutral man). */
    public static double[] analogy(double[] a, double[] b, double[] c) {
        requireSize(b, a.length);
        requireSize(c, a.length);
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] - b[j] + c[j];
        }
        return out;
    }

    /** The Euclidean norm. */
    public static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** The dot product. */
    public static double dot(double[] a, double[] b) {
        requireSize(b, a.length);
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    static void requireSize(double[] v, int size) {
        if (v.length != size) {
            throw new IllegalArgumentException("codes must all have " + size + " dimensions, not " + v.length);
        }
    }
}
