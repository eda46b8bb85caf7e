package org.latentlab.latent;

import java.util.Locale;

/**
 * How {@link Inversion} searches for a code: Adam on z for {@code steps} updates with a step size annealed from
 * {@code learningRate} down to 1 % of it along a half cosine (Loshchilov & Hutter 2017), on the objective
 * ‖f(G(z)) − x‖² + λ‖z‖² (squared error summed over the values of the example; λ‖z‖² is a Gaussian prior's pull
 * towards likely codes).
 *
 * @param steps             number of Adam updates, 1..100000
 * @param learningRate      Adam's initial step size (the step per coordinate is about this), > 0
 * @param lambda            λ >= 0
 * @param gradientTolerance stop early when every example's ‖∇_z‖ falls below this (0: run all steps)
 */
public record InversionSettings(int steps, double learningRate, double lambda, double gradientTolerance) {

    public InversionSettings {
        if (steps < 1 || steps > 100_000) {
            throw new IllegalArgumentException("inversion steps must be 1..100000, not " + steps);
        }
        if (!(learningRate > 0) || learningRate > 100) {
            throw new IllegalArgumentException("the inversion's learning rate must be in (0, 100], not "
                    + learningRate + " (0.05 suits codes of unit scale)");
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, not " + lambda);
        }
        if (!(gradientTolerance >= 0)) {
            throw new IllegalArgumentException("the gradient tolerance must be >= 0, not " + gradientTolerance);
        }
    }

    /** 500 steps of 0.05, λ = 0.01, no early stop. */
    public static InversionSettings defaults() {
        return new InversionSettings(500, 0.05, 0.01, 0);
    }

    public InversionSettings withSteps(int s) {
        return new InversionSettings(s, learningRate, lambda, gradientTolerance);
    }

    public InversionSettings withLambda(double l) {
        return new InversionSettings(steps, learningRate, l, gradientTolerance);
    }

    public InversionSettings withLearningRate(double lr) {
        return new InversionSettings(steps, lr, lambda, gradientTolerance);
    }

    /** The step size at update t (0-based): lr · (0.01 + 0.99 · (1 + cos(π t / steps)) / 2). */
    public double learningRateAt(int t) {
        return learningRate * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * t / steps)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Adam %d steps, lr %.3g (cosine to 1%%), lambda %.3g%s", steps,
                learningRate, lambda, gradientTolerance > 0 ? ", stop at |grad| < " + gradientTolerance : "");
    }
}
