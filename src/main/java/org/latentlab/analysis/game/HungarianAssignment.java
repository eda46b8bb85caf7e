package org.latentlab.analysis.game;

import java.util.Arrays;

/**
 * The linear assignment problem: given an n × m cost matrix with n ≤ m, the injective map of rows to columns with
 * the least total cost. Solved exactly by the Hungarian method in its shortest-augmenting-path form (Kuhn 1955,
 * "The Hungarian method for the assignment problem"; Jonker and Volgenant 1987, "A shortest augmenting path
 * algorithm for dense and sparse linear assignment problems"): rows are added one at a time, each by a Dijkstra-like
 * search over reduced costs c_ij − u_i − v_j kept non-negative by the dual potentials u, v, in O(n²m) time and
 * O(nm) memory (300 × 300 takes milliseconds). Neither the lab's libraries (ND4J, commons-math3) nor the JDK
 * provide an assignment solver, hence this one.
 */
public final class HungarianAssignment {

    private HungarianAssignment() {
    }

    /** The column assigned to each row (all distinct) minimising Σ_i cost[i][column[i]]. */
    public static int[] solve(double[][] cost) {
        int n = cost.length;
        if (n == 0) {
            return new int[0];
        }
        int m = cost[0].length;
        if (n > m) {
            throw new IllegalArgumentException("need at most as many rows as columns, got " + n + " × " + m
                    + "; transpose the costs");
        }
        for (double[] row : cost) {
            if (row.length != m) {
                throw new IllegalArgumentException("the cost rows differ in length (" + row.length + " and " + m
                        + ")");
            }
            for (double c : row) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("costs must be finite, found " + c);
                }
            }
        }
        // 1-based as in the textbook statement; index 0 is the virtual column the augmenting path starts from.
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfColumn = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minReduced = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOfColumn[0] = i;
            int j0 = 0;
            Arrays.fill(minReduced, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOfColumn[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                double[] row = cost[i0 - 1];
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double reduced = row[j - 1] - u[i0] - v[j];
                        if (reduced < minReduced[j]) {
                            minReduced[j] = reduced;
                            way[j] = j0;
                        }
                        if (minReduced[j] < delta) {
                            delta = minReduced[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minReduced[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfColumn[j0] != 0);
            do {
                int j1 = way[j0];
                rowOfColumn[j0] = rowOfColumn[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] column = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfColumn[j] != 0) {
                column[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return column;
    }

    /** Σ_i cost[i][column[i]]. */
    public static double totalCost(double[][] cost, int[] column) {
        double s = 0;
        for (int i = 0; i < column.length; i++) {
            s += cost[i][column[i]];
        }
        return s;
    }
}
