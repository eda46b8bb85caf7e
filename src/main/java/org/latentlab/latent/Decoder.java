package org.latentlab.latent;

/**
 * Codes to data values, batched: {@code codes[i]} becomes {@code images[i]}. {@link LatentModel} is the real one;
 * tests and other callers may stand in their own.
 */
@FunctionalInterface
public interface Decoder {

    float[][] decode(double[][] codes);
}
