package org.latentlab.latent;

/** What kind of network maps codes to data in a {@link LatentModel}, which decides its prior and its encoder. */
public enum ModelKind {
    /** A GAN's generator G(z); no encoder; prior: the noise the GAN was trained with (N(0, I), see {@code Latent}). */
    GAN_GENERATOR("GAN generator"),
    /**
     * A BiGAN's generator G(z) with its encoder E(x) (Donahue et al. 2017): encodes like an autoencoder, prior the
     * GAN's noise N(0, I).
     */
    BIGAN_GENERATOR("BiGAN generator with encoder"),
    /** A plain autoencoder's decoder; has an encoder; no prior (fit one to encoded data: {@link CodePrior#fit}). */
    AE_DECODER("autoencoder decoder"),
    /** A VAE's decoder p(x|z); its encoder gives [μ, log σ²]; prior N(0, I). */
    VAE_DECODER("VAE decoder");

    private final String label;

    ModelKind(String label) {
        this.label = label;
    }

    /** True when the model defines a prior over codes (GAN noise, VAE prior). */
    public boolean hasPrior() {
        return this != AE_DECODER;
    }

    @Override
    public String toString() {
        return label;
    }
}
