package org.latentlab.metrics;

/**
 * The outcome of {@link NearestNeighbours#search}: for query q, {@code indices()[q][j]} is the reference vector
 * that is its (j+1)-th nearest and {@code distances()[q][j]} its Euclidean distance, ascending in j.
 */
public record NearestNeighboursResult(int[][] indices, double[][] distances) {

    public NearestNeighboursResult {
        if (indices.length != distances.length) {
            throw new IllegalArgumentException("one row of indices and distances per query; got " + indices.length
                    + " and " + distances.length);
        }
        indices = deepCopy(indices);
        distances = deepCopy(distances);
        for (int q = 0; q < indices.length; q++) {
            if (indices[q].length != distances[q].length) {
                throw new IllegalArgumentException("query " + q + " has " + indices[q].length + " indices but "
                        + distances[q].length + " distances");
            }
        }
    }

    public int queryCount() {
        return indices.length;
    }

    public int k() {
        return indices.length == 0 ? 0 : indices[0].length;
    }

    /** The neighbours of query q, nearest first. */
    public int[] indicesOf(int q) {
        return indices[q].clone();
    }

    /** Their distances, ascending. */
    public double[] distancesOf(int q) {
        return distances[q].clone();
    }

    @Override
    public int[][] indices() {
        return deepCopy(indices);
    }

    @Override
    public double[][] distances() {
        return deepCopy(distances);
    }

    /** The distance from query q to its k-th nearest reference vector, without copying. */
    double kthDistance(int q) {
        return distances[q][distances[q].length - 1];
    }

    @Override
    public String toString() {
        return "nearest " + k() + " neighbours of " + queryCount() + " queries";
    }

    private static int[][] deepCopy(int[][] rows) {
        int[][] out = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
