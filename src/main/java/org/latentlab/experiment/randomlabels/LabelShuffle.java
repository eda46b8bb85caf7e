package org.latentlab.experiment.randomlabels;

import java.util.Random;

/**
 * Labels shuffled among a chosen part of a training set (Zhang et al. 2017, Section 3.1, "shuffled labels" and
 * "partially corrupted labels"): exactly round(p·n) examples are drawn without replacement and their labels permuted
 * among them at random; the rest keep theirs. A permutation keeps the label histogram exactly (each class as many
 * times as before), which a uniform redraw would not. A moved label may land on its own class by chance
 * (probability about Σ_c π_c², 10 % for ten balanced classes), so {@link Shuffled#changed} counts the labels that
 * actually differ.
 */
public final class LabelShuffle {

    private LabelShuffle() {
    }

    /**
     * @param labels  the new labels (a fresh array)
     * @param moved   how many examples were drawn into the shuffle: round(p·n)
     * @param changed how many labels differ from the true ones
     */
    public record Shuffled(int[] labels, int moved, int changed) {
    }

    /**
     * The labels with a fraction {@code p} of them shuffled, reproducibly from {@code seed}.
     *
     * @throws IllegalArgumentException when p is outside [0, 1]
     */
    public static Shuffled shuffle(int[] labels, double p, long seed) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("the fraction of labels shuffled must be in [0, 1], not " + p);
        }
        int n = labels.length;
        int k = (int) Math.round(p * n);
        Random rng = new Random(seed);
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        // the first k of a partial Fisher–Yates: k distinct examples, uniformly
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] chosen = new int[k];
        for (int i = 0; i < k; i++) {
            chosen[i] = labels[index[i]];
        }
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = chosen[i];
            chosen[i] = chosen[j];
            chosen[j] = t;
        }
        int[] out = labels.clone();
        int changed = 0;
        for (int i = 0; i < k; i++) {
            out[index[i]] = chosen[i];
            if (chosen[i] != labels[index[i]]) {
                changed++;
            }
        }
        return new Shuffled(out, k, changed);
    }
}
