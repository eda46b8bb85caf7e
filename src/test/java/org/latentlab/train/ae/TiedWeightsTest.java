package org.latentlab.train.ae;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.engine.DenseViews;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.train.DoublePrecision;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tied weights on a mirrored two-layer dense autoencoder 6-5-3 / 3-5-6: decoder layer L−1−l keeps exactly the
 * transpose of encoder layer l's weights while training, and the folded gradient on the shared weights is the
 * derivative of the loss as a function of them (encoder W perturbed and the decoder's copy set to its transpose).
 */
@ExtendWith(DoublePrecision.class)
class TiedWeightsTest {

    private static final int BATCH = 5;

    private static AutoencoderTrainer tied(long seed) {
        MultiLayerNetwork enc = AeChecks.dense("enc", 6, seed, DataType.DOUBLE, new int[] {5, 3},
                new Activation[] {Activation.SIGMOID, Activation.TANH}, 0.01);
        MultiLayerNetwork dec = AeChecks.dense("dec", 3, seed + 1, DataType.DOUBLE, new int[] {5, 6},
                new Activation[] {Activation.SIGMOID, Activation.IDENTITY}, 0.01);
        AutoencoderSettings s = AutoencoderSettings.plain(Reconstruction.CROSS_ENTROPY, 0.01, BATCH)
                .withTiedWeights(true);
        return new AutoencoderTrainer(enc, dec, AeChecks.uniformSource(6), s, AutoencoderTrainer.Kind.AUTOENCODER,
                seed);
    }

    private static void assertTransposes(AutoencoderTrainer t) {
        MultiLayerNetwork enc = t.encoder();
        MultiLayerNetwork dec = t.decoder();
        int layers = enc.getnLayers();
        for (int l = 0; l < layers; l++) {
            INDArray e = enc.getParam(l + "_W");
            INDArray d = dec.getParam((layers - 1 - l) + "_W");
            assertArrayEquals(e.transpose().toDoubleMatrix(), d.toDoubleMatrix(),
                    "decoder layer " + (layers - 1 - l) + " W must be encoder layer " + l + " W transposed");
        }
    }

    @Test
    void decoderWeightsStayExactlyTheTransposeOfTheEncoderWeights() {
        AutoencoderTrainer t = tied(3);
        assertTransposes(t);
        double[][] before = t.encoder().getParam("0_W").toDoubleMatrix();
        double[] decBiasBefore = t.decoder().getParam("1_b").dup().toDoubleVector();
        INDArray x = AeChecks.uniform(30, 64, 6, 0, 1);
        double first = t.evaluate(x, false, 1).get("reconstruction");
        for (int i = 0; i < 40; i++) {
            t.iterate();
            assertTransposes(t);
        }
        double last = t.evaluate(x, false, 1).get("reconstruction");
        assertFalse(java.util.Arrays.deepEquals(before, t.encoder().getParam("0_W").toDoubleMatrix()),
                "the shared weights were trained");
        assertFalse(java.util.Arrays.equals(decBiasBefore, t.decoder().getParam("1_b").toDoubleVector()),
                "the decoder's own biases were trained");
        assertTrue(last < first, "the loss went down: " + first + " -> " + last);
    }

    @Test
    void foldedGradientIsTheDerivativeWithRespectToTheSharedWeights() {
        AutoencoderTrainer t = tied(5);
        MultiLayerNetwork enc = t.encoder();
        MultiLayerNetwork dec = t.decoder();
        INDArray x = AeChecks.uniform(31, BATCH, 6, 0, 1);
        AutoencoderTrainer.StepResult r = t.gradients(x, x);
        INDArray ge = r.encoderGradient();
        INDArray gd = r.decoderGradient();
        double total = r.total();
        INDArray[] encW = {DenseViews.weights(enc, ge, 0).dup(), DenseViews.weights(enc, ge, 1).dup()};
        INDArray[] decW = {DenseViews.weights(dec, gd, 0).dup(), DenseViews.weights(dec, gd, 1).dup()};
        INDArray decB = DenseViews.bias(dec, gd, 1).dup();
        for (INDArray g : decW) {
            assertEquals(0, g.amaxNumber().doubleValue(), 0, "the decoder's copy gets no gradient of its own");
        }

        double worst = 0;
        double raw = 0;
        int checked = 0;
        for (int l = 0; l < 2; l++) {
            INDArray w = enc.getParam(l + "_W");
            INDArray mirror = dec.getParam((1 - l) + "_W");
            for (int i = 0; i < w.rows(); i++) {
                for (int j = 0; j < w.columns(); j++) {
                    double orig = w.getDouble(i, j);
                    w.putScalar(i, j, orig + AeChecks.H);
                    mirror.assign(w.transpose());
                    double plus = t.gradients(x, x).total();
                    w.putScalar(i, j, orig - AeChecks.H);
                    mirror.assign(w.transpose());
                    double minus = t.gradients(x, x).total();
                    w.putScalar(i, j, orig);
                    mirror.assign(w.transpose());
                    double numeric = (plus - minus) / (2 * AeChecks.H);
                    double analytic = encW[l].getDouble(i, j);
                    double diff = Math.abs(analytic - numeric);
                    raw = Math.max(raw, diff / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8));
                    if (diff >= AeChecks.absFloor(total)) {
                        worst = Math.max(worst, diff / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8));
                    }
                    checked++;
                }
            }
        }
        // the decoder's biases are not shared: their gradient is the plain one
        INDArray b = dec.getParam("1_b");
        double[] decBNumeric = new double[(int) b.length()];
        for (int j = 0; j < b.length(); j++) {
            double orig = b.getDouble(j);
            b.putScalar(j, orig + AeChecks.H);
            double plus = t.gradients(x, x).total();
            b.putScalar(j, orig - AeChecks.H);
            double minus = t.gradients(x, x).total();
            b.putScalar(j, orig);
            decBNumeric[j] = (plus - minus) / (2 * AeChecks.H);
        }
        double biasErr = AeChecks.maxRelativeError(decB.toDoubleVector(), decBNumeric, AeChecks.absFloor(total));
        System.out.printf("tied weights: %d shared weights, max relative error %.3e (unfloored %.3e); decoder bias"
                + " %.3e (unfloored %.3e)%n", checked, worst, raw, biasErr,
                AeChecks.rawRelativeError(decB.toDoubleVector(), decBNumeric));
        assertEquals(6 * 5 + 5 * 3, checked);
        assertTrue(worst < 1e-5, "shared weights: max relative error " + worst);
        assertTrue(biasErr < 1e-5, "decoder bias: max relative error " + biasErr);
    }

    @Test
    void aDecoderThatDoesNotMirrorTheEncoderIsRefused() {
        MultiLayerNetwork enc = AeChecks.dense("enc", 6, 1, DataType.DOUBLE, new int[] {5, 3},
                new Activation[] {Activation.SIGMOID, Activation.TANH});
        MultiLayerNetwork dec = AeChecks.dense("dec", 3, 2, DataType.DOUBLE, new int[] {4, 6},
                new Activation[] {Activation.SIGMOID, Activation.IDENTITY});
        AutoencoderSettings s = AutoencoderSettings.plain(Reconstruction.MSE, 0.01, BATCH).withTiedWeights(true);
        LabException e = assertThrows(LabException.class, () -> new AutoencoderTrainer(enc, dec,
                AeChecks.uniformSource(6), s, AutoencoderTrainer.Kind.AUTOENCODER, 1));
        assertTrue(e.getMessage().contains("tied weights"), e.getMessage());
    }
}
