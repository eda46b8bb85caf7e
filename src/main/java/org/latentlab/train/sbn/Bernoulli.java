package org.latentlab.train.sbn;

import java.util.Random;

/** Binary units: the logistic function, sampling, and log-probabilities computed stably from the total input. */
public final class Bernoulli {

    private Bernoulli() {
    }

    public static double sigmoid(double a) {
        return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
    }

    /** {@code log(1 + e^a)}, without overflow. */
    public static double softplus(double a) {
        return a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
    }

    /** 0/1 states, unit {@code i} on with probability {@code p[i]}. */
    public static double[] sample(double[] p, Random rng) {
        double[] s = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            s[i] = rng.nextDouble() < p[i] ? 1 : 0;
        }
        return s;
    }

    /**
     * {@code Σ_i log P(x_i)} for independent units with {@code P(x_i = 1) = σ(a_i)}: {@code x a − log(1 + e^a)} per
     * unit, exact even where σ(a) rounds to 0 or 1.
     */
    public static double logProbability(double[] x, double[] a) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * a[i] - softplus(a[i]);
        }
        return sum;
    }
}
