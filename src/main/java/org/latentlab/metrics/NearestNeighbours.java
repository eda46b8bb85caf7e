package org.latentlab.metrics;

/**
 * The k nearest vectors of a reference set to each query vector, by Euclidean distance, found by brute force
 * (the gallery's check for memorisation: a generated image beside its nearest training images, in pixel or in
 * feature space). Ties go to the reference vector listed first. Written here rather than taken from a library
 * because the sets the lab compares are a few thousand vectors and an exact scan is what the gallery promises;
 * the cost is queries &times; references &times; dim, so subsample the training set for pixel space.
 */
public final class NearestNeighbours {

    private NearestNeighbours() {
    }

    /**
     * @param queries   the vectors to find neighbours for
     * @param reference the vectors to search, at least k of them
     * @param k         how many neighbours each query gets, nearest first
     */
    public static NearestNeighboursResult search(double[][] queries, double[][] reference, int k) {
        FeatureRows.checkPair("query", queries, "reference", reference, 1);
        if (k < 1 || k > reference.length) {
            throw new IllegalArgumentException("k must be between 1 and the " + reference.length
                    + " reference vectors, got " + k);
        }
        int[][] indices = new int[queries.length][];
        double[][] distances = new double[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            int[] bestIndex = new int[k];
            double[] bestSquared = new double[k];
            int filled = 0;
            for (int r = 0; r < reference.length; r++) {
                double d2 = FeatureRows.squaredDistance(queries[q], reference[r]);
                if (filled == k && d2 >= bestSquared[k - 1]) {
                    continue;
                }
                int slot = filled < k ? filled++ : k - 1;
                while (slot > 0 && bestSquared[slot - 1] > d2) {
                    bestSquared[slot] = bestSquared[slot - 1];
                    bestIndex[slot] = bestIndex[slot - 1];
                    slot--;
                }
                bestSquared[slot] = d2;
                bestIndex[slot] = r;
            }
            for (int j = 0; j < k; j++) {
                bestSquared[j] = Math.sqrt(bestSquared[j]);
            }
            indices[q] = bestIndex;
            distances[q] = bestSquared;
        }
        return new NearestNeighboursResult(indices, distances);
    }
}
