package org.latentlab.metrics;

/**
 * Sample diversity of a batch: the mean Euclidean distance over all pairs i &lt; j. It drops towards 0 when a
 * generator collapses onto one or a few outputs, so a falling curve during training is an early warning of mode
 * collapse; compare it with the same statistic on a batch of real data. The cost is O(n&sup2; dim): use a batch of a
 * few hundred samples.
 */
public final class Diversity {

    private Diversity() {
    }

    /**
     * @param batch n vectors of {@code dim} values, row-major
     * @return (2 / (n (n-1))) &Sigma;<sub>i&lt;j</sub> ||x<sub>i</sub> - x<sub>j</sub>||
     */
    public static double meanPairwiseDistance(float[] batch, int n, int dim) {
        if (n < 2 || dim < 1 || batch.length < (long) n * dim) {
            throw new IllegalArgumentException("need n >= 2 vectors of dim >= 1 values in a batch of at least n*dim "
                    + "floats; got n=" + n + ", dim=" + dim + ", " + batch.length + " floats");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double sq = 0;
                for (int k = 0; k < dim; k++) {
                    double d = batch[i * dim + k] - batch[j * dim + k];
                    sq += d * d;
                }
                sum += Math.sqrt(sq);
            }
        }
        return sum / ((double) n * (n - 1) / 2);
    }
}
