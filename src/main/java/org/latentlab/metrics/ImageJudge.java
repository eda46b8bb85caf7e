package org.latentlab.metrics;

/**
 * What the scores for generated images need of a trained classifier: its class probabilities and the features of
 * its penultimate layer for a batch of images, flat row-major [n, pixels] with the pixel values the classifier was
 * trained on, and the mode each image falls in (by default its most probable class; Stacked MNIST's three digits give
 * one of 1,000). Implementations must be usable from one thread at a time.
 */
public interface ImageJudge {

    /** The number of classes of {@link #probabilities}. */
    int classCount();

    /** The number of modes of {@link #modes}: {@link #classCount()} unless the images stack several digits. */
    default int modeCount() {
        return classCount();
    }

    /** Class probabilities, [n][classCount], each row summing to 1. */
    double[][] probabilities(float[] images, int n);

    /** Penultimate-layer features, [n][dim]. */
    double[][] features(float[] images, int n);

    /**
     * The mode of each image, 0 .. modeCount - 1, given the {@link #probabilities} this judge gave the same images
     * (so that the default, the most probable class with ties to the lower, takes no second pass of the classifier).
     */
    default int[] modes(float[] images, int n, double[][] probabilities) {
        int[] modes = new int[n];
        for (int i = 0; i < n; i++) {
            double[] p = probabilities[i];
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            modes[i] = best;
        }
        return modes;
    }
}
