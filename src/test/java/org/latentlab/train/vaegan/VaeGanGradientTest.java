package org.latentlab.train.vaegan;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.testing.FiniteDifferences;
import org.latentlab.train.DoublePrecision;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The VAE-GAN's update rules (Larsen et al. 2016, Algorithm 1) against central finite differences in double
 * precision on a tiny net: the encoder's gradient is that of L_prior + L_llike (no GAN term), the decoder's that of
 * γ·L_llike + L_GAN(Dec), the discriminator's that of L_GAN(Dis) alone (L_llike, which does depend on the
 * discriminator's parameters, is kept out of it); and the prior term equals the lab's VAE's KL on the same batch.
 */
@ExtendWith(DoublePrecision.class)
class VaeGanGradientTest {

    private static final int N = 3;
    private static final double TOLERANCE = 1e-6;

    private VaeGanTrainer trainer;
    private double[] x;
    private double[] eps;
    private double[] prior;

    @BeforeEach
    void setUp() {
        trainer = TinyVaeGan.trainer(DataType.DOUBLE, N, 5);
        x = TinyVaeGan.uniform(11, N * TinyVaeGan.PIXELS, 0, 1);
        eps = TinyVaeGan.gaussian(12, N * TinyVaeGan.CODE);
        prior = TinyVaeGan.gaussian(13, N * TinyVaeGan.CODE);
    }

    private double loss(String... parts) {
        var l = trainer.losses(x, eps, prior, false);
        double sum = 0;
        for (String p : parts) {
            sum += l.get(p);
        }
        return sum;
    }

    private double[] analytic(MultiLayerNetwork net) {
        trainer.losses(x, eps, prior, true);
        return net.getGradientsViewArray().dup().toDoubleVector();
    }

    private static double[] numeric(MultiLayerNetwork net, DoubleSupplier loss) {
        return FiniteDifferences.centralDifferences(net.params(), loss);
    }

    private static void assertClose(double[] analytic, double[] numeric, double lossValue, String what) {
        double err = FiniteDifferences.maxRelativeError(analytic, numeric, FiniteDifferences.absFloor(lossValue));
        assertTrue(err < TOLERANCE, what + ": max relative error " + err);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Test
    void encoderDescendsThePriorAndTheFeatureReconstructionOnly() {
        MultiLayerNetwork enc = trainer.encoder();
        double[] a = analytic(enc);
        double[] n = numeric(enc, () -> loss("KL", "feature reconstruction"));
        assertClose(a, n, loss("KL", "feature reconstruction"), "encoder");
        // the GAN term does depend on the encoder (through x̃): leaving it out is a choice the check can see
        double[] gan = numeric(enc, () -> loss("GAN (decoder)"));
        assertTrue(norm(gan) > 1e-4, "the decoder's GAN loss depends on the encoder: " + norm(gan));
    }

    @Test
    void decoderDescendsGammaTimesFeatureReconstructionPlusGan() {
        MultiLayerNetwork dec = trainer.decoder();
        double gamma = trainer.settings().gamma();
        DoubleSupplier objective = () -> gamma * loss("feature reconstruction") + loss("GAN (decoder)");
        double[] a = analytic(dec);
        assertClose(a, numeric(dec, objective), objective.getAsDouble(), "decoder");
        assertEquals(objective.getAsDouble(), loss(VaeGanTrainer.DECODER_LOSS), 1e-12);
    }

    @Test
    void discriminatorDescendsTheGanLossAloneNotTheFeatureReconstruction() {
        MultiLayerNetwork dis = trainer.discriminator();
        double[] a = analytic(dis);
        assertClose(a, numeric(dis, () -> loss(VaeGanTrainer.DISCRIMINATOR_LOSS)),
                loss(VaeGanTrainer.DISCRIMINATOR_LOSS), "discriminator");
        double[] llike = numeric(dis, () -> loss("feature reconstruction"));
        assertTrue(norm(llike) > 1e-4, "L_llike depends on the discriminator's layers: " + norm(llike));
    }

    @Test
    void priorTermIsTheVaesKlOnTheSameBatch() {
        AutoencoderSettings vae = new AutoencoderSettings(AutoencoderSettings.Reconstruction.CROSS_ENTROPY,
                trainer.settings().optimizer(), N, false, AutoencoderSettings.Penalty.NONE, 0, 0,
                AutoencoderSettings.Corruption.NONE, 0, AutoencoderSettings.Pretraining.NONE, 0, 1.0, 0);
        AutoencoderTrainer ae = new AutoencoderTrainer(trainer.encoder(), trainer.decoder(), TinyVaeGan.data(), vae,
                AutoencoderTrainer.Kind.VAE, 5);
        INDArray batch = Nd4j.create(x, new long[] {N, TinyVaeGan.PIXELS}, DataType.DOUBLE);
        double vaeKl = ae.gradients(batch, batch).losses().get("KL");
        assertEquals(vaeKl, loss("KL"), 1e-12);
        // and the closed form ½ Σ (μ² + σ² − 1 − log σ²), mean over the batch, from the encoder's raw output
        double[] e = trainer.encoder().output(batch).ravel().toDoubleVector();
        double kl = 0;
        int k = TinyVaeGan.CODE;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < k; j++) {
                double mu = e[i * 2 * k + j];
                double lv = e[i * 2 * k + k + j];
                kl += 0.5 * (mu * mu + Math.exp(lv) - 1 - lv) / N;
            }
        }
        assertEquals(kl, loss("KL"), 1e-12);
        assertTrue(kl > 1e-3, "a KL that is not 0: " + kl);
    }

    @Test
    void featureReconstructionIsHalfTheSquaredDistanceOfDl4jsOwnFeatures() {
        INDArray batch = Nd4j.create(x, new long[] {N, TinyVaeGan.PIXELS}, DataType.DOUBLE);
        double[] e = trainer.encoder().output(batch).ravel().toDoubleVector();
        int k = TinyVaeGan.CODE;
        double[] z = new double[N * k];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < k; j++) {
                z[i * k + j] = e[i * 2 * k + j] + Math.exp(0.5 * e[i * 2 * k + k + j]) * eps[i * k + j];
            }
        }
        INDArray logits = trainer.decoder().output(Nd4j.create(z, new long[] {N, k}, DataType.DOUBLE));
        INDArray xTilde = org.nd4j.linalg.ops.transforms.Transforms.sigmoid(logits, true);
        MultiLayerNetwork d = trainer.discriminator();
        double[] real = d.feedForwardToLayer(0, batch, false).get(1).ravel().toDoubleVector();
        double[] fake = d.feedForwardToLayer(0, xTilde, false).get(1).ravel().toDoubleVector();
        double expected = 0;
        for (int i = 0; i < real.length; i++) {
            expected += 0.5 * (fake[i] - real[i]) * (fake[i] - real[i]) / N;
        }
        assertEquals(expected, loss("feature reconstruction"), 1e-12);
        assertTrue(expected > 1e-6, "a distance that is not 0: " + expected);
    }
}
