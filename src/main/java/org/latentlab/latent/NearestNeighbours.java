package org.latentlab.latent;

import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;

import java.util.Locale;

/**
 * Exact nearest neighbours by Euclidean distance, by a linear scan that abandons a candidate as soon as its partial
 * sum exceeds the best so far. 10,000 MNIST images take a few tens of milliseconds per query.
 */
public final class NearestNeighbours {

    /** Example {@code index} of the set, at Euclidean distance {@code distance}. */
    public record Neighbour(int index, double distance) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "#%d at %.4g", index, distance);
        }
    }

    private NearestNeighbours() {
    }

    /** The nearest row of {@code set} to {@code query}. */
    public static Neighbour nearest(float[] query, float[][] set) {
        if (set.length == 0) {
            throw new IllegalArgumentException("no examples to search");
        }
        int best = -1;
        double bestSq = Double.POSITIVE_INFINITY;
        for (int i = 0; i < set.length; i++) {
            double d = squaredDistance(query, set[i], bestSq);
            if (d < bestSq) {
                bestSq = d;
                best = i;
            }
        }
        return new Neighbour(best, Math.sqrt(bestSq));
    }

    /**
     * The nearest example of {@code set} to each query, in one pass over the set (each example read once).
     * Checks {@code monitor} for cancellation every 1000 examples.
     */
    public static Neighbour[] nearest(float[][] queries, ExampleSet set, Monitor monitor) {
        if (set.size() == 0) {
            throw new IllegalArgumentException("no examples to search");
        }
        int[] best = new int[queries.length];
        double[] bestSq = new double[queries.length];
        java.util.Arrays.fill(bestSq, Double.POSITIVE_INFINITY);
        for (int i = 0; i < set.size(); i++) {
            if (i % 1000 == 0) {
                monitor.checkCancelled();
                monitor.progress((double) i / set.size(), "nearest neighbours: " + i + " of " + set.size());
            }
            float[] x = set.example(i);
            for (int q = 0; q < queries.length; q++) {
                double d = squaredDistance(queries[q], x, bestSq[q]);
                if (d < bestSq[q]) {
                    bestSq[q] = d;
                    best[q] = i;
                }
            }
        }
        Neighbour[] out = new Neighbour[queries.length];
        for (int q = 0; q < queries.length; q++) {
            out[q] = new Neighbour(best[q], Math.sqrt(bestSq[q]));
        }
        return out;
    }

    /** ‖a − b‖. */
    public static double distance(float[] a, float[] b) {
        return Math.sqrt(squaredDistance(a, b, Double.POSITIVE_INFINITY));
    }

    /** ‖a − b‖², or some value above {@code bound} as soon as the partial sum passes it. */
    static double squaredDistance(float[] a, float[] b, double bound) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("examples of " + a.length + " and " + b.length + " values cannot be"
                    + " compared");
        }
        double s = 0;
        int i = 0;
        while (i < a.length) {
            int end = Math.min(a.length, i + 64);
            for (; i < end; i++) {
                double d = a[i] - b[i];
                s += d * d;
            }
            if (s > bound) {
                return s;
            }
        }
        return s;
    }
}
