package org.latentlab.train.cyclegan;

import org.latentlab.model.OptimizerSpec;

import java.util.Locale;

/**
 * How a CycleGAN is trained (an experiment's {@code "cyclegan"} block). The losses are the paper's (Zhu, Park, Isola
 * and Efros 2017, Sections 3 and 4): least-squares GAN losses (Mao et al. 2017), the generators' {@code E[(D(G(a)) −
 * 1)²]} and each discriminator's {@code ½(E[(D(real) − 1)²] + E[D(fake)²])}; cycle consistency
 * {@code λ(E|F(G(a)) − a| + E|G(F(b)) − b|)}; and the identity term {@code λ_id·λ(E|G(b) − b| + E|F(a) − a|)} of their
 * Section 5.2, with λ_id relative to λ as in the authors' code (0.5 for photos from paintings; 0 leaves it out).
 * Every expectation is a mean over the batch and over the values of an example.
 *
 * @param cycleWeight            λ, the cycle-consistency weight (10 in the paper)
 * @param identityWeight         λ_id, the identity term's weight relative to λ (0: no identity term)
 * @param batch                  examples of each domain per iteration (the paper uses 1 image; points need more)
 * @param generatorOptimizer     G's and F's optimiser (the paper: Adam, rate 2e-4, β₁ 0.5)
 * @param discriminatorOptimizer D_A's and D_B's optimiser
 */
public record CycleGanSettings(double cycleWeight, double identityWeight, int batch,
                               OptimizerSpec generatorOptimizer, OptimizerSpec discriminatorOptimizer) {

    /** The largest batch. */
    public static final int MAX_BATCH = 4096;

    public CycleGanSettings {
        if (!(cycleWeight >= 0) || cycleWeight > 1000) {
            throw new IllegalArgumentException("cyclegan.cycleWeight: λ is 0 to 1000 (the paper's is 10), not "
                    + cycleWeight);
        }
        if (!(identityWeight >= 0) || identityWeight > 10) {
            throw new IllegalArgumentException("cyclegan.identityWeight: λ_id is 0 to 10 times λ (0.5 in the"
                    + " paper's Section 5.2; 0 leaves the identity term out), not " + identityWeight);
        }
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("cyclegan.batch: 1 to " + MAX_BATCH + " examples of each domain,"
                    + " not " + batch);
        }
        if (generatorOptimizer == null || discriminatorOptimizer == null) {
            throw new IllegalArgumentException("cyclegan: give generatorOptimizer and discriminatorOptimizer, e.g."
                    + " {\"type\": \"adam\", \"learningRate\": 2e-4, \"beta1\": 0.5}");
        }
    }

    /** "LSGAN, λ 10, identity 0.5λ, batch 64, G/F Adam lr=…, D Adam lr=…". */
    public String describe() {
        return String.format(Locale.ROOT, "least-squares GAN, cycle λ %s, identity %s, batch %d, G and F %s,"
                        + " D_A and D_B %s", number(cycleWeight),
                identityWeight == 0 ? "off" : number(identityWeight) + "λ", batch, generatorOptimizer,
                discriminatorOptimizer);
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
