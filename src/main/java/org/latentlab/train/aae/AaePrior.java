package org.latentlab.train.aae;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;

import java.util.Locale;
import java.util.Random;

/**
 * The distribution an adversarial autoencoder's code is made to follow (Makhzani et al. 2016, section 2 and figure
 * 2): a standard Gaussian of any dimension, or one of two 2-D priors made of {@value #COMPONENTS} parts, so that the
 * label-conditioned variant (section 2.3) can tie each class to its own part:
 * <ul>
 *   <li>{@link #MIXTURE}: ten Gaussians whose means lie on a circle of radius {@value #RADIUS} at angles 2πk/10,
 *   each stretched along its radius (standard deviation {@value #RADIAL_SD}) and narrow across it
 *   ({@value #TANGENTIAL_SD});</li>
 *   <li>{@link #SWISS_ROLL}: t uniform on [0, 1), the point ρ(t)(cos φ(t), sin φ(t)) with ρ = 1 + 5t,
 *   φ = π/2 + 3πt (one and a half turns), plus isotropic Gaussian noise of standard deviation
 *   {@value #ROLL_NOISE}; part k is the segment t ∈ [k/10, (k+1)/10).</li>
 * </ul>
 */
public enum AaePrior {
    GAUSSIAN("gaussian"),
    MIXTURE("mixture"),
    SWISS_ROLL("swiss-roll");

    /** Parts of the mixture and segments of the swiss roll: one per class of a ten-class data set. */
    public static final int COMPONENTS = 10;
    public static final double RADIUS = 4.0;
    public static final double RADIAL_SD = 1.0;
    public static final double TANGENTIAL_SD = 0.25;
    public static final double ROLL_NOISE = 0.2;
    /** ρ(t) = ROLL_R0 + ROLL_R1·t. */
    public static final double ROLL_R0 = 1.0;
    public static final double ROLL_R1 = 5.0;
    /** φ(t) = ROLL_PHI0 + ROLL_PHI1·t. */
    public static final double ROLL_PHI0 = Math.PI / 2;
    public static final double ROLL_PHI1 = 3 * Math.PI;

    private final String id;

    AaePrior(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static AaePrior parse(String s) {
        return EnumIds.parse(values(), AaePrior::id, s, "prior");
    }

    /** Whether the prior has {@value #COMPONENTS} parts a label can pick (the label-conditioned variant needs it). */
    public boolean hasParts() {
        return this != GAUSSIAN;
    }

    /** The code dimensions the prior lives in: 2 for the mixture and the swiss roll, any for the Gaussian (0). */
    public int requiredDimension() {
        return this == GAUSSIAN ? 0 : 2;
    }

    /**
     * Fills {@code out} (n × dim, row-major) with n draws. With {@code labels} (n labels in 0..9, or null), draw i
     * comes from part labels[i] of the mixture or the swiss roll; without, from the whole prior.
     */
    public void sample(int n, int dim, int[] labels, Random rng, double[] out) {
        if (this != GAUSSIAN && dim != 2) {
            throw new IllegalArgumentException("the " + id + " prior is 2-D, not " + dim + "-D");
        }
        for (int i = 0; i < n; i++) {
            switch (this) {
                case GAUSSIAN -> {
                    for (int j = 0; j < dim; j++) {
                        out[i * dim + j] = rng.nextGaussian();
                    }
                }
                case MIXTURE -> {
                    int k = labels == null ? rng.nextInt(COMPONENTS) : part(labels[i]);
                    double a = angle(k);
                    double r = RADIUS + RADIAL_SD * rng.nextGaussian();
                    double t = TANGENTIAL_SD * rng.nextGaussian();
                    out[2 * i] = r * Math.cos(a) - t * Math.sin(a);
                    out[2 * i + 1] = r * Math.sin(a) + t * Math.cos(a);
                }
                case SWISS_ROLL -> {
                    double u = rng.nextDouble();
                    double t = labels == null ? u : (part(labels[i]) + u) / COMPONENTS;
                    double rho = ROLL_R0 + ROLL_R1 * t;
                    double phi = ROLL_PHI0 + ROLL_PHI1 * t;
                    out[2 * i] = rho * Math.cos(phi) + ROLL_NOISE * rng.nextGaussian();
                    out[2 * i + 1] = rho * Math.sin(phi) + ROLL_NOISE * rng.nextGaussian();
                }
            }
        }
    }

    /** The direction of mixture component k: 2πk/10. */
    public static double angle(int k) {
        return 2 * Math.PI * k / COMPONENTS;
    }

    private static int part(int label) {
        if (label < 0 || label >= COMPONENTS) {
            throw new IllegalArgumentException("label " + label + " picks no part of the prior (0 to "
                    + (COMPONENTS - 1) + ")");
        }
        return label;
    }

    /** "mixture of 10 2-D Gaussians", for captions. */
    public String describe() {
        return switch (this) {
            case GAUSSIAN -> "standard Gaussian";
            case MIXTURE -> "mixture of " + COMPONENTS + " 2-D Gaussians";
            case SWISS_ROLL -> "swiss roll";
        };
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
