package org.latentlab.train;

import org.latentlab.core.LabException;
import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A gradient penalty Ω = (λ/m) Σᵢ (‖gᵢ‖ − c)², gᵢ = ∇ₓ D(x̂ᵢ): WGAN-GP's with c = 1 at interpolates (Gulrajani et al.
 * 2017), and the zero-centred R1 with c = 0 at real examples and λ = γ/2 (Mescheder et al. 2018, "Which training
 * methods for GANs do actually converge?", eq. 9), exact for any critic
 * the engine runs with second derivatives (dense, convolutional, transposed convolutional, batch normalisation,
 * upsampling, average and max pooling layers with any of the lab's activations; with batch normalisation each gᵢ is the
 * gradient of Σⱼ D(x̂ⱼ), the scores of the whole batch, which is why WGAN-GP critics use none). One forward and one
 * input-gradient pass at the interpolates give the gᵢ; then ∂Ω/∂θ = Σᵢ cᵢ (∂gᵢ/∂θ)ᵀ gᵢ with
 * cᵢ = (2λ/m)(‖gᵢ‖ − c)/‖gᵢ‖ (2λ/m for c = 0) is the derivative of the critic's parameter gradient for L = Σᵢ D(x̂ᵢ) along the input
 * direction uᵢ = cᵢ gᵢ: one pass of Pearlmutter's R-operator ({@link TrainingNetwork#inputDirectionalGradient}).
 * Not thread-safe: the critic's owner thread runs it.
 */
final class EngineGradientPenalty implements CriticPenalty {

    private final TrainingNetwork critic;
    private final double centre;

    /**
     * WGAN-GP's penalty (c = 1).
     *
     * @throws LabException when the critic does not run on the engine with second derivatives (a layer only DL4J
     *                      runs), saying which layer
     */
    EngineGradientPenalty(TrainingNetwork critic) {
        this(critic, 1, "WGAN-GP's penalty", "use the wgan loss with weight clipping");
    }

    private EngineGradientPenalty(TrainingNetwork critic, double centre, String what, String otherwise) {
        this.critic = critic;
        this.centre = centre;
        critic.secondDerivativesUnavailable().ifPresent(why -> {
            throw new LabException(what + " needs second derivatives of D, but " + why + ". Remove that layer or "
                    + otherwise);
        });
    }

    /**
     * The zero-centred penalty (c = 0): R1 when applied at real examples with λ = γ/2.
     *
     * @throws LabException when the critic does not run on the engine with second derivatives
     */
    static EngineGradientPenalty zeroCentred(TrainingNetwork critic) {
        return new EngineGradientPenalty(critic, 0, "R1's penalty", "set training.r1Gamma to 0");
    }

    @Override
    public GradientPenalty.Result apply(INDArray xHat, double lambda, INDArray gradient) {
        int m = (int) xHat.rows();
        critic.forward(xHat);
        INDArray g = critic.inputGradient(Nd4j.ones(xHat.dataType(), m, 1));
        g = g.rank() == 2 ? g : g.reshape(m, g.length() / m);
        double[] norms = g.norm2(1).toDoubleVector();
        double penalty = 0;
        double meanNorm = 0;
        double[] coefficients = new double[m];
        for (int i = 0; i < m; i++) {
            penalty += (norms[i] - centre) * (norms[i] - centre);
            meanNorm += norms[i];
            coefficients[i] = centre == 0 ? 2 * lambda / m
                    : 2 * lambda / m * (norms[i] - centre) / Math.max(norms[i], 1e-12);
        }
        penalty *= lambda / m;
        meanNorm /= m;
        if (gradient != null) {
            INDArray u = g.mulColumnVector(Nd4j.create(coefficients, new long[] {m, 1}, g.dataType()));
            INDArray product = critic.inputDirectionalGradient(u);
            gradient.addi(product.reshape(gradient.shape()));
        }
        return new GradientPenalty.Result(penalty, meanNorm);
    }
}
