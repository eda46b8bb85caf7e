package org.latentlab.experiment.pca;

import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.latent.ImageShape;

import java.util.Random;

/**
 * A fixed set of images as plain arrays: the first n examples of a set (in the set's order) or n drawn from a
 * distribution with a fixed seed, with their labels (-1 when the set has none).
 *
 * @param pixels one row of values per image
 * @param labels one class per image, -1 when unlabelled
 * @param shape  the images' shape
 */
public record HeldOutImages(double[][] pixels, int[] labels, ImageShape shape) {

    public HeldOutImages {
        if (pixels.length == 0 || pixels.length != labels.length) {
            throw new IllegalArgumentException("need at least one image and one label per image");
        }
    }

    /** The first {@code n} examples of {@code data} (fewer when it holds fewer), or n draws seeded with 1. */
    public static HeldOutImages first(DataSource data, int n) {
        int d = data.dimension();
        if (data instanceof ExampleSet set) {
            int m = Math.min(n, set.size());
            double[][] x = new double[m][];
            int[] y = new int[m];
            for (int i = 0; i < m; i++) {
                x[i] = toDouble(set.example(i));
                y[i] = set.hasLabels() ? set.label(i) : -1;
            }
            return new HeldOutImages(x, y, ImageShape.of(data.shape()));
        }
        float[] flat = new float[n * d];
        data.sample(n, new Random(1), flat);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = flat[i * d + j];
            }
        }
        int[] y = new int[n];
        java.util.Arrays.fill(y, -1);
        return new HeldOutImages(x, y, ImageShape.of(data.shape()));
    }

    public int count() {
        return pixels.length;
    }

    public int dimension() {
        return pixels[0].length;
    }

    /** Images {@code [0, n)} as float rows, for pictures. */
    public float[][] firstAsFloats(int n) {
        float[][] out = new float[Math.min(n, pixels.length)][];
        for (int i = 0; i < out.length; i++) {
            out[i] = toFloat(pixels[i]);
        }
        return out;
    }

    static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /** The mean over images and pixels of (a − b)²: the mean squared error per pixel. */
    public static double meanSquaredError(double[][] a, double[][] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("compare the same number of images, not " + a.length + " and "
                    + b.length);
        }
        double s = 0;
        long count = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double e = a[i][j] - b[i][j];
                s += e * e;
            }
            count += a[i].length;
        }
        return s / count;
    }
}
