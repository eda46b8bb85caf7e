package org.latentlab.experiment.sensitivity;

import java.util.Arrays;

/**
 * The runs of a sensitivity experiment: one classifier per (training size, label-noise fraction) pair.
 *
 * @param sizes          training-set sizes
 * @param fractions      fractions of training labels shuffled (each in [0, 1])
 * @param iterations     minibatches each run trains for
 * @param testSize       held-out images for the held-out accuracy (true labels)
 * @param jacobianPoints the first held-out images at which the Jacobian norm is averaged
 */
public record SensitivityOptions(int[] sizes, double[] fractions, long iterations, int testSize, int jacobianPoints) {

    public SensitivityOptions {
        if (sizes == null || sizes.length == 0 || fractions == null || fractions.length == 0) {
            throw new IllegalArgumentException("give at least one training size and one label-noise fraction");
        }
        for (int s : sizes) {
            if (s < 10 || s > 20_000) {
                throw new IllegalArgumentException("training sizes must be 10..20000, not " + s);
            }
        }
        for (double f : fractions) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("label-noise fractions must be in [0, 1], not " + f);
            }
        }
        if (sizes.length * fractions.length < 3) {
            throw new IllegalArgumentException("a correlation over runs needs at least 3 runs, not "
                    + sizes.length * fractions.length);
        }
        if (iterations < 1 || iterations > 1_000_000) {
            throw new IllegalArgumentException("iterations must be 1..1000000, not " + iterations);
        }
        if (testSize < 10 || testSize > 10_000) {
            throw new IllegalArgumentException("the test set must hold 10..10000 images, not " + testSize);
        }
        if (jacobianPoints < 1 || jacobianPoints > testSize) {
            throw new IllegalArgumentException("Jacobian points must be 1..test size, not " + jacobianPoints);
        }
        sizes = sizes.clone();
        fractions = fractions.clone();
    }

    /** The number of runs. */
    public int runs() {
        return sizes.length * fractions.length;
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SensitivityOptions s && Arrays.equals(sizes, s.sizes)
                && Arrays.equals(fractions, s.fractions) && iterations == s.iterations && testSize == s.testSize
                && jacobianPoints == s.jacobianPoints;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sizes) + Arrays.hashCode(fractions) + Long.hashCode(iterations) + testSize;
    }

    @Override
    public String toString() {
        return "sizes " + Arrays.toString(sizes) + ", label noise " + Arrays.toString(fractions) + ", " + iterations
                + " iterations";
    }
}
