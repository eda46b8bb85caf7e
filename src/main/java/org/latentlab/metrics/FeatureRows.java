package org.latentlab.metrics;

/**
 * Feature vectors as the scores take them: {@code double[n][dim]}, every row the same length, every value finite.
 * {@link #of} turns the lab's flat row-major {@code float[]} batches into rows; the checks and the squared
 * Euclidean distance are shared by the scores of this package.
 */
public final class FeatureRows {

    private FeatureRows() {
    }

    /**
     * @param flat n vectors of {@code dim} values, row-major
     * @return the n rows as doubles
     */
    public static double[][] of(float[] flat, int n, int dim) {
        if (n < 1 || dim < 1 || flat.length != (long) n * dim) {
            throw new IllegalArgumentException("need n >= 1 vectors of dim >= 1 values in exactly n*dim floats; got n="
                    + n + ", dim=" + dim + ", " + flat.length + " floats");
        }
        double[][] rows = new double[n][dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                rows[i][k] = flat[i * dim + k];
            }
        }
        return rows;
    }

    /**
     * Checks that {@code rows} holds at least {@code minRows} finite vectors of one length.
     *
     * @return the common dimension
     */
    static int check(String name, double[][] rows, int minRows) {
        if (rows == null || rows.length < minRows) {
            throw new IllegalArgumentException(name + " must hold at least " + minRows + " vectors, got "
                    + (rows == null ? "none" : rows.length));
        }
        int dim = rows[0].length;
        if (dim < 1) {
            throw new IllegalArgumentException(name + " vectors must have at least one value");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dim) {
                throw new IllegalArgumentException(name + " vector " + i + " has " + rows[i].length
                        + " values, the first has " + dim);
            }
            for (double v : rows[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + " vector " + i + " holds " + v + ": only finite values");
                }
            }
        }
        return dim;
    }

    /** Checks two sets of vectors of the same dimension and returns it. */
    static int checkPair(String nameA, double[][] a, String nameB, double[][] b, int minRows) {
        int dimA = check(nameA, a, minRows);
        int dimB = check(nameB, b, minRows);
        if (dimA != dimB) {
            throw new IllegalArgumentException(nameA + " vectors have " + dimA + " values but " + nameB + " vectors "
                    + dimB + ": compare features of one extractor");
        }
        return dimA;
    }

    static double squaredDistance(double[] x, double[] y) {
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            double d = x[k] - y[k];
            sum += d * d;
        }
        return sum;
    }

    static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            sum += x[k] * y[k];
        }
        return sum;
    }
}
