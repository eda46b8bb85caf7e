package org.latentlab.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The energy-based GAN (Zhao, Mathieu and LeCun 2017): the experiment file's top-level
 * {@code "energy": {"margin": m, "pullAway": true, "pullAwayWeight": 0.1, "codeLayer": "d_code"}}. D is an
 * autoencoder whose energy is its reconstruction error D(x) = mean (Dec(Enc(x)) − x)², D's loss
 * L_D = D(x) + [m − D(G(z))]⁺ and G's loss L_G = D(G(z)) + λ_PT · f_PT (section 2.2, eq. 1–2; section 2.4).
 *
 * <p>A block beside the networks rather than a value of {@code training.loss}: it changes D's output from one score
 * to the data's size, and the pull-away term names a layer of D, as a conditional GAN's labels change the networks'
 * sizes; {@code training} keeps what may change during a run.
 *
 * <p>The energy is the mean squared error per value (the paper writes the norm ‖Dec(Enc(x)) − x‖; its reference
 * code uses the mean squared error), so a margin suits data of any size: the paper's m = 10 on MNIST was on a
 * summed error.
 *
 * @param margin         m &gt; 0: D pushes the energy of generated examples up to m and no further
 * @param pullAway       whether G's loss adds the pull-away term
 * @param pullAwayWeight λ_PT ≥ 0 (the paper: 0.1), used when {@code pullAway}
 * @param codeLayer      the layer of D whose activations are the codes S (the encoder's output); needed with the
 *                       pull-away term, may be "" without it
 */
public record EnergySettings(double margin, boolean pullAway, double pullAwayWeight, String codeLayer) {

    /** The paper's λ_PT (section 4.1, MNIST). */
    public static final double PAPER_PULL_AWAY_WEIGHT = 0.1;

    @JsonCreator
    static EnergySettings fromJson(@JsonProperty("margin") Double margin, @JsonProperty("pullAway") Boolean pullAway,
                                   @JsonProperty("pullAwayWeight") Double weight,
                                   @JsonProperty("codeLayer") String codeLayer) {
        return new EnergySettings(margin == null ? Double.NaN : margin, pullAway != null && pullAway,
                weight == null ? PAPER_PULL_AWAY_WEIGHT : weight, codeLayer == null ? "" : codeLayer);
    }

    public EnergySettings {
        if (!(margin > 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("energy.margin must be a positive number (D pushes the energy of"
                    + " generated examples up to it), not " + (Double.isNaN(margin) ? "missing" : margin));
        }
        if (!(pullAwayWeight >= 0) || !Double.isFinite(pullAwayWeight)) {
            throw new IllegalArgumentException("energy.pullAwayWeight must be >= 0 (the paper uses "
                    + PAPER_PULL_AWAY_WEIGHT + "), not " + pullAwayWeight);
        }
        codeLayer = codeLayer == null ? "" : codeLayer;
        if (pullAway && codeLayer.isBlank()) {
            throw new IllegalArgumentException("energy.pullAway compares the encoder's codes of G's samples: name the"
                    + " encoder's last layer of D in energy.codeLayer");
        }
    }

    /** λ_PT when the pull-away term is on, else 0. */
    public double pullAwayScale() {
        return pullAway ? pullAwayWeight : 0;
    }

    /** The energy and the two losses as the bench writes them. */
    public String formula() {
        return "E(x) = mean (D(x) − x)²;  L_D = E(x) + max(0, " + margin + " − E(G(z)));  L_G = E(G(z))"
                + (pullAway ? " + " + pullAwayWeight + " · f_PT(" + codeLayer + " codes of G's batch)" : "");
    }

    /** One line, e.g. "EBGAN m=0.3, pull-away 0.1 on d_code". */
    public String describe() {
        return "EBGAN m=" + margin + (pullAway ? ", pull-away " + pullAwayWeight + " on " + codeLayer : "");
    }
}
