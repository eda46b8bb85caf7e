package org.latentlab.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/** WGAN-GP's gradient penalty on a critic: {@link EngineGradientPenalty} on the engine, else {@link GradientPenalty}. */
interface CriticPenalty {

    /**
     * Computes Ω = (λ/m) Σᵢ (‖∇ₓ D(x̂ᵢ)‖ − 1)² at the interpolates {@code xHat} [m, inputs] and, if {@code gradient}
     * is not null, adds ∂Ω/∂θ into it (the critic's flat gradient [1, P] in DL4J's layout).
     */
    GradientPenalty.Result apply(INDArray xHat, double lambda, INDArray gradient);
}
