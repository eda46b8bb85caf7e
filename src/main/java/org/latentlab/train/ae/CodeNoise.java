package org.latentlab.train.ae;

/**
 * Gaussian noise on the input of a logistic code, the trick that makes a deep autoencoder's code binary
 * (Salakhutdinov and Hinton 2009, "Semantic hashing"; Krizhevsky and Hinton 2011, "Using very deep autoencoders for
 * content-based image retrieval"): the decoder sees c̃ = σ(a + s·ε), ε ~ N(0, 1), where a is the code unit's
 * pre-activation. A unit near 0.5 carries no message through the noise, so training drives the pre-activations far
 * from 0 and the code saturates at 0 or 1; at retrieval time the noise is off and the code is thresholded at 0.5.
 *
 * <p>The encoder ends in a sigmoid and outputs c = σ(a), so a is recovered as log c − log(1 − c), with c kept
 * below 1 − 2⁻²⁵ (a ≤ 17.3: a float code saturates at exactly 1 beyond a ≈ 17, and carries no gradient there) and a
 * kept above −{@value #MAX_PRE_ACTIVATION}.
 * The encoder's backward pass multiplies its output gradient by σ′(a), so the gradient handed to it is
 * ∂L/∂c̃ · σ′(a + s·ε) / σ′(a), which makes ∂L/∂a = ∂L/∂c̃ · σ′(a + s·ε), the chain rule through the noisy code.
 */
final class CodeNoise {

    /** The most negative a recovered from a code is minus this (beyond, a unit is saturated in any precision). */
    static final double MAX_PRE_ACTIVATION = 30;

    private CodeNoise() {
    }

    /** The pre-activation a of a logistic unit from its output c = σ(a), within [−30, 17.3]. */
    static double preActivation(double c) {
        double p = Math.min(Math.max(c, Double.MIN_NORMAL), 1 - 0x1p-25);
        double a = Math.log(p) - Math.log1p(-p);
        return Math.max(-MAX_PRE_ACTIVATION, Math.min(MAX_PRE_ACTIVATION, a));
    }

    /** The noisy codes σ(a + s·ε) for codes c = σ(a) and standard normal draws ε (same length). */
    static double[] noisy(double[] code, double[] epsilon, double s) {
        double[] out = new double[code.length];
        for (int i = 0; i < code.length; i++) {
            out[i] = AutoencoderTrainer.sigmoid(preActivation(code[i]) + s * epsilon[i]);
        }
        return out;
    }

    /**
     * Turns ∂L/∂c̃ (in place) into the gradient to hand to the encoder's output c = σ(a), whose backward pass
     * multiplies it by σ′(a): ∂L/∂c̃ · σ′(a + s·ε) / σ′(a).
     */
    static void backward(double[] code, double[] epsilon, double s, double[] gradient) {
        for (int i = 0; i < code.length; i++) {
            double a = preActivation(code[i]);
            gradient[i] *= derivativeRatio(a + s * epsilon[i], a);
        }
    }

    /** σ′(u) / σ′(a), with σ′(x) = e^(−|x|) / (1 + e^(−|x|))², computed without overflow. */
    static double derivativeRatio(double u, double a) {
        double eu = Math.exp(-Math.abs(u));
        double ea = Math.exp(-Math.abs(a));
        double q = (1 + ea) / (1 + eu);
        return Math.exp(Math.abs(a) - Math.abs(u)) * q * q;
    }
}
