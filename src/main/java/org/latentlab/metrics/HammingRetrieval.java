package org.latentlab.metrics;

/**
 * Retrieval by Hamming distance on binary codes (Salakhutdinov and Hinton 2009, "Semantic hashing"): for each
 * query code, the k database codes that differ from it in the fewest bits, nearest first. Distances take only the
 * values 0..bits, so the database is bucketed by distance in one pass and the k nearest are read off the buckets in
 * order: O(database) per query, however large k. Ties go to the database code listed first (the rule
 * {@link NearestNeighbours} keeps for Euclidean distance).
 */
public final class HammingRetrieval {

    private HammingRetrieval() {
    }

    /**
     * @param queries  the query codes
     * @param database the codes searched, at least k of them, of the queries' length
     * @param k        how many each query retrieves
     * @return the retrieved database indices and their Hamming distances
     */
    public static NearestNeighboursResult search(BinaryCodes queries, BinaryCodes database, int k) {
        if (queries.bits() != database.bits()) {
            throw new IllegalArgumentException("query codes of " + queries.bits() + " bits cannot search codes of "
                    + database.bits() + " bits");
        }
        if (k < 1 || k > database.count()) {
            throw new IllegalArgumentException("k must be between 1 and the " + database.count()
                    + " database codes, got " + k);
        }
        int n = database.count();
        int bits = database.bits();
        int[][] indices = new int[queries.count()][];
        double[][] distances = new double[queries.count()][];
        int[] distance = new int[n];
        for (int q = 0; q < queries.count(); q++) {
            int[] perDistance = new int[bits + 1];
            for (int i = 0; i < n; i++) {
                distance[i] = queries.distance(q, database, i);
                perDistance[distance[i]]++;
            }
            // the largest distance still needed, and how many of the codes at it are taken (the first ones)
            int taken = 0;
            int cut = 0;
            while (taken + perDistance[cut] < k) {
                taken += perDistance[cut];
                cut++;
            }
            int[] start = new int[cut + 1];
            for (int d = 1; d <= cut; d++) {
                start[d] = start[d - 1] + perDistance[d - 1];
            }
            int[] best = new int[k];
            double[] bestDistance = new double[k];
            int[] next = start.clone();
            for (int i = 0; i < n; i++) {
                int d = distance[i];
                if (d <= cut && next[d] < k) {
                    best[next[d]] = i;
                    bestDistance[next[d]] = d;
                    next[d]++;
                }
            }
            indices[q] = best;
            distances[q] = bestDistance;
        }
        return new NearestNeighboursResult(indices, distances);
    }
}
