package org.latentlab.metrics;

/**
 * Precision and recall of distributions by k-nearest-neighbour manifolds (Kynk&auml;&auml;nniemi et al. 2019,
 * "Improved precision and recall metric for assessing generative models"): around every real vector a ball whose
 * radius is the distance to its k-th nearest other real vector, and likewise around every generated vector.
 * <ul>
 *   <li><em>precision</em>: the share of generated vectors inside at least one real ball (how many samples look
 *       real);</li>
 *   <li><em>recall</em>: the share of real vectors inside at least one generated ball (how much of the real data
 *       the generator reaches).</li>
 * </ul>
 * A vector on a ball's surface counts as inside, as in the reference code. The paper uses k =
 * {@value #DEFAULT_K}. One outlier in a set makes a large ball, so both numbers read high when a set is small or
 * has stray points. The cost is (n<sub>real</sub> + n<sub>generated</sub>)&sup2; dim.
 */
public final class PrecisionRecall {

    public static final int DEFAULT_K = 3;

    private PrecisionRecall() {
    }

    public static PrecisionRecallResult between(double[][] real, double[][] generated) {
        return between(real, generated, DEFAULT_K);
    }

    /** @param k the neighbour that sets each ball's radius; each set needs more than k vectors */
    public static PrecisionRecallResult between(double[][] real, double[][] generated, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        FeatureRows.checkPair("real", real, "generated", generated, k + 1);
        double[] realRadii = radii(real, k);
        double[] generatedRadii = radii(generated, k);
        return new PrecisionRecallResult(shareInside(generated, real, realRadii),
                shareInside(real, generated, generatedRadii), k, real.length, generated.length);
    }

    /** The distance of every vector to its k-th nearest other vector of the set (itself is the 0-th). */
    static double[] radii(double[][] set, int k) {
        NearestNeighboursResult nearest = NearestNeighbours.search(set, set, k + 1);
        double[] radii = new double[set.length];
        for (int i = 0; i < set.length; i++) {
            radii[i] = nearest.kthDistance(i);
        }
        return radii;
    }

    private static double shareInside(double[][] queries, double[][] centres, double[] radii) {
        int inside = 0;
        for (double[] q : queries) {
            for (int c = 0; c < centres.length; c++) {
                if (Math.sqrt(FeatureRows.squaredDistance(q, centres[c])) <= radii[c]) {
                    inside++;
                    break;
                }
            }
        }
        return (double) inside / queries.length;
    }
}
