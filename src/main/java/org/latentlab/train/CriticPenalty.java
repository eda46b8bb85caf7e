package org.latentlab.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A gradient penalty on a critic: WGAN-GP's ({@link EngineGradientPenalty} on the engine, else
 * {@link GradientPenalty}) or the zero-centred R1 ({@link EngineGradientPenalty#zeroCentred}).
 */
interface CriticPenalty {

    /**
     * Computes Ω = (λ/m) Σᵢ (‖∇ₓ D(x̂ᵢ)‖ − c)² (c = 1 for WGAN-GP, 0 for R1) at the points {@code xHat}
     * [m, inputs] and, if {@code gradient} is not null, adds ∂Ω/∂θ into it (the critic's flat gradient [1, P] in
     * DL4J's layout).
     */
    GradientPenalty.Result apply(INDArray xHat, double lambda, INDArray gradient);
}
