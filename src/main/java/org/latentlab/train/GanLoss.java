package org.latentlab.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
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
 */
public enum GanLoss {
    MINIMAX("minimax"),
    NON_SATURATING("nonsaturating"),
    WGAN("wgan"),
    WGAN_GP("wgan-gp"),
    LSGAN("lsgan"),
    HINGE("hinge");

    private final String id;

    GanLoss(String id) {
        this.id = id;
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
        };
    }

    public double realLossDerivative(double s, double target) {
        return switch (this) {
            case MINIMAX, NON_SATURATING -> sigmoid(s) - target;
            case WGAN, WGAN_GP -> -1;
            case LSGAN -> s - target;
            case HINGE -> s < 1 ? -1 : 0;
        };
    }

    /** D's loss for one generated example with score s. */
    public double fakeLoss(double s) {
        return switch (this) {
            case MINIMAX, NON_SATURATING -> softplus(s);
            case WGAN, WGAN_GP -> s;
            case LSGAN -> 0.5 * s * s;
            case HINGE -> Math.max(0, 1 + s);
        };
    }

    public double fakeLossDerivative(double s) {
        return switch (this) {
            case MINIMAX, NON_SATURATING -> sigmoid(s);
            case WGAN, WGAN_GP -> 1;
            case LSGAN -> s;
            case HINGE -> s > -1 ? 1 : 0;
        };
    }

    /** G's loss for one generated example with score s. */
    public double generatorLoss(double s) {
        return switch (this) {
            case MINIMAX -> -softplus(s);
            case NON_SATURATING -> softplus(-s);
            case WGAN, WGAN_GP, HINGE -> -s;
            case LSGAN -> 0.5 * (s - 1) * (s - 1);
        };
    }

    public double generatorLossDerivative(double s) {
        return switch (this) {
            case MINIMAX -> -sigmoid(s);
            case NON_SATURATING -> sigmoid(s) - 1;
            case WGAN, WGAN_GP, HINGE -> -1;
            case LSGAN -> s - 1;
        };
    }

    /** What the dashboard shows as "D(x)": σ(s) for probabilistic losses, the raw score otherwise. */
    public double displayScore(double s) {
        return probabilistic() ? sigmoid(s) : s;
    }

    static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }

    /** log(1 + e^u) without overflow. */
    static double softplus(double u) {
        return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }
}
