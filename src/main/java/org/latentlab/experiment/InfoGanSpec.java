package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * InfoGAN's latent codes and its Q head (Chen et al. 2016, "InfoGAN: interpretable representation learning by
 * information maximizing generative adversarial nets"): the experiment file's top-level block
 * {@code "infogan": {"categorical": 10, "continuous": 2, "layer": "d2", "qHidden": 128, "lambda": 1,
 * "continuousLambda": 1}}. It sits beside the networks, as {@code "conditional"} does, because it fixes their
 * shapes: G's input is the noise followed by the K one-hot values of the categorical code and the continuous codes,
 * and Q is a head on D's layer {@code layer}.
 *
 * <p>Q models the categorical code with a softmax over K logits and each continuous code as a Gaussian with Q's mean
 * and a fixed σ = 1, as the authors' code does for MNIST (Chen et al.'s InfoGAN code, run_mnist_exp.py:
 * {@code Uniform(1, fix_std=True)}), so the continuous term is ½ (c − μ)² per code up to a constant.
 *
 * @param categorical      K, the values of the categorical code (2..1000)
 * @param continuous       the number of continuous codes, each drawn U(−1, 1) (0..16)
 * @param layer            the layer of D whose activations Q reads (D's body ends there)
 * @param qHidden          units of Q's hidden dense layer (leaky ReLU 0.1, section C.1), or 0 for a linear Q
 * @param lambda           λ of the categorical term (section 7: 1 for discrete codes)
 * @param continuousLambda λ of the continuous terms
 */
public record InfoGanSpec(int categorical, int continuous, String layer, int qHidden, double lambda,
                          double continuousLambda) {

    public static final int MAX_CATEGORICAL = 1000;
    public static final int MAX_CONTINUOUS = 16;

    @JsonCreator
    static InfoGanSpec fromJson(@JsonProperty("categorical") Integer categorical,
                                @JsonProperty("continuous") Integer continuous,
                                @JsonProperty("layer") String layer, @JsonProperty("qHidden") Integer qHidden,
                                @JsonProperty("lambda") Double lambda,
                                @JsonProperty("continuousLambda") Double continuousLambda) {
        return new InfoGanSpec(categorical == null ? -1 : categorical, continuous == null ? 0 : continuous, layer,
                qHidden == null ? 0 : qHidden, lambda == null ? 1 : lambda,
                continuousLambda == null ? 1 : continuousLambda);
    }

    public InfoGanSpec {
        if (categorical < 2 || categorical > MAX_CATEGORICAL) {
            throw new IllegalArgumentException("infogan.categorical must be 2.." + MAX_CATEGORICAL + " (the values of"
                    + " the categorical code), not " + (categorical == -1 ? "missing" : categorical));
        }
        if (continuous < 0 || continuous > MAX_CONTINUOUS) {
            throw new IllegalArgumentException("infogan.continuous must be 0.." + MAX_CONTINUOUS + " (the number of"
                    + " continuous codes), not " + continuous);
        }
        if (layer == null || layer.isBlank()) {
            throw new IllegalArgumentException("infogan.layer must name the discriminator layer Q reads (e.g. \"d2\")");
        }
        if (qHidden < 0 || qHidden > 4096) {
            throw new IllegalArgumentException("infogan.qHidden must be 0..4096 (0: Q is one linear layer), not "
                    + qHidden);
        }
        if (!(lambda > 0) || !Double.isFinite(lambda) || !(continuousLambda >= 0) || !Double.isFinite(continuousLambda)) {
            throw new IllegalArgumentException("infogan.lambda must be > 0 and infogan.continuousLambda >= 0, not "
                    + lambda + " and " + continuousLambda);
        }
    }

    /** The code columns after the noise in G's input: K one-hot values and the continuous codes. */
    public int codeColumns() {
        return categorical + continuous;
    }
}
