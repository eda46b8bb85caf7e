package org.latentlab.analysis.tangent;

/** Which of an encoder's outputs is the code whose derivatives the tangent tools take. */
public enum EncoderOutput {
    /** All of the encoder's outputs (a plain, sparse, denoising or contractive autoencoder). */
    CODE,
    /** The first half of a VAE encoder's outputs, μ of [μ, log σ²]. */
    VAE_MEAN;

    /** The code size for an encoder with {@code outputs} outputs. */
    public int codeSize(long outputs) {
        if (this == VAE_MEAN && outputs % 2 != 0) {
            throw new org.latentlab.core.LabException("a VAE encoder outputs [μ, log σ²] side by side, so its output"
                    + " size must be even, not " + outputs);
        }
        return (int) (this == VAE_MEAN ? outputs / 2 : outputs);
    }
}
