package org.latentlab.metrics;

/**
 * Precision at k of a retrieval: for one query, the fraction of its k retrieved items that share its label; for a
 * set of queries, the mean of that fraction (the measure of Salakhutdinov and Hinton 2009, "Semantic hashing",
 * there plotted against recall).
 */
public final class PrecisionAtK {

    private PrecisionAtK() {
    }

    /**
     * Each query's precision at k.
     *
     * @param retrieved      each query's retrieved database indices, at least k of them, best first
     * @param queryLabels    each query's label
     * @param databaseLabels each database item's label
     */
    public static double[] perQuery(int[][] retrieved, int[] queryLabels, int[] databaseLabels, int k) {
        if (retrieved.length != queryLabels.length) {
            throw new IllegalArgumentException(retrieved.length + " retrieval lists for " + queryLabels.length
                    + " query labels");
        }
        if (k < 1) {
            throw new IllegalArgumentException("precision at k needs k >= 1, not " + k);
        }
        double[] p = new double[retrieved.length];
        for (int q = 0; q < retrieved.length; q++) {
            if (retrieved[q].length < k) {
                throw new IllegalArgumentException("query " + q + " retrieved " + retrieved[q].length
                        + " items, fewer than k = " + k);
            }
            int hits = 0;
            for (int j = 0; j < k; j++) {
                if (databaseLabels[retrieved[q][j]] == queryLabels[q]) {
                    hits++;
                }
            }
            p[q] = (double) hits / k;
        }
        return p;
    }

    /** The mean over queries of the precision at k. */
    public static double mean(int[][] retrieved, int[] queryLabels, int[] databaseLabels, int k) {
        double[] p = perQuery(retrieved, queryLabels, databaseLabels, k);
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        return p.length == 0 ? Double.NaN : sum / p.length;
    }
}
