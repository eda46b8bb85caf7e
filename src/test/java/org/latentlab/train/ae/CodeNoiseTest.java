package org.latentlab.train.ae;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.train.DoublePrecision;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gaussian noise on the logistic code's input (semantic hashing): its forward pass against σ(a + s·ε) computed
 * from the pre-activation, the trainer's gradient through it against central differences in double precision, and
 * the option off (the default, and what a file without it reads as) training exactly as before.
 */
@ExtendWith(DoublePrecision.class)
class CodeNoiseTest {

    private static final int BATCH = 5;

    private static AutoencoderTrainer trainer(AutoencoderSettings settings, Activation code) {
        MultiLayerNetwork enc = AeChecks.dense("enc", 6, 31, DataType.DOUBLE, new int[] {5, 4},
                new Activation[] {Activation.TANH, code});
        MultiLayerNetwork dec = AeChecks.dense("dec", 4, 32, DataType.DOUBLE, new int[] {6},
                new Activation[] {Activation.IDENTITY});
        return new AutoencoderTrainer(enc, dec, AeChecks.uniformSource(6), settings,
                AutoencoderTrainer.Kind.AUTOENCODER, 1);
    }

    @Test
    void noisyCodeIsTheSigmoidOfThePreActivationPlusNoise() {
        Random r = new Random(3);
        double[] a = new double[50];
        double[] c = new double[50];
        double[] eps = new double[50];
        for (int i = 0; i < a.length; i++) {
            a[i] = -12 + 24 * r.nextDouble();
            c[i] = 1 / (1 + Math.exp(-a[i]));
            eps[i] = r.nextGaussian();
        }
        double[] noisy = CodeNoise.noisy(c, eps, 4);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], CodeNoise.preActivation(c[i]), 1e-9 * Math.max(1, Math.exp(Math.abs(a[i]))));
            assertEquals(1 / (1 + Math.exp(-(a[i] + 4 * eps[i]))), noisy[i], 1e-12);
            double u = a[i] + 4 * eps[i];
            double direct = Math.exp(-u) / Math.pow(1 + Math.exp(-u), 2) / (Math.exp(-a[i])
                    / Math.pow(1 + Math.exp(-a[i]), 2));
            assertEquals(direct, CodeNoise.derivativeRatio(u, a[i]), 1e-10 * direct);
        }
        // a saturated code keeps a finite pre-activation
        double top = Math.log((1 - 0x1p-25) / 0x1p-25);
        assertEquals(top, CodeNoise.preActivation(1.0), 1e-9);
        assertEquals(top, CodeNoise.preActivation(1 - 1e-300), 1e-9);
        assertEquals(-CodeNoise.MAX_PRE_ACTIVATION, CodeNoise.preActivation(0.0), 0);
    }

    @Test
    void gradientThroughTheNoisyCodeMatchesFiniteDifferences() {
        AutoencoderSettings s = AutoencoderSettings.plain(Reconstruction.CROSS_ENTROPY, 1e-3, BATCH)
                .withCodeNoise(2);
        AutoencoderTrainer t = trainer(s, Activation.SIGMOID);
        INDArray x = AeChecks.uniform(41, BATCH, 6, 0, 1);
        double[] err = TrainerGradients.check(t, x, x, 77L);
        assertTrue(err[0] < 1e-5 && err[1] < 1e-5, "encoder " + err[0] + ", decoder " + err[1]);
        // the noise is there: another draw gives another loss
        t.random().setSeed(77L);
        double one = t.gradients(x, x).total();
        t.random().setSeed(78L);
        assertNotEquals(one, t.gradients(x, x).total());
        // and off in inference: evaluation is the noiseless reconstruction, whatever the random seed
        assertEquals(t.evaluate(x, false, 1).get("reconstruction"), t.evaluate(x, false, 2).get("reconstruction"),
                0);
    }

    @Test
    void noiseOffTrainsBitForBitAsSettingsWithoutTheOption() throws Exception {
        String json = "{\"reconstruction\": \"cross-entropy\", \"optimizer\": {\"type\": \"adam\","
                + " \"learningRate\": 0.001, \"beta1\": 0.9, \"beta2\": 0.999}, \"batchSize\": 5, \"beta\": 1}";
        AutoencoderSettings old = new ObjectMapper().readValue(json, AutoencoderSettings.class);
        assertEquals(0, old.codeNoise());
        assertEquals(old.describe(), old.withCodeNoise(0).describe());
        AutoencoderTrainer a = trainer(old, Activation.SIGMOID);
        AutoencoderTrainer b = trainer(old.withCodeNoise(0), Activation.SIGMOID);
        AutoencoderTrainer noisy = trainer(old.withCodeNoise(1), Activation.SIGMOID);
        for (int i = 0; i < 5; i++) {
            a.iterate();
            b.iterate();
            noisy.iterate();
        }
        assertArrayEquals(a.encoder().params().toDoubleVector(), b.encoder().params().toDoubleVector(), 0);
        assertArrayEquals(a.decoder().params().toDoubleVector(), b.decoder().params().toDoubleVector(), 0);
        assertNotEquals(a.lastLosses().get("total"), noisy.lastLosses().get("total"));
    }

    @Test
    void codeNoiseNeedsALogisticCodeAndNoPenalty() {
        AutoencoderSettings s = AutoencoderSettings.plain(Reconstruction.MSE, 1e-3, BATCH).withCodeNoise(4);
        assertThrows(LabException.class, () -> trainer(s, Activation.TANH));
        assertThrows(IllegalArgumentException.class, () -> s.withPenalty(AutoencoderSettings.Penalty.SPARSE_L1,
                0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> s.withCodeNoise(-1));
    }
}
