package org.latentlab.analysis.divergence;

import org.latentlab.train.FDivergence;

import java.util.OptionalDouble;

/**
 * f-divergences D_f(P‖Q) = ∫ q f(p/q) dx between two 1-D Gaussians P and Q (the f of {@link FDivergence}, as in
 * Nowozin, Cseke and Tomioka 2016, "f-GAN: Training Generative Neural Samplers using Variational Divergence
 * Minimization"), two ways:
 * <ul>
 *   <li>{@link #variationalBound}: the f-GAN lower bound E_P[T] − E_Q[f*(T)] at the optimal critic
 *       T*(x) = f'(p(x)/q(x)), where it is tight, by composite Simpson quadrature over both distributions' mass
 *       (the conjugate's closed form is checked against its definition elsewhere);</li>
 *   <li>{@link #closedForm}: KL and reverse KL, Pearson χ² and squared Hellinger between Gaussians have closed
 *       forms; Jensen-Shannon and the GAN divergence have none, and {@link #jensenShannon} integrates JS's definition
 *       numerically instead.</li>
 * </ul>
 * The f's are the paper's, unnormalised: squared Hellinger is ∫(√p − √q)² = 2 − 2·BC (BC the Bhattacharyya
 * coefficient), the Jensen-Shannon f gives 2·JS and the GAN f gives 2·JS − log 4.
 */
public final class GaussianFDivergence {

    /** Simpson intervals over the integration range (even). */
    private static final int INTERVALS = 20_000;
    /** The range covers each distribution's mean ± this many standard deviations. */
    private static final double REACH = 14;

    private GaussianFDivergence() {
    }

    /** The normal distribution N(mean, sd²). */
    public record Normal(double mean, double sd) {
        public Normal {
            if (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)) {
                throw new IllegalArgumentException("a normal distribution needs a finite mean and a standard"
                        + " deviation > 0, not N(" + mean + ", " + sd + "²)");
            }
        }

        public double logDensity(double x) {
            double z = (x - mean) / sd;
            return -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
        }
    }

    /**
     * D_f(P‖Q) in closed form: KL(P‖Q) = log(σ_Q/σ_P) + (σ_P² + Δ²)/(2σ_Q²) − ½ with Δ = μ_P − μ_Q; reverse KL is
     * KL(Q‖P); Pearson χ² = σ_Q² / (σ_P √(2σ_Q² − σ_P²)) · exp(Δ² / (2σ_Q² − σ_P²)) − 1, +∞ when 2σ_Q² ≤ σ_P²;
     * squared Hellinger 2 − 2 √(2σ_Pσ_Q / (σ_P² + σ_Q²)) exp(−Δ² / (4(σ_P² + σ_Q²))). Empty for Jensen-Shannon and
     * GAN.
     */
    public static OptionalDouble closedForm(FDivergence f, Normal p, Normal q) {
        return switch (f) {
            case KL -> OptionalDouble.of(kl(p, q));
            case REVERSE_KL -> OptionalDouble.of(kl(q, p));
            case PEARSON -> {
                double a = 2 * q.sd() * q.sd() - p.sd() * p.sd();
                double d = p.mean() - q.mean();
                yield OptionalDouble.of(a <= 0 ? Double.POSITIVE_INFINITY
                        : q.sd() * q.sd() / (p.sd() * Math.sqrt(a)) * Math.exp(d * d / a) - 1);
            }
            case HELLINGER -> {
                double s2 = p.sd() * p.sd() + q.sd() * q.sd();
                double d = p.mean() - q.mean();
                double bhattacharyya = Math.sqrt(2 * p.sd() * q.sd() / s2) * Math.exp(-d * d / (4 * s2));
                yield OptionalDouble.of(2 - 2 * bhattacharyya);
            }
            case JENSEN_SHANNON, GAN -> OptionalDouble.empty();
        };
    }

    private static double kl(Normal p, Normal q) {
        double d = p.mean() - q.mean();
        return Math.log(q.sd() / p.sd()) + (p.sd() * p.sd() + d * d) / (2 * q.sd() * q.sd()) - 0.5;
    }

    /**
     * The f-GAN variational bound E_P[T*] − E_Q[f*(T*)] with the optimal critic T*(x) = f'(p(x)/q(x)), by
     * quadrature; equal to D_f(P‖Q) where that is finite. T* is taken as an optimal D's output, g_f(v*) at the score
     * v* = {@link FDivergence#optimalScore} of the log density ratio, and f*(T*) as D's loss takes it,
     * {@link FDivergence#conjugateOfActivation}(v*): f* at a T* rounded onto the edge of dom f* (where p ≫ q, for
     * squared Hellinger and Jensen-Shannon) would be infinite. The bound is then minus D's f-GAN loss at the optimal D.
     */
    public static double variationalBound(FDivergence f, Normal p, Normal q) {
        return integrate(p, q, x -> {
            double lp = p.logDensity(x);
            double lq = q.logDensity(x);
            double v = f.optimalScore(lp - lq);
            return weighted(lp, f.activation(v)) - weighted(lq, f.conjugateOfActivation(v));
        });
    }

    /** JS(P‖Q) = ½ ∫ p log(2p/(p + q)) + ½ ∫ q log(2q/(p + q)), by quadrature of that definition; at most log 2. */
    public static double jensenShannon(Normal p, Normal q) {
        double log2 = Math.log(2);
        return integrate(p, q, x -> {
            double lp = p.logDensity(x);
            double lq = q.logDensity(x);
            double lm = Math.max(lp, lq) + Math.log1p(Math.exp(-Math.abs(lp - lq))); // log(p + q)
            return 0.5 * (weighted(lp, log2 + lp - lm) + weighted(lq, log2 + lq - lm));
        });
    }

    /** density · value for a log density, 0 where the density underflows (whatever the value there). */
    private static double weighted(double logDensity, double value) {
        double density = Math.exp(logDensity);
        return density == 0 ? 0 : density * value;
    }

    /** Composite Simpson's rule over the union of mean ± {@link #REACH} sd of both distributions. */
    private static double integrate(Normal p, Normal q, java.util.function.DoubleUnaryOperator integrand) {
        double lo = Math.min(p.mean() - REACH * p.sd(), q.mean() - REACH * q.sd());
        double hi = Math.max(p.mean() + REACH * p.sd(), q.mean() + REACH * q.sd());
        double h = (hi - lo) / INTERVALS;
        double sum = integrand.applyAsDouble(lo) + integrand.applyAsDouble(hi);
        for (int i = 1; i < INTERVALS; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * integrand.applyAsDouble(lo + i * h);
        }
        return sum * h / 3;
    }
}
