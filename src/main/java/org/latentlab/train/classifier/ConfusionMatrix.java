package org.latentlab.train.classifier;

import java.util.Arrays;

/**
 * How a classifier's predictions fall on a labelled set: {@code counts[t][p]} examples of true class t predicted
 * as p. Its accuracy is the trace over the total. Immutable (the array is copied in and out).
 */
public record ConfusionMatrix(int[][] counts) {

    public ConfusionMatrix {
        if (counts == null || counts.length < 2) {
            throw new IllegalArgumentException("a confusion matrix needs at least 2 classes");
        }
        int k = counts.length;
        int[][] copy = new int[k][];
        long total = 0;
        for (int t = 0; t < k; t++) {
            if (counts[t] == null || counts[t].length != k) {
                throw new IllegalArgumentException("a confusion matrix is square: row " + t + " has "
                        + (counts[t] == null ? 0 : counts[t].length) + " counts, not " + k);
            }
            for (int c : counts[t]) {
                if (c < 0) {
                    throw new IllegalArgumentException("counts cannot be negative, row " + t + " holds " + c);
                }
                total += c;
            }
            copy[t] = counts[t].clone();
        }
        if (total == 0) {
            throw new IllegalArgumentException("a confusion matrix of no examples has no accuracy");
        }
        counts = copy;
    }

    /** The matrix of predictions against true labels, each in [0, classCount). */
    public static ConfusionMatrix of(int[] trueLabels, int[] predicted, int classCount) {
        if (trueLabels.length != predicted.length) {
            throw new IllegalArgumentException(trueLabels.length + " labels but " + predicted.length
                    + " predictions");
        }
        int[][] counts = new int[classCount][classCount];
        for (int i = 0; i < trueLabels.length; i++) {
            int t = trueLabels[i];
            int p = predicted[i];
            if (t < 0 || t >= classCount || p < 0 || p >= classCount) {
                throw new IllegalArgumentException("example " + i + ": label " + t + ", prediction " + p
                        + " outside the " + classCount + " classes");
            }
            counts[t][p]++;
        }
        return new ConfusionMatrix(counts);
    }

    @Override
    public int[][] counts() {
        int[][] out = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            out[t] = counts[t].clone();
        }
        return out;
    }

    public int classCount() {
        return counts.length;
    }

    /** Examples of class t predicted as p. */
    public int count(int t, int p) {
        return counts[t][p];
    }

    public long total() {
        long total = 0;
        for (int[] row : counts) {
            for (int c : row) {
                total += c;
            }
        }
        return total;
    }

    public long correct() {
        long correct = 0;
        for (int t = 0; t < counts.length; t++) {
            correct += counts[t][t];
        }
        return correct;
    }

    /** The fraction of examples predicted as their own class. */
    public double accuracy() {
        return (double) correct() / total();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    /** Rows are true classes, columns predictions. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "accuracy %.4f of %d%n",
                accuracy(), total()));
        for (int[] row : counts) {
            for (int c : row) {
                s.append(String.format(java.util.Locale.ROOT, "%6d", c));
            }
            s.append(System.lineSeparator());
        }
        return s.toString();
    }
}
