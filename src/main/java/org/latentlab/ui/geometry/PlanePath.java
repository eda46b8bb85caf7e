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
     * The labels to write at drawing positions (cx, cy), each to the right of its point, so that none overlap:
     * later points first (the last is the trained model); a point closer than {@code minDistance} to one already
     * labelled, or whose label would run into that one's, is named in that one's label as a range ("it 250–1000");
     * a label that would still overlap another is left out. Null where no label is drawn.
     */
    String[] visibleLabels(double[] cx, double[] cy, double minDistance) {
        int n = size();
        int[] owner = new int[n];
        int[] first = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            owner[i] = i;
            first[i] = i;
            for (int j = n - 1; j > i; j--) {
                if (owner[j] == j && (Math.hypot(cx[i] - cx[j], cy[i] - cy[j]) < minDistance
                        || overlap(cx[i], cy[i], labels[i], cx[j], cy[j], labels[j]))) {
                    owner[i] = j;
                    first[j] = i;
                    break;
                }
            }
        }
        String[] out = new String[n];
        java.util.List<Integer> drawn = new java.util.ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            if (owner[i] != i) {
                continue;
            }
            String text = first[i] == i ? labels[i] : range(labels[first[i]], labels[i]);
            boolean clash = false;
            for (int j : drawn) {
                clash |= overlap(cx[i], cy[i], text, cx[j], cy[j], out[j]);
            }
            if (!clash) {
                out[i] = text;
                drawn.add(i);
            }
        }
        return out;
    }

    /** "it 250" and "it 1000" give "it 250–1000"; other pairs "a–b". */
    private static String range(String from, String to) {
        return from.startsWith("it ") && to.startsWith("it ") ? from + "–" + to.substring(3) : from + "–" + to;
    }

    /** Whether two labels, each drawn to the right of its point, would overlap. */
    private static boolean overlap(double x1, double y1, String a, double x2, double y2, String b) {
        return Math.abs(y1 - y2) < 14 && x1 < x2 + width(b) + 4 && x2 < x1 + width(a) + 4;
    }

    /** About how wide a label is drawn in the 11-pixel font. */
    private static double width(String label) {
        return 6.2 * label.length() + 8;
    }
}
