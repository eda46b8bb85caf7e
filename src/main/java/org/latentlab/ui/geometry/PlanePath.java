package org.latentlab.ui.geometry;

/**
 * Points drawn over a surface plot in its own coordinates, joined in order and each labelled: the training
 * trajectory of a network projected onto a loss-surface plane, its points named by iteration.
 *
 * @param x      first coordinates
 * @param y      second coordinates
 * @param labels one short label per point (e.g. {@code it 1000})
 */
record PlanePath(double[] x, double[] y, String[] labels) {

    PlanePath {
        if (x.length != y.length || x.length != labels.length) {
            throw new IllegalArgumentException("a plane path needs as many x, y and labels");
        }
    }

    int size() {
        return x.length;
    }

    /**
     * The labels to write at drawing positions (cx, cy) so that none overlap: later points first (the last is the
     * trained model), a point closer than {@code minDistance} to one already labelled gets no label and the
     * labelled one says how many share its place. Null where no label is drawn.
     */
    String[] visibleLabels(double[] cx, double[] cy, double minDistance) {
        int n = size();
        String[] out = new String[n];
        int[] owner = new int[n];
        int[] extra = new int[n];
        int[] first = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            owner[i] = i;
            first[i] = i;
            for (int j = n - 1; j > i; j--) {
                if (owner[j] == j && Math.hypot(cx[i] - cx[j], cy[i] - cy[j]) < minDistance) {
                    owner[i] = j;
                    extra[j]++;
                    first[j] = i;
                    break;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (owner[i] == i) {
                out[i] = extra[i] == 0 ? labels[i] : labels[first[i]] + " … " + labels[i] + " (" + (extra[i] + 1)
                        + " points)";
            }
        }
        return out;
    }
}
