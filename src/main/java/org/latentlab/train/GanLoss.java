package org.latentlab.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * GAN objectives as functions of the discriminator's raw score s (a logit for the probabilistic losses, a critic
 * value otherwise). Each gives the per-example loss and its derivative d loss / d s; the trainer averages over the
 * batch. With σ the logistic function and softplus(u) = log(1 + e^u):
 * <ul>
 *   <li>{@code minimax} (Goodfellow 2014, saturating): D: −log σ(s_r) − log(1 − σ(s_f)); G: log(1 − σ(s_f)).</li>
 *   <li>{@code nonsaturating}: D as minimax; G: −log σ(s_f).</li>
 *   <li>{@code wgan} (Arjovsky 2017, weight clipping): D: s_f − s_r; G: −s_f.</li>
 *   <li>{@code wgan-gp} (Gulrajani 2017): as wgan plus λ E[(‖∇x D(x̂)‖ − 1)²], see {@link GradientPenalty}.</li>
 *   <li>{@code lsgan} (Mao 2017, a=0, b=c=1): D: ½(s_r − 1)² + ½ s_f²; G: ½(s_f − 1)².</li>
 *   <li>{@code hinge}: D: max(0, 1 − s_r) + max(0, 1 + s_f); G: −s_f.</li>
 * </ul>
 * One-sided label smoothing replaces the real target 1 by t (0.9) in the minimax / non-saturating and LSGAN losses:
 * D's real term becomes −t log σ(s) − (1 − t) log(1 − σ(s)), or ½(s − t)².
 *
 * <p>The f-GAN losses (Nowozin, Cseke and Tomioka 2016, "f-GAN: Training Generative Neural Samplers using
 * Variational Divergence Minimization"), one per {@link FDivergence}: {@code fgan-kl}, {@code fgan-reverse-kl},
 * {@code fgan-pearson}, {@code fgan-hellinger}, {@code fgan-js}, {@code fgan-gan}. With T = g_f(s) the output
 * activation, D maximises E_real[T] − E_fake[f*(T)]: D's loss is −g_f(s) per real example and f*(g_f(s)) per
 * generated one. G uses the paper's non-saturating objective (section 3.2), −E_fake[g_f(s)], in place of the saturating
 * −E_fake[f*(g_f(s))]. No label smoothing: the real term has no target.
 */
public enum GanLoss {
    MINIMAX("minimax"),
    NON_SATURATING("nonsaturating"),
    WGAN("wgan"),
    WGAN_GP("wgan-gp"),
    LSGAN("lsgan"),
    HINGE("hinge"),
    FGAN_KL("fgan-kl", FDivergence.KL),
    FGAN_REVERSE_KL("fgan-reverse-kl", FDivergence.REVERSE_KL),
    FGAN_PEARSON("fgan-pearson", FDivergence.PEARSON),
    FGAN_HELLINGER("fgan-hellinger", FDivergence.HELLINGER),
    FGAN_JS("fgan-js", FDivergence.JENSEN_SHANNON),
    FGAN_GAN("fgan-gan", FDivergence.GAN);

    private final String id;
    private final FDivergence divergence;

    GanLoss(String id) {
        this(id, null);
    }

    GanLoss(String id, FDivergence divergence) {
        this.id = id;
        this.divergence = divergence;
    }

    /** The f-divergence an f-GAN loss minimises; empty for the other losses. */
    public Optional<FDivergence> fDivergence() {
        return Optional.ofNullable(divergence);
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static GanLoss parse(String s) {
        for (GanLoss l : values()) {
            if (l.id.equalsIgnoreCase(s) || l.name().equalsIgnoreCase(s)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown GAN loss '" + s + "' (known: "
                + Arrays.stream(values()).map(GanLoss::id).collect(Collectors.joining(", ")) + ")");
    }

    /** The objective in one line, for the dashboard (s = D's raw score, σ the logistic function). */
    public String formula() {
        return switch (this) {
            case MINIMAX -> "L_D = −log σ(s_real) − log(1 − σ(s_fake));  L_G = log(1 − σ(s_fake))  (saturates when D"
                    + " is sure)";
            case NON_SATURATING -> "L_D = −log σ(s_real) − log(1 − σ(s_fake));  L_G = −log σ(s_fake)";
            case WGAN -> "L_D = s_fake − s_real (critic, weights clipped to ±c);  L_G = −s_fake";
            case WGAN_GP -> "L_D = s_fake − s_real + λ E[(‖∇ₓ D(x̂)‖ − 1)²] at random points x̂ between real and fake;"
                    + "  L_G = −s_fake";
            case LSGAN -> "L_D = ½(s_real − 1)² + ½ s_fake²;  L_G = ½(s_fake − 1)²";
            case HINGE -> "L_D = max(0, 1 − s_real) + max(0, 1 + s_fake);  L_G = −s_fake";
            case FGAN_KL -> "f-GAN, KL: T = s;  L_D = −s_real + exp(s_fake − 1);  L_G = −s_fake (non-saturating;"
                    + " saturating: −exp(s_fake − 1))";
            case FGAN_REVERSE_KL -> "f-GAN, reverse KL: T = −exp(−s);  L_D = exp(−s_real) + s_fake − 1;"
                    + "  L_G = exp(−s_fake) (non-saturating; saturating: 1 − s_fake)";
            case FGAN_PEARSON -> "f-GAN, Pearson χ²: T = s;  L_D = −s_real + s_fake²/4 + s_fake;  L_G = −s_fake"
                    + " (non-saturating; saturating: −s_fake²/4 − s_fake)";
            case FGAN_HELLINGER -> "f-GAN, squared Hellinger: T = 1 − exp(−s);  L_D = exp(−s_real) + exp(s_fake) − 2;"
                    + "  L_G = exp(−s_fake) − 1 (non-saturating; saturating: 1 − exp(s_fake))";
            case FGAN_JS -> "f-GAN, Jensen-Shannon: T = log 2 − softplus(−s);  L_D = softplus(−s_real)"
                    + " + softplus(s_fake) − log 4;  L_G = softplus(−s_fake) − log 2 (non-saturating; saturating:"
                    + " log 2 − softplus(s_fake))";
            case FGAN_GAN -> "f-GAN, GAN: T = −softplus(−s);  L_D = softplus(−s_real) + softplus(s_fake);"
                    + "  L_G = softplus(−s_fake) (non-saturating; saturating: −softplus(s_fake))";
        };
    }

    /** True when D's score is a logit and D(x) = σ(s) is a probability. */
    public boolean probabilistic() {
        return this == MINIMAX || this == NON_SATURATING;
    }

    /** True when one-sided label smoothing means something for this loss. */
    public boolean supportsLabelSmoothing() {
        return probabilistic() || this == LSGAN;
    }

    /** D's loss for one real example with score s; {@code target} is 1, or t with label smoothing. */
    public double realLoss(double s, double target) {
        return switch (this) {
            case MINIMAX, NON_SATURATING -> target * softplus(-s) + (1 - target) * softplus(s);
            case WGAN, WGAN_GP -> -s;
            case LSGAN -> 0.5 * (s - target) * (s - target);
            case HINGE -> Math.max(0, 1 - s);
            case FGAN_KL, FGAN_REVERSE_KL, FGAN_PEARSON, FGAN_HELLINGER, FGAN_JS, FGAN_GAN -> -divergence.activation(s);
        };
    }

    public double realLossDerivative(double s, double target) {
        return switch (this) {
            case MINIMAX, NON_SATURATING -> sigmoid(s) - target;
            case WGAN, WGAN_GP -> -1;
            case LSGAN -> s - target;
            case HINGE -> s < 1 ? -1 : 0;
            case FGAN_KL, FGAN_REVERSE_KL, FGAN_PEARSON, FGAN_HELLINGER, FGAN_JS, FGAN_GAN ->
                    -divergence.activationDerivative(s);
        };
    }

    /**
     * d² (D's real loss) / ds², for the exact unrolled gradient: σ(s)(1 − σ(s)) for minimax and nonsaturating
     * (whatever the target), 1 for lsgan, 0 for wgan and hinge (piecewise linear; 0 away from the kink).
     *
     * @throws UnsupportedOperationException for the f-GAN losses, whose second derivatives the lab does not form
     */
    public double realLossSecondDerivative(double s, double target) {
        return fakeLossSecondDerivative(s);
    }

    /** d² (D's loss for a generated example) / ds²; as {@link #realLossSecondDerivative}. */
    public double fakeLossSecondDerivative(double s) {
        return switch (this) {
            case MINIMAX, NON_SATURATING -> sigmoid(s) * sigmoid(-s);
            case WGAN, WGAN_GP, HINGE -> 0;
            case LSGAN -> 1;
            case FGAN_KL, FGAN_REVERSE_KL, FGAN_PEARSON, FGAN_HELLINGER, FGAN_JS, FGAN_GAN ->
                    throw new UnsupportedOperationException("the f-GAN losses have no second derivatives in the lab");
        };
    }

    /** D's loss for one generated example with score s. */
    public double fakeLoss(double s) {
        return switch (this) {
            case MINIMAX, NON_SATURATING -> softplus(s);
            case WGAN, WGAN_GP -> s;
            case LSGAN -> 0.5 * s * s;
            case HINGE -> Math.max(0, 1 + s);
            case FGAN_KL, FGAN_REVERSE_KL, FGAN_PEARSON, FGAN_HELLINGER, FGAN_JS, FGAN_GAN ->
                    divergence.conjugateOfActivation(s);
        };
    }

    public double fakeLossDerivative(double s) {
        return switch (this) {
            case MINIMAX, NON_SATURATING -> sigmoid(s);
            case WGAN, WGAN_GP -> 1;
            case LSGAN -> s;
            case HINGE -> s > -1 ? 1 : 0;
            case FGAN_KL, FGAN_REVERSE_KL, FGAN_PEARSON, FGAN_HELLINGER, FGAN_JS, FGAN_GAN ->
                    divergence.conjugateOfActivationDerivative(s);
        };
    }

    /** G's loss for one generated example with score s. */
    public double generatorLoss(double s) {
        return switch (this) {
            case MINIMAX -> -softplus(s);
            case NON_SATURATING -> softplus(-s);
            case WGAN, WGAN_GP, HINGE -> -s;
            case LSGAN -> 0.5 * (s - 1) * (s - 1);
            case FGAN_KL, FGAN_REVERSE_KL, FGAN_PEARSON, FGAN_HELLINGER, FGAN_JS, FGAN_GAN -> -divergence.activation(s);
        };
    }

    public double generatorLossDerivative(double s) {
        return switch (this) {
            case MINIMAX -> -sigmoid(s);
            case NON_SATURATING -> sigmoid(s) - 1;
            case WGAN, WGAN_GP, HINGE -> -1;
            case LSGAN -> s - 1;
            case FGAN_KL, FGAN_REVERSE_KL, FGAN_PEARSON, FGAN_HELLINGER, FGAN_JS, FGAN_GAN ->
                    -divergence.activationDerivative(s);
        };
    }

    /**
     * What the dashboard shows as "D(x)": σ(s) for probabilistic losses; for an f-GAN loss the probability that x is
     * real which D's score implies, r/(1 + r) = σ(log r) with r = p_data/p_G = (f')⁻¹(g_f(s))
     * ({@link FDivergence#impliedLogRatio}), so that an optimal D shows D*(x) = p_data/(p_data + p_G) whatever the
     * divergence (for {@code fgan-gan} this is σ(s)); the raw score otherwise.
     */
    public double displayScore(double s) {
        if (divergence != null) {
            return sigmoid(divergence.impliedLogRatio(s));
        }
        return probabilistic() ? sigmoid(s) : s;
    }

    /** True when {@link #displayScore} is a probability: the probabilistic losses and the f-GAN losses. */
    public boolean displaysProbability() {
        return probabilistic() || divergence != null;
    }

    static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }

    /** log(1 + e^u) without overflow. */
    static double softplus(double u) {
        return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }
}
