package org.latentlab.train;

import java.util.Locale;

/**
 * What a measurement of a model can hold, shared by the code that measures (the families' views) and the code that
 * shows or stores it (the screens, the command line, {@code metrics.csv}). Each has a label for a person and a CSV
 * column; a run folder's columns keep the names they always had.
 */
public enum Metric {
    /** Modes of a toy mixture with at least one high-quality sample (Metz et al., 2017; Srivastava et al., 2017). */
    MODES_COVERED("modes covered", "modes_covered", true),
    /** Fraction of samples within 3 sigma of a mode. */
    HIGH_QUALITY_FRACTION("high-quality fraction", "hq_fraction", false),
    /** KL(generated mode histogram || uniform over modes), in nats. */
    REVERSE_KL("reverse KL", "reverse_kl", false),
    /**
     * Jensen-Shannon divergence between the data and G on the view's grid, G's density a kernel density of its
     * samples and the data's smoothed by the same kernel (nats, at most log 2).
     */
    JENSEN_SHANNON("JS (grid)", "js_grid", false),
    /** KL(data‖G) on the same grid: large when G misses modes (nats). */
    KL_DATA_GENERATOR("KL(data‖G) (grid)", "kl_data_g_grid", false),
    /** KL(G‖data) on the same grid: large when G puts mass where there is no data (nats). */
    KL_GENERATOR_DATA("KL(G‖data) (grid)", "kl_g_data_grid", false),
    /** The exact Wasserstein-1 distance between a few hundred data and G samples (optimal assignment). */
    WASSERSTEIN_1("W1 (samples)", "w1_samples", false),
    /** A WGAN critic's own estimate of W1: mean s(real) − mean s(G(z)) over the same samples. */
    CRITIC_ESTIMATE("critic: mean s(real) − mean s(fake)", "critic_estimate", false),
    /** Mean pairwise distance of generated images (collapse shows as a drop). */
    DIVERSITY("diversity (mean pairwise distance)", "diversity", false),
    /** The same distance over real images: the level a healthy generator reaches. */
    DIVERSITY_REAL("diversity of real data", "diversity_real", false),
    HELD_OUT_RECONSTRUCTION("held-out reconstruction", "held-out_reconstruction", false),
    HELD_OUT_KL("held-out KL", "held-out_KL", false),
    /** A VAE's held-out negative evidence lower bound (Kingma and Welling, 2014), nats per example. */
    HELD_OUT_NEGATIVE_ELBO("held-out negative ELBO", "held-out_negative_ELBO", false),
    /** A denoising autoencoder's reconstruction of corrupted held-out inputs (Vincent et al., 2008). */
    HELD_OUT_CORRUPTED_RECONSTRUCTION("held-out reconstruction (corrupted input)",
            "held-out_reconstruction_(corrupted_input)", false),
    /** Mean activation of the code units (a sparse autoencoder aims at its target rho). */
    MEAN_CODE_ACTIVATION("mean code activation", "mean_code_activation", false),
    HELD_OUT_FREE_ENERGY("held-out free energy", "held-out_free_energy", false),
    /** Free energy of samples from the model's Gibbs chains. */
    NOISE_FREE_ENERGY("noise free energy", "noise_free_energy", false),
    /**
     * A sigmoid belief net's held-out negative variational bound, {@code −(log p(x, h) − log q(h | x))} with one h
     * drawn from the recognition net per image (Hinton, Dayan, Frey and Neal 1995), nats per image: at least
     * {@code −log p(x)} on average.
     */
    HELD_OUT_NEGATIVE_BOUND("held-out negative bound (wake-sleep)", "held-out_negative_bound", false),
    /**
     * A BiGAN's held-out reconstruction error, the mean of (x − G(E(x)))² per value (Donahue et al. 2017): on [0, 1]
     * pixels for images, in the data's units for points.
     */
    HELD_OUT_MSE("held-out MSE of G(E(x))", "held-out_mse", false),
    /** CycleGAN's cycle error on held-out examples of A, mean |F(G(a)) − a| per value (Zhu et al. 2017). */
    CYCLE_ERROR_A("held-out cycle error |F(G(a)) − a|", "cycle_error_a", false),
    /** The same for B, mean |G(F(b)) − b| per value. */
    CYCLE_ERROR_B("held-out cycle error |G(F(b)) − b|", "cycle_error_b", false),
    /** Mean Euclidean distance from G(a) to the nearest held-out example of B: how far G's images lie from B. */
    TRANSLATION_TO_B("G(a) to the nearest held-out b", "g_a_to_nearest_b", false),
    /** The floor of the distance above: each held-out b to the nearest other held-out b. */
    B_TO_NEAREST_B("b to the nearest other held-out b", "b_to_nearest_b", false),
    /**
     * How far an adversarial autoencoder's (or a VAE's) code of held-out examples is from draws of its prior: the
     * unbiased MMD² with a Gaussian kernel (Gretton et al. 2012); near 0 when the code follows the prior.
     */
    CODE_PRIOR_MMD("held-out code vs prior (MMD²)", "held-out_code_prior_mmd2", false);

    private final String label;
    private final String column;
    private final boolean count;

    Metric(String label, String column, boolean count) {
        this.label = label;
        this.column = column;
        this.count = count;
    }

    /** How a person reads it: "held-out negative ELBO". */
    public String label() {
        return label;
    }

    /** Its column in {@code metrics.csv}: "held-out_negative_ELBO". */
    public String column() {
        return column;
    }

    /** The value formatted for a line of text: a count as a whole number, anything else with 3 decimals. */
    public String format(double value) {
        return count && Double.isFinite(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    /** The held-out measurement of a training-loss part ("reconstruction", "KL", "negative ELBO"). */
    public static Metric heldOut(String lossPart) {
        return switch (lossPart) {
            case "reconstruction" -> HELD_OUT_RECONSTRUCTION;
            case "KL" -> HELD_OUT_KL;
            case "negative ELBO" -> HELD_OUT_NEGATIVE_ELBO;
            default -> throw new IllegalArgumentException("no held-out measurement of the loss part '" + lossPart
                    + "'");
        };
    }
}
