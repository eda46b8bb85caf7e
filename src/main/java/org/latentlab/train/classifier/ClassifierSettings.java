package org.latentlab.train.classifier;

import org.latentlab.model.OptimizerSpec;

/**
 * How a classifier is trained: minibatches of {@code batchSize} drawn without replacement (a fresh shuffle each
 * epoch; the last incomplete batch of an epoch is dropped), the optimiser, and the augmentation: each training
 * image shifted by a random whole number of pixels in [−shift, shift] along each axis, the edge filled with
 * background (0 = none).
 */
public record ClassifierSettings(int batchSize, OptimizerSpec optimizer, int shift) {

    public ClassifierSettings {
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("classifier batchSize must be 1..4096, not " + batchSize);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("a classifier needs an optimizer, e.g. {\"type\": \"adam\","
                    + " \"learningRate\": 0.001}");
        }
        if (shift < 0 || shift > 8) {
            throw new IllegalArgumentException("classifier shift (augmentation, in pixels) must be 0..8, not "
                    + shift);
        }
    }

    @Override
    public String toString() {
        return "batch " + batchSize + ", " + optimizer + (shift > 0 ? ", shifts up to " + shift + " px" : "");
    }
}
