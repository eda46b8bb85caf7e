package org.latentlab.train;

/**
 * The f-divergences of f-GAN (Nowozin, Cseke and Tomioka 2016, "f-GAN: Training Generative Neural Samplers using
 * Variational Divergence Minimization"): D_f(P‖Q) = ∫ q(x) f(p(x)/q(x)) dx for a convex f (their Table 1; P is
 * the data and Q the generator, so the KL f gives KL(data‖G) and the reverse KL f gives KL(G‖data)), the Fenchel
 * conjugate f*(t) = sup_u {u t − f(u)} and the output activation g_f that maps D's raw score v into dom f* (their
 * Table 2). With T = g_f(v) the variational bound D_f(P‖Q) ≥ sup_T E_P[T] − E_Q[f*(T)] is tight at
 * T*(x) = f'(p(x)/q(x)).
 * <pre>
 *   f                  f(u)                           g_f(v)                  dom f*     f*(t)
 *   KL                 u log u                        v                       ℝ          exp(t − 1)
 *   reverse KL         −log u                         −exp(−v)                t &lt; 0      −1 − log(−t)
 *   Pearson χ²         (u − 1)²                       v                       ℝ          t²/4 + t
 *   squared Hellinger  (√u − 1)²                      1 − exp(−v)             t &lt; 1      t / (1 − t)
 *   Jensen-Shannon     u log u − (u+1) log((u+1)/2)   log 2 − softplus(−v)    t &lt; log 2  −log(2 − exp(t))
 *   GAN                u log u − (u+1) log(u+1)       −softplus(−v)           t &lt; 0      −log(1 − exp(t))
 * </pre>
 * The paper's f for Jensen-Shannon gives 2·JS(P‖Q), twice ½KL(P‖M) + ½KL(Q‖M) with M = (P + Q)/2; the GAN f gives
 * 2·JS(P‖Q) − log 4 (its f(1) is −log 4, the others' 0). The Pearson conjugate t²/4 + t is that of (u − 1)² over
 * every real u; over the density ratios u ≥ 0 it is the same for t ≥ −2 (and −1 below), as in the paper.
 *
 * <p>The term of D's loss on a generated example, f*(g_f(v)), is computed from v directly (exp(v − 1), v − 1,
 * v²/4 + v, e^v − 1, softplus(v) − log 2, softplus(v)), never as f* of a rounded g_f(v): 1 − e^−v is exactly 1.0 in
 * double for v above 37, where t/(1 − t) would divide by zero. Every term is finite and exact for |v| up to 700; the
 * exponential ones (KL, reverse KL, squared Hellinger) grow like e^|v| and overflow beyond that, as the loss itself
 * does.
 */
public enum FDivergence {
    KL("KL"),
    REVERSE_KL("reverse KL"),
    PEARSON("Pearson χ²"),
    HELLINGER("squared Hellinger"),
    JENSEN_SHANNON("Jensen-Shannon"),
    GAN("GAN");

    private static final double LOG2 = Math.log(2);

    private final String label;

    FDivergence(String label) {
        this.label = label;
    }

    /** The divergence's name as the paper writes it: "reverse KL", "Pearson χ²", … */
    public String label() {
        return label;
    }

    /** The generator f(u) at a density ratio u ≥ 0 (its limit at u = 0, +∞ for reverse KL). */
    public double f(double u) {
        if (!(u >= 0)) {
            throw new IllegalArgumentException("f is defined on density ratios u >= 0, not " + u);
        }
        return switch (this) {
            case KL -> u == 0 ? 0 : u * Math.log(u);
            case REVERSE_KL -> -Math.log(u);
            case PEARSON -> (u - 1) * (u - 1);
            case HELLINGER -> (Math.sqrt(u) - 1) * (Math.sqrt(u) - 1);
            // u log u − (u + 1) log(u + 1) written as −u log(1 + 1/u) − log(1 + u), without cancellation
            case JENSEN_SHANNON -> u == 0 ? LOG2 : -u * Math.log1p(1 / u) - Math.log1p(u) + (u + 1) * LOG2;
            case GAN -> u == 0 ? 0 : -u * Math.log1p(1 / u) - Math.log1p(u);
        };
    }

    /** The supremum of dom f*, which is (−∞, this): +∞ for KL and Pearson χ². */
    public double conjugateDomainBound() {
        return switch (this) {
            case KL, PEARSON -> Double.POSITIVE_INFINITY;
            case REVERSE_KL, GAN -> 0;
            case HELLINGER -> 1;
            case JENSEN_SHANNON -> LOG2;
        };
    }

    /** The conjugate f*(t) in the paper's closed form; +∞ outside dom f*. */
    public double conjugate(double t) {
        if (!(t < conjugateDomainBound())) {
            return Double.POSITIVE_INFINITY;
        }
        return switch (this) {
            case KL -> Math.exp(t - 1);
            case REVERSE_KL -> -1 - Math.log(-t);
            case PEARSON -> t * t / 4 + t;
            case HELLINGER -> t / (1 - t);
            case JENSEN_SHANNON -> -Math.log(2 - Math.exp(t));
            case GAN -> -Math.log(-Math.expm1(t));
        };
    }

