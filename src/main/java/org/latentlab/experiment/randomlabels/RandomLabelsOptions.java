package org.latentlab.experiment.randomlabels;

/**
 * The size of a random-labels experiment.
 *
 * @param trainingSize labelled training images (small, so a network can memorise them: 1,000 in the lab's default)
 * @param testSize     held-out images measured, always with their true labels
 * @param iterations   minibatches each run trains for
 * @param evalEvery    iterations between two points of the accuracy curves
 * @param fraction     p of the partly shuffled run (0 or 1: no such run; the true and fully shuffled runs are
 *                     always made)
 * @param gaussian     whether a run on Gaussian inputs (true labels) is added
 */
public record RandomLabelsOptions(int trainingSize, int testSize, long iterations, int evalEvery, double fraction,
                                  boolean gaussian) {

    public RandomLabelsOptions {
        if (trainingSize < 10 || trainingSize > 20_000) {
            throw new IllegalArgumentException("the training set must hold 10..20000 images, not " + trainingSize);
        }
        if (testSize < 10 || testSize > 10_000) {
            throw new IllegalArgumentException("the test set must hold 10..10000 images, not " + testSize);
        }
        if (iterations < 1 || iterations > 1_000_000) {
            throw new IllegalArgumentException("iterations must be 1..1000000, not " + iterations);
        }
        if (evalEvery < 1 || evalEvery > iterations) {
            throw new IllegalArgumentException("evalEvery must be 1..iterations, not " + evalEvery);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the fraction of labels shuffled must be in [0, 1], not " + fraction);
        }
    }

    /** Whether a partly shuffled run is made (0 < p < 1). */
    public boolean partial() {
        return fraction > 0 && fraction < 1;
    }
}
