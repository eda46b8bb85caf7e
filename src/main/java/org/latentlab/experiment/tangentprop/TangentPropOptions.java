package org.latentlab.experiment.tangentprop;

/**
 * The size of a Tangent Prop comparison.
 *
 * @param trainingSize labelled training images (a small set, where invariance matters)
 * @param testSize     held-out images measured (and their shifted and rotated copies)
 * @param iterations   minibatches each classifier trains for
 * @param evalEvery    iterations between two held-out accuracies of the curves
 * @param seeds        repetitions (each a fresh training subset and initialisation, the same for every arm)
 * @param lambda       λ of both Tangent Prop arms
 * @param classicK     classic tangents per image (1..4: translation x, translation y, rotation, scaling)
 * @param autoencoderK autoencoder tangents per image
 */
public record TangentPropOptions(int trainingSize, int testSize, long iterations, int evalEvery, int seeds,
                                 double lambda, int classicK, int autoencoderK) {

    public TangentPropOptions {
        if (trainingSize < 10 || trainingSize > 5000) {
            throw new IllegalArgumentException("the training set must hold 10..5000 images, not " + trainingSize);
        }
        if (testSize < 10 || testSize > 1000) {
            throw new IllegalArgumentException("the test set must hold 10..1000 images, not " + testSize);
        }
        if (iterations < 1 || iterations > 100_000) {
            throw new IllegalArgumentException("iterations must be 1..100000, not " + iterations);
        }
        if (evalEvery < 1 || evalEvery > iterations) {
            throw new IllegalArgumentException("evalEvery must be 1..iterations, not " + evalEvery);
        }
        if (seeds < 1 || seeds > 10) {
            throw new IllegalArgumentException("seeds must be 1..10, not " + seeds);
        }
        if (!(lambda > 0) || lambda > 1e4) {
            throw new IllegalArgumentException("lambda must be in (0, 10000], not " + lambda);
        }
        if (classicK < 1 || classicK > 4) {
            throw new IllegalArgumentException("classic tangents per image must be 1..4, not " + classicK);
        }
        if (autoencoderK < 1 || autoencoderK > org.latentlab.train.classifier.TangentPropSettings.MAX_K) {
            throw new IllegalArgumentException("autoencoder tangents per image must be 1.."
                    + org.latentlab.train.classifier.TangentPropSettings.MAX_K + ", not " + autoencoderK);
        }
    }
}