    /** The output activation T = g_f(v) of D's raw score v, inside dom f* for every finite v. */
    public double activation(double v) {
        return switch (this) {
            case KL, PEARSON -> v;
            case REVERSE_KL -> -Math.exp(-v);
            case HELLINGER -> -Math.expm1(-v);
            case JENSEN_SHANNON -> LOG2 - GanLoss.softplus(-v);
            case GAN -> -GanLoss.softplus(-v);
        };
    }

    public double activationDerivative(double v) {
        return switch (this) {
            case KL, PEARSON -> 1;
            case REVERSE_KL, HELLINGER -> Math.exp(-v);
            case JENSEN_SHANNON, GAN -> GanLoss.sigmoid(-v);
        };
    }

    public double activationSecondDerivative(double v) {
        return switch (this) {
            case KL, PEARSON -> 0;
            case REVERSE_KL, HELLINGER -> -Math.exp(-v);
            case JENSEN_SHANNON, GAN -> -GanLoss.sigmoid(v) * GanLoss.sigmoid(-v);
        };
    }

    /** f*(g_f(v)), computed from v (see the class comment). */
    public double conjugateOfActivation(double v) {
        return switch (this) {
            case KL -> Math.exp(v - 1);
            case REVERSE_KL -> v - 1;
            case PEARSON -> v * v / 4 + v;
            case HELLINGER -> Math.expm1(v);
            case JENSEN_SHANNON -> GanLoss.softplus(v) - LOG2;
            case GAN -> GanLoss.softplus(v);
        };
    }

    public double conjugateOfActivationDerivative(double v) {
        return switch (this) {
            case KL -> Math.exp(v - 1);
            case REVERSE_KL -> 1;
            case PEARSON -> v / 2 + 1;
            case HELLINGER -> Math.exp(v);
            case JENSEN_SHANNON, GAN -> GanLoss.sigmoid(v);
        };
    }

    public double conjugateOfActivationSecondDerivative(double v) {
        return switch (this) {
            case KL -> Math.exp(v - 1);
            case REVERSE_KL -> 0;
            case PEARSON -> 0.5;
            case HELLINGER -> Math.exp(v);
            case JENSEN_SHANNON, GAN -> GanLoss.sigmoid(v) * GanLoss.sigmoid(-v);
        };
    }

    /**
     * The optimal critic T*(x) = f'(p(x)/q(x)) from the log density ratio ℓ = log p(x) − log q(x), written so that no
     * ratio is formed: 1 + ℓ, −e^−ℓ, 2(e^ℓ − 1), 1 − e^−ℓ/2, log 2 − softplus(−ℓ), −softplus(−ℓ).
     */
    public double optimalCritic(double logRatio) {
        return switch (this) {
            case KL -> 1 + logRatio;
            case REVERSE_KL -> -Math.exp(-logRatio);
            case PEARSON -> 2 * Math.expm1(logRatio);
            case HELLINGER -> -Math.expm1(-logRatio / 2);
            case JENSEN_SHANNON -> LOG2 - GanLoss.softplus(-logRatio);
            case GAN -> -GanLoss.softplus(-logRatio);
        };
    }

    /**
     * The raw score v* of an optimal D where the log density ratio is ℓ: g_f(v*) = {@link #optimalCritic}(ℓ). It is
     * 1 + ℓ (KL), ℓ (reverse KL, Jensen-Shannon, GAN), 2(e^ℓ − 1) (Pearson χ²), ℓ/2 (squared Hellinger).
     */
    public double optimalScore(double logRatio) {
        return switch (this) {
            case KL -> 1 + logRatio;
            case REVERSE_KL, JENSEN_SHANNON, GAN -> logRatio;
            case PEARSON -> 2 * Math.expm1(logRatio);
            case HELLINGER -> logRatio / 2;
        };
    }

    /**
     * The log density ratio log p/q that D's raw score v stands for if D were optimal: log (f')⁻¹(g_f(v)), the inverse
     * of {@link #optimalCritic} through the activation. v − 1 (KL), v (reverse KL, Jensen-Shannon, GAN), 2v (squared
     * Hellinger), log(1 + v/2) for Pearson χ², −∞ where v ≤ −2 (no ratio u ≥ 0 has f'(u) below −2). The inverse
     * of {@link #optimalScore}.
     */
    public double impliedLogRatio(double v) {
        return switch (this) {
            case KL -> v - 1;
            case REVERSE_KL, JENSEN_SHANNON, GAN -> v;
            case PEARSON -> v <= -2 ? Double.NEGATIVE_INFINITY : Math.log1p(v / 2);
            case HELLINGER -> 2 * v;
        };
    }
}
