package org.latentlab.train.vaegan;

import org.latentlab.model.OptimizerSpec;

import java.util.Locale;

/**
 * How a VAE-GAN is trained (an experiment's {@code "vaegan"} block), after Larsen, Sønderby, Larochelle and Winther
 * (2016), Algorithm 1: the encoder descends L_prior + L_llike, the decoder γ·L_llike + L_GAN(decoder), the
 * discriminator L_GAN(discriminator), all three gradients taken at the same parameters.
 *
 * @param featureLayer the discriminator's layer Dis_l whose activations the reconstruction is measured in
 * @param gamma        γ, the weight of the feature-space reconstruction against the GAN term in the decoder's loss
 * @param realWeight   the share of the real images in the discriminator's loss, the rest going to the generated
 *                     ones (reconstructions and prior samples together); the authors' code uses 0.5 to 0.66
 * @param optimizer    the encoder's and the decoder's optimiser
 * @param discriminatorOptimizer the discriminator's optimiser
 * @param batchSize    real images per step (as many reconstructions and as many prior samples)
 */
public record VaeGanSettings(String featureLayer, double gamma, double realWeight, OptimizerSpec optimizer,
                             OptimizerSpec discriminatorOptimizer, int batchSize) {

    /** The largest batch. */
    public static final int MAX_BATCH = 4096;

    public VaeGanSettings {
        if (featureLayer == null || featureLayer.isBlank()) {
            throw new IllegalArgumentException("vaegan.featureLayer: name the discriminator's layer the"
                    + " reconstruction is measured in, e.g. \"d2\"");
        }
        if (!(gamma > 0) || !Double.isFinite(gamma) || gamma > 1e6) {
            throw new IllegalArgumentException("vaegan.gamma: " + gamma + "; the reconstruction's weight in the"
                    + " decoder's loss is above 0 and at most 1e6, e.g. 0.1");
        }
        if (!(realWeight > 0) || !(realWeight < 1)) {
            throw new IllegalArgumentException("vaegan.realWeight: " + realWeight + "; the real images' share of"
                    + " the discriminator's loss is between 0 and 1, e.g. 0.5");
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("vaegan.optimizer: the encoder's and decoder's optimiser is missing,"
                    + " e.g. {\"type\": \"adam\", \"learningRate\": 0.0003, \"beta1\": 0.5, \"beta2\": 0.999}");
        }
        discriminatorOptimizer = discriminatorOptimizer == null ? optimizer : discriminatorOptimizer;
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("vaegan.batchSize: " + batchSize + "; use 1 to " + MAX_BATCH
                    + ", e.g. 64");
        }
    }

    /** The same settings with another γ. */
    public VaeGanSettings withGamma(double g) {
        return new VaeGanSettings(featureLayer, g, realWeight, optimizer, discriminatorOptimizer, batchSize);
    }

    /** "reconstruction in D's layer d2, gamma 0.1, real share 0.5, batch 64". */
    public String describe() {
        return String.format(Locale.ROOT, "reconstruction in D's layer %s, gamma %s, real share %s, batch %d",
                featureLayer, number(gamma), number(realWeight), batchSize);
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
