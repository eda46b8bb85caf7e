package org.latentlab.train.vaegan;

import org.latentlab.engine.TrainingNetwork;
import org.latentlab.train.Host;
import org.latentlab.train.StepArrays;
import org.latentlab.train.ae.Reparameterisation;

/**
 * One VAE-GAN batch (Larsen, Sønderby, Larochelle and Winther 2016, section 2 and Algorithm 1): its losses and the
 * three networks' gradients, each network's from its own loss, all at the same parameters.
 *
 * <p>With x the real batch (n images), the encoder's e = [μ, log σ²], z = μ + σ ⊙ ε, the decoder's logits a and
 * x̃ = sigmoid(a), prior codes z_p ~ N(0, I) decoded to x_p, and Dis_l the discriminator's named layer:
 * <ul>
 *   <li>L_prior = mean over the batch of KL(N(μ, σ²) ‖ N(0, I)) (the VAE's KL term, {@link Reparameterisation});</li>
 *   <li>L_llike = mean over the batch of ½ ‖Dis_l(x̃) − Dis_l(x)‖²: minus the log of a unit-variance Gaussian
 *       N(Dis_l(x) | Dis_l(x̃), I), its constant left out (section 2.2);</li>
 *   <li>L_GAN(Dis) = r · mean over real of softplus(−s) + (1 − r) · mean over the 2n generated (x̃ and x_p) of
 *       softplus(s), s the discriminator's logit: its cross-entropy on reals against reconstructions and samples
 *       from the prior (section 2.2, equation 8);</li>
 *   <li>L_GAN(Dec) = mean over the 2n generated of softplus(−s): the non-saturating form of −L_GAN (Goodfellow et
 *       al. 2014, section 3).</li>
 * </ul>
 * The encoder descends L_prior + L_llike (no GAN gradient reaches it), the decoder γ·L_llike + L_GAN(Dec), the
 * discriminator L_GAN(Dis) only: L_llike's gradient through Dis_l goes to x̃ and on to the decoder and the encoder,
 * never into the discriminator's parameters.
 */
final class VaeGanStep {

    /** The parts of one batch's losses. */
    record Losses(double prior, double featureReconstruction, double discriminator, double decoderGan,
                  double gamma) {
        double encoder() {
            return prior + featureReconstruction;
        }

        double decoder() {
            return gamma * featureReconstruction + decoderGan;
        }
    }

    private final TrainingNetwork encoder;
    private final TrainingNetwork decoder;
    private final TrainingNetwork discriminator;
    private final TrainingNetwork features;
    private final StepArrays arrays;

