package org.latentlab.data;

import java.util.Optional;
import java.util.Random;

/**
 * Examples drawn together with their class labels, for a conditional model (Mirza and Osindero 2014, "Conditional
 * generative adversarial nets"): a labelled example set (each example's class), or a Gaussian mixture (each point's
 * component index as its label).
 */
public interface LabelledSource {

    /** Number of classes K; labels are 0 .. K−1. */
    int classes();

    /** A readable name of a class ("7", "Sneaker", "mode 3"). */
    String labelName(int label);

    /**
     * Fills {@code out} (n × dimension values, row-major) with n examples drawn with {@code rng} and {@code labels}
     * (length ≥ n) with their classes.
     */
    void sample(int n, Random rng, float[] out, int[] labels);

    /** The labelled view of {@code data}, or empty when it carries no labels (an unlabelled set, a curve). */
    static Optional<LabelledSource> of(DataSource data) {
        if (data instanceof ExampleSet set && set.hasLabels() && set.size() > 0) {
            return Optional.of(new SetLabels(set));
        }
        if (data instanceof ToyDistribution toy && toy.isMixture()) {
            return Optional.of(new MixtureLabels(toy));
        }
        return Optional.empty();
    }

    /** A labelled example set: draws as {@link ExampleSet#sampleUniform}, one index per example, in order. */
    final class SetLabels implements LabelledSource {
        private final ExampleSet set;
        private final int classes;

        SetLabels(ExampleSet set) {
            this.set = set;
            int max = -1;
            for (int i = 0; i < set.size(); i++) {
                max = Math.max(max, set.label(i));
            }
            this.classes = max + 1;
        }

        @Override
        public int classes() {
            return classes;
        }

        @Override
        public String labelName(int label) {
            return set.labelName(label);
        }

        @Override
        public void sample(int n, Random rng, float[] out, int[] labels) {
            int d = set.dimension();
            for (int k = 0; k < n; k++) {
                int i = rng.nextInt(set.size());
                System.arraycopy(set.example(i), 0, out, k * d, d);
                labels[k] = set.label(i);
            }
        }
    }

    /** A Gaussian mixture: the same draws as {@link ToyDistribution#sample}, each point labelled by its component. */
    final class MixtureLabels implements LabelledSource {
        private final ToyDistribution toy;

        MixtureLabels(ToyDistribution toy) {
            this.toy = toy;
        }

        @Override
        public int classes() {
            return toy.modes().size();
        }

        @Override
        public String labelName(int label) {
            return "mode " + label;
        }

        @Override
        public void sample(int n, Random rng, float[] out, int[] labels) {
            toy.sampleWithModes(n, rng, out, labels);
        }
    }
}
