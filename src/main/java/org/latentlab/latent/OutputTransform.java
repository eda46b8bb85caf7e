package org.latentlab.latent;

/**
 * How a decoder's raw outputs become data values. A Bernoulli (cross-entropy) decoder outputs logits, so σ must be
 * applied to get pixel values; every other decoder (tanh GAN generators, MSE autoencoders) outputs values directly.
 */
public enum OutputTransform {
    IDENTITY,
    /** σ(o) = 1 / (1 + e^−o): logits of a Bernoulli decoder to pixel probabilities. */
    SIGMOID;

    /** The data value for one raw output. */
    public double apply(double raw) {
        return this == SIGMOID ? 1.0 / (1.0 + Math.exp(-raw)) : raw;
    }

    /** The derivative of the data value with respect to the raw output, given the data value {@code y}. */
    public double derivativeAt(double y) {
        return this == SIGMOID ? y * (1 - y) : 1.0;
    }

    /** Applies the transform in place. */
    public void applyInPlace(float[] values) {
        if (this == SIGMOID) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (1.0 / (1.0 + Math.exp(-values[i])));
            }
        }
    }
}