    VaeGanStep(TrainingNetwork encoder, TrainingNetwork decoder, TrainingNetwork discriminator,
               TrainingNetwork features, StepArrays arrays) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.discriminator = discriminator;
        this.features = features;
        this.arrays = arrays;
    }

    /**
     * The losses of the batch {@code x} ([n, d]) with the noise {@code eps} and the prior codes {@code prior} (n × k
     * each, row-major); with {@code gradients}, also each network's gradient of its own loss, left in the networks'
     * gradient views (summed as DL4J's are, the 1/n of the means included).
     */
    Losses run(double[] x, double[] eps, double[] prior, int n, int d, int k, VaeGanSettings s, boolean gradients) {
        double r = s.realWeight();
        double gamma = s.gamma();
        // encode and sample the code
        double[] e = Host.doubles(encoder.forward(arrays.filled("x", n, d, x)));
        double[] z = Reparameterisation.sample(e, eps, n, k);
        double kl = Reparameterisation.kl(e, n, k);
        // decode the codes of the batch and the prior codes together: rows 0..n-1 are x̃, rows n..2n-1 are x_p
        double[] codes = new double[2 * n * k];
        System.arraycopy(z, 0, codes, 0, n * k);
        System.arraycopy(prior, 0, codes, n * k, n * k);
        double[] generated = Host.doubles(decoder.forward(arrays.filled("codes", 2L * n, k, codes)));
        for (int i = 0; i < generated.length; i++) {
            generated[i] = sigmoid(generated[i]);
        }
        // the reconstruction in the discriminator's layer: rows 0..n-1 are Dis_l(x), rows n..2n-1 Dis_l(x̃)
        double[] pair = new double[2 * n * d];
        System.arraycopy(x, 0, pair, 0, n * d);
        System.arraycopy(generated, 0, pair, n * d, n * d);
        double[] f = Host.doubles(features.forward(arrays.filled("pair", 2L * n, d, pair)));
        int m = f.length / (2 * n);
        double llike = 0;
        double[] featureGradient = new double[f.length];
        for (int i = 0; i < n * m; i++) {
            double diff = f[n * m + i] - f[i];
            llike += 0.5 * diff * diff / n;
            featureGradient[n * m + i] = diff / n; // ∂L_llike/∂Dis_l(x̃); none to Dis_l(x), a function of data alone
        }
        // the discriminator on real images, reconstructions and prior samples: rows 0..n-1, n..2n-1, 2n..3n-1
        double[] all = new double[3 * n * d];
        System.arraycopy(x, 0, all, 0, n * d);
        System.arraycopy(generated, 0, all, n * d, 2 * n * d);
        double[] logits = Host.doubles(discriminator.forward(arrays.filled("all", 3L * n, d, all)));
        double lossD = 0;
        double lossG = 0;
        double[] gradD = new double[3 * n];
        double[] gradG = new double[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            double sgm = logits[i];
            if (i < n) {
                lossD += r * softplus(-sgm) / n;
                gradD[i] = -r * sigmoid(-sgm) / n;
            } else {
                lossD += (1 - r) * softplus(sgm) / (2 * n);
                gradD[i] = (1 - r) * sigmoid(sgm) / (2 * n);
                lossG += softplus(-sgm) / (2 * n);
                gradG[i] = -sigmoid(-sgm) / (2 * n);
            }
        }
        Losses losses = new Losses(kl, llike, lossD, lossG, gamma);
        if (!gradients) {
            return losses;
        }
        // ∂L_llike/∂x̃ through Dis_l (its parameter gradient is dropped: the discriminator's comes from its own loss)
        double[] llikeInput = Host.doubles(features.inputGradient(arrays.filled("feature gradient", 2L * n, m,
                featureGradient)));
        // ∂L_GAN(Dec)/∂(x̃, x_p) through the discriminator, then the discriminator's own gradient, from one forward
        double[] ganInput = Host.doubles(discriminator.inputGradient(arrays.filled("decoder logit gradient", 3L * n,
                1, gradG)));
        discriminator.backward(arrays.filled("discriminator logit gradient", 3L * n, 1, gradD));
        // the decoder's output gradients (through the sigmoid): γ L_llike + L_GAN(Dec), and L_llike alone for the encoder
        double[] decoderOut = new double[2 * n * d];
        double[] llikeOut = new double[2 * n * d];
        for (int i = 0; i < 2 * n * d; i++) {
            double g = generated[i];
            double slope = g * (1 - g);
            double fromLlike = i < n * d ? llikeInput[n * d + i] * slope : 0;
            llikeOut[i] = fromLlike;
            decoderOut[i] = gamma * fromLlike + ganInput[n * d + i] * slope;
        }
        double[] codeGradient = Host.doubles(decoder.inputGradient(arrays.filled("llike output gradient", 2L * n, d,
                llikeOut)));
        decoder.backward(arrays.filled("decoder output gradient", 2L * n, d, decoderOut));
        double[] dz = java.util.Arrays.copyOf(codeGradient, n * k);
        double[] encoderOut = new double[n * 2 * k];
        Reparameterisation.backward(e, eps, dz, n, k, 1.0, encoderOut);
        encoder.backward(arrays.filled("encoder output gradient", n, 2L * k, encoderOut));
        return losses;
    }

    static double sigmoid(double a) {
        return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
    }

    /** log(1 + e^a), without overflow. */
    static double softplus(double a) {
        return a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
    }

}
