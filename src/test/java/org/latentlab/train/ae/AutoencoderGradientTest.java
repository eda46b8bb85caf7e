package org.latentlab.train.ae;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.model.Activation;
import org.latentlab.train.DoublePrecision;
import org.latentlab.train.ae.AutoencoderSettings.Penalty;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The autoencoder trainer's gradients in double precision against central differences of its total loss, for the
 * sparsity penalties, a plain squared-error AE with a denoising input ≠ target, and VAEs (noise fixed by
 * re-seeding the trainer's generator before every evaluation of the loss); and the VAE's sampling block's backward
 * pass against differences of KL + a linear function of z.
 */
@ExtendWith(DoublePrecision.class)
class AutoencoderGradientTest {

    private static final double TOLERANCE = 1e-5;
    private static final int BATCH = 5;

    private static AutoencoderTrainer autoencoder(AutoencoderSettings settings, Activation codeActivation) {
        MultiLayerNetwork enc = AeChecks.dense("enc", 6, 11, DataType.DOUBLE, new int[] {4},
                new Activation[] {codeActivation});
        MultiLayerNetwork dec = AeChecks.dense("dec", 4, 12, DataType.DOUBLE, new int[] {6},
                new Activation[] {Activation.IDENTITY});
        return new AutoencoderTrainer(enc, dec, AeChecks.uniformSource(6), settings,
                AutoencoderTrainer.Kind.AUTOENCODER, 1);
    }

    private static AutoencoderTrainer vae(AutoencoderSettings settings) {
        MultiLayerNetwork enc = AeChecks.dense("enc", 6, 13, DataType.DOUBLE, new int[] {5, 4},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        MultiLayerNetwork dec = AeChecks.dense("dec", 2, 14, DataType.DOUBLE, new int[] {5, 6},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        return new AutoencoderTrainer(enc, dec, AeChecks.uniformSource(6), settings, AutoencoderTrainer.Kind.VAE, 1);
    }

    private static void assertSmall(String what, double[] err) {
        System.out.printf("trainer gradient, %s: max relative error encoder %.3e, decoder %.3e%n", what, err[0],
                err[1]);
        assertTrue(err[0] < TOLERANCE && err[1] < TOLERANCE, what + ": encoder " + err[0] + ", decoder " + err[1]);
    }

    @Test
    void sparseKlGradientMatchesFiniteDifferences() {
        AutoencoderSettings s = AutoencoderSettings.plain(Reconstruction.CROSS_ENTROPY, 1e-3, BATCH)
                .withPenalty(Penalty.SPARSE_KL, 3, 0.05);
        AutoencoderTrainer t = autoencoder(s, Activation.SIGMOID);
        INDArray x = AeChecks.uniform(21, BATCH, 6, 0, 1);
        double[] err = TrainerGradients.check(t, x, x, null);
        assertTrue(t.gradients(x, x).losses().get("sparsity KL") > 0.1, "the penalty must weigh in");
        assertSmall("sparse-kl", err);
    }

    @Test
    void sparseL1GradientMatchesFiniteDifferences() {
        AutoencoderSettings s = AutoencoderSettings.plain(Reconstruction.CROSS_ENTROPY, 1e-3, BATCH)
                .withPenalty(Penalty.SPARSE_L1, 0.8, 0);
        AutoencoderTrainer t = autoencoder(s, Activation.SIGMOID);
        INDArray x = AeChecks.uniform(22, BATCH, 6, 0, 1);
        assertSmall("sparse-l1", TrainerGradients.check(t, x, x, null));
    }

    @Test
    void squaredErrorWithInputDifferentFromTargetMatchesFiniteDifferences() {
        AutoencoderTrainer t = autoencoder(AutoencoderSettings.plain(Reconstruction.MSE, 1e-3, BATCH),
                Activation.TANH);
        INDArray target = AeChecks.uniform(23, BATCH, 6, 0, 1);
        INDArray input = target.mul(AeChecks.uniform(24, BATCH, 6, 0, 1).gt(0.4).castTo(DataType.DOUBLE));
        assertSmall("mse, masked input", TrainerGradients.check(t, input, target, null));
    }

    @Test
    void vaeBernoulliGradientWithFixedNoiseMatchesFiniteDifferences() {
        AutoencoderTrainer t = vae(AutoencoderSettings.plain(Reconstruction.CROSS_ENTROPY, 1e-3, BATCH));
        // log-variances away from 0 so that σ ≠ 1 is exercised
        t.encoder().params().muli(2);
        INDArray x = AeChecks.uniform(25, BATCH, 6, 0, 1);
        double[] err = TrainerGradients.check(t, x, x, 99L);
        assertSmall("vae bernoulli beta 1", err);
    }

    @Test
    void vaeGaussianGradientWithBetaMatchesFiniteDifferences() {
        AutoencoderTrainer t = vae(AutoencoderSettings.plain(Reconstruction.MSE, 1e-3, BATCH).withBeta(0.5));
        t.encoder().params().muli(2);
        INDArray x = AeChecks.uniform(26, BATCH, 6, -1, 1);
        t.random().setSeed(5);
        var losses = t.gradients(x, x).losses();
        assertEquals(losses.get("reconstruction") + 0.5 * losses.get("KL"), losses.get("total"), 1e-12);
        assertSmall("vae gaussian beta 0.5", TrainerGradients.check(t, x, x, 98L));
    }

    @Test
    void vaeNoiseIsDrawnAfreshOnEveryCall() {
        AutoencoderTrainer t = vae(AutoencoderSettings.plain(Reconstruction.CROSS_ENTROPY, 1e-3, BATCH));
        INDArray x = AeChecks.uniform(27, BATCH, 6, 0, 1);
        t.random().setSeed(1);
        double a = t.gradients(x, x).total();
        double b = t.gradients(x, x).total();
        t.random().setSeed(1);
        double c = t.gradients(x, x).total();
        assertNotEquals(a, b, "two calls draw different noise");
        assertEquals(a, c, 0, "the same generator state gives the same loss");
    }

    @Test
    void reparameterisationBackwardMatchesDifferencesOfKlPlusLinearFunctionOfZ() {
        int n = 3;
        int k = 4;
        double beta = 0.7;
        Random r = new Random(3);
        double[] e = new double[n * 2 * k];
        double[] noise = new double[n * k];
        double[] a = new double[n * k];
        for (int i = 0; i < e.length; i++) {
            e[i] = 2 * r.nextDouble() - 1;
        }
        for (int i = 0; i < noise.length; i++) {
            noise[i] = r.nextGaussian();
            a[i] = r.nextGaussian();
        }
        // L(e) = Σ aᵢⱼ zᵢⱼ(e) + β · mean KL(e): then ∂L/∂z = a
        java.util.function.ToDoubleFunction<double[]> loss = v -> {
            double[] z = Reparameterisation.sample(v, noise, n, k);
            double s = 0;
            for (int i = 0; i < z.length; i++) {
                s += a[i] * z[i];
            }
            return s + beta * Reparameterisation.kl(v, n, k);
        };
        double[] analytic = new double[e.length];
        double kl = Reparameterisation.backward(e, noise, a, n, k, beta, analytic);
        assertEquals(Reparameterisation.kl(e, n, k), kl, 0);
        double[] numeric = new double[e.length];
        for (int j = 0; j < e.length; j++) {
            double[] p = e.clone();
            double[] m = e.clone();
            p[j] += AeChecks.H;
            m[j] -= AeChecks.H;
            numeric[j] = (loss.applyAsDouble(p) - loss.applyAsDouble(m)) / (2 * AeChecks.H);
        }
        double err = AeChecks.maxRelativeError(analytic, numeric, 0);
        System.out.printf("reparameterisation backward: max relative error %.3e%n", err);
        assertTrue(err < 1e-7, "max relative error " + err + AeChecks.describe(analytic, numeric));

        // KL of N(μ, σ²) against N(0, I), written out per example
        double expected = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double mu = e[i * 2 * k + j];
                double lv = e[i * 2 * k + k + j];
                expected += -0.5 * (1 + lv - mu * mu - Math.exp(lv));
            }
        }
        assertEquals(expected / n, kl, 1e-14);
    }
}
