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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contractive penalty in double precision: the closed form of ‖∂c/∂x‖²_F against the Jacobian of a real DL4J
 * sigmoid encoder by central differences of its outputs; the penalty's two gradient parts against differences of
 * its value; and the whole trainer's gradient (reconstruction + contraction, both networks) against central
 * differences of the total loss.
 */
@ExtendWith(DoublePrecision.class)
class ContractivePenaltyTest {

    private static final int IN = 12;
    private static final int UNITS = 5;
    private static final int N = 4;

    @Test
    void closedFormJacobianNormMatchesFiniteDifferencesOfTheEncoder() {
        MultiLayerNetwork enc = AeChecks.dense("enc", IN, 3, DataType.DOUBLE, new int[] {UNITS},
                new Activation[] {Activation.SIGMOID});
        INDArray x = AeChecks.uniform(7, N, IN, -1, 1);
        double[] h = AeChecks.flat(enc.output(x, false));
        double[] s = ContractivePenalty.columnSquareNorms(AeChecks.flat(enc.getParam("0_W")), IN, UNITS);
        double[] closed = ContractivePenalty.jacobianNormSquared(h, N, UNITS, s);

        double worst = 0;
        for (int e = 0; e < N; e++) {
            double frob = 0;
            for (int i = 0; i < IN; i++) {
                INDArray plus = x.dup();
                INDArray minus = x.dup();
                plus.putScalar(e, i, x.getDouble(e, i) + AeChecks.H);
                minus.putScalar(e, i, x.getDouble(e, i) - AeChecks.H);
                INDArray cp = enc.output(plus, false);
                INDArray cm = enc.output(minus, false);
                for (int j = 0; j < UNITS; j++) {
                    double dji = (cp.getDouble(e, j) - cm.getDouble(e, j)) / (2 * AeChecks.H);
                    frob += dji * dji;
                }
            }
            double rel = Math.abs(frob - closed[e]) / closed[e];
            worst = Math.max(worst, rel);
            assertTrue(closed[e] > 0);
        }
        System.out.printf("contractive ||J||_F^2 closed form vs finite differences: max relative error %.3e%n",
                worst);
        assertTrue(worst < 1e-4, "closed form vs finite-difference Jacobian, relative error " + worst);

        double mean = 0;
        for (double v : closed) {
            mean += v / N;
        }
        assertEquals(0.3 * mean, ContractivePenalty.value(h, N, UNITS, s, 0.3), 1e-14);
    }

    @Test
    void penaltyGradientsMatchDifferencesOfItsValue() {
        double lambda = 0.4;
        double[] w = AeChecks.flat(AeChecks.uniform(5, IN, UNITS, -0.8, 0.8));
        double[] h = AeChecks.flat(AeChecks.uniform(6, N, UNITS, 0.05, 0.95));
        double[] s = ContractivePenalty.columnSquareNorms(w, IN, UNITS);

        // through h, s held fixed
        double[] codeAnalytic = ContractivePenalty.codeGradient(h, N, UNITS, s, lambda);
        double[] codeNumeric = new double[h.length];
        for (int j = 0; j < h.length; j++) {
            double[] p = h.clone();
            double[] m = h.clone();
            p[j] += AeChecks.H;
            m[j] -= AeChecks.H;
            codeNumeric[j] = (ContractivePenalty.value(p, N, UNITS, s, lambda)
                    - ContractivePenalty.value(m, N, UNITS, s, lambda)) / (2 * AeChecks.H);
        }
        // through W (the column norms), h held fixed
        double[] weightAnalytic = ContractivePenalty.weightGradient(h, N, UNITS, w, IN, lambda);
        double[] weightNumeric = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            double[] p = w.clone();
            double[] m = w.clone();
            p[j] += AeChecks.H;
            m[j] -= AeChecks.H;
            weightNumeric[j] = (ContractivePenalty.value(h, N, UNITS, ContractivePenalty.columnSquareNorms(p, IN,
                    UNITS), lambda) - ContractivePenalty.value(h, N, UNITS, ContractivePenalty.columnSquareNorms(m,
                    IN, UNITS), lambda)) / (2 * AeChecks.H);
        }
        double value = ContractivePenalty.value(h, N, UNITS, s, lambda);
        double codeErr = AeChecks.maxRelativeError(codeAnalytic, codeNumeric, AeChecks.absFloor(value));
        double weightErr = AeChecks.maxRelativeError(weightAnalytic, weightNumeric, AeChecks.absFloor(value));
        System.out.printf("contractive dP/dh max relative error %.3e (unfloored %.3e), dP/dW (direct) %.3e"
                + " (unfloored %.3e)%n", codeErr, AeChecks.rawRelativeError(codeAnalytic, codeNumeric), weightErr,
                AeChecks.rawRelativeError(weightAnalytic, weightNumeric));
        assertTrue(codeErr < 1e-6, "dP/dh: " + codeErr + AeChecks.describe(codeAnalytic, codeNumeric));
        assertTrue(weightErr < 1e-6, "dP/dW: " + weightErr + AeChecks.describe(weightAnalytic, weightNumeric));
    }

    @Test
    void trainerGradientOfReconstructionPlusContractionMatchesFiniteDifferences() {
        MultiLayerNetwork enc = AeChecks.dense("enc", 6, 11, DataType.DOUBLE, new int[] {4},
                new Activation[] {Activation.SIGMOID});
        MultiLayerNetwork dec = AeChecks.dense("dec", 4, 12, DataType.DOUBLE, new int[] {6},
                new Activation[] {Activation.IDENTITY});
        AutoencoderSettings settings = AutoencoderSettings.plain(Reconstruction.CROSS_ENTROPY, 1e-3, 5)
                .withPenalty(Penalty.CONTRACTIVE, 0.5, 0);
        AutoencoderTrainer t = new AutoencoderTrainer(enc, dec, AeChecks.uniformSource(6), settings,
                AutoencoderTrainer.Kind.AUTOENCODER, 1);
        // larger weights than Xavier's so that the contraction is a sizeable part of the loss
        enc.params().muli(3);
        INDArray x = AeChecks.uniform(21, 5, 6, 0, 1);

        double[] err = TrainerGradients.check(t, x, x, null);
        System.out.printf("trainer gradient, contractive: max relative error encoder %.3e, decoder %.3e%n",
                err[0], err[1]);
        assertTrue(err[0] < 1e-5 && err[1] < 1e-5, "encoder " + err[0] + ", decoder " + err[1]);
    }
}
