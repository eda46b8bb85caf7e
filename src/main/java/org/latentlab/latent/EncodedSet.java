package org.latentlab.latent;

import org.latentlab.core.Seeds;

import java.util.Arrays;
import java.util.Random;

/**
 * Codes of examples of a data set, with the examples' indices in the set and their labels (-1 when unlabelled):
 * what PCA, attribute vectors, a fitted prior and map overlays are computed from.
 */
public record EncodedSet(double[][] codes, int[] indices, int[] labels) {

    public EncodedSet {
        if (codes.length != indices.length || codes.length != labels.length) {
            throw new IllegalArgumentException(codes.length + " codes need as many indices and labels, not "
                    + indices.length + " and " + labels.length);
        }
    }

    public int size() {
        return codes.length;
    }

    /** True when every example has a label. */
    public boolean isLabelled() {
        for (int l : labels) {
            if (l < 0) {
                return false;
            }
        }
        return codes.length > 0;
    }

    /**
     * Up to {@code max} of the indices 0 .. size - 1: all of them when there are no more, else a subset drawn without
     * replacement with {@code seed}, in increasing order.
     */
    static int[] pick(int size, int max, long seed) {
        if (max < 1) {
            throw new IllegalArgumentException("maxExamples must be >= 1, not " + max);
        }
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        if (max >= size) {
            return all;
        }
        Random rng = new Random(Seeds.mix(seed));
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, max);
        Arrays.sort(chosen);
        return chosen;
    }

    @Override
    public String toString() {
        return codes.length + " codes of " + (codes.length == 0 ? 0 : codes[0].length) + " dimensions"
                + (isLabelled() ? ", labelled" : "");
    }
}
