package org.latentlab.train.aae;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.train.DoublePrecision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each of the adversarial autoencoder's three losses against central differences in double precision, on tiny
 * networks: the reconstruction loss in the encoder's and the decoder's parameters, the discriminator's loss in its
 * own, and the encoder's adversarial loss (back through the discriminator) in the encoder's, plain and
 * label-conditioned.
 */
@ExtendWith(DoublePrecision.class)
class AaeGradientTest {

    private static final double EPS = 1e-6;

    private static AaeTrainer trainer(AaePrior prior, boolean supervised) {
        AaeSettings s = new AaeSettings(List.of(5), List.of(4), 2, prior, supervised, 7, null, null);
        return new AaeTrainer(s, new ToyCodes(50, 3), 11, DataType.DOUBLE);
    }

    @Test
    void reconstructionGradientMatchesCentralDifferences() {
        AaeTrainer t = trainer(AaePrior.GAUSSIAN, false);
        AaeTrainer.Batch b = t.batch(7);
        t.reconstructionGradients(b);
        double[] prior = t.priorDraws(b);
        check(t.encoder(), t.encoderPasses().gradient().dup(), () -> t.losses(b, prior).get("reconstruction"));
        check(t.decoder(), t.decoderPasses().gradient().dup(), () -> t.losses(b, prior).get("reconstruction"));
    }

    @Test
    void discriminatorGradientMatchesCentralDifferences() {
        for (boolean supervised : new boolean[] {false, true}) {
            AaeTrainer t = trainer(AaePrior.MIXTURE, supervised);
            AaeTrainer.Batch b = t.batch(7);
            double[] prior = t.priorDraws(b);
            t.discriminatorGradients(b, prior);
            check(t.discriminator(), t.discriminatorPasses().gradient().dup(),
                    () -> t.losses(b, prior).get("discriminator"));
        }
    }

    @Test
    void encoderAdversarialGradientMatchesCentralDifferences() {
        for (boolean supervised : new boolean[] {false, true}) {
            AaeTrainer t = trainer(AaePrior.SWISS_ROLL, supervised);
            AaeTrainer.Batch b = t.batch(7);
            double[] prior = t.priorDraws(b);
            t.encoderAdversarialGradients(b);
            check(t.encoderAdversary(), t.encoderAdversaryPasses().gradient().dup(),
                    () -> t.losses(b, prior).get("encoder adversarial"));
        }
    }

    /** Every parameter of {@code net}: the analytic derivative against (L(θ + ε) − L(θ − ε)) / 2ε. */
    private static void check(MultiLayerNetwork net, INDArray gradient, DoubleSupplier loss) {
        INDArray theta = net.params();
        double worst = 0;
        double[] g = gradient.reshape(theta.length()).toDoubleVector();
        assertEquals(theta.length(), g.length, "one derivative per parameter");
        for (int i = 0; i < theta.length(); i++) {
            double v = theta.getDouble(i);
            theta.putScalar(i, v + EPS);
            double up = loss.getAsDouble();
            theta.putScalar(i, v - EPS);
            double down = loss.getAsDouble();
            theta.putScalar(i, v);
            double numeric = (up - down) / (2 * EPS);
            double err = Math.abs(numeric - g[i]) / Math.max(1e-6, Math.abs(numeric) + Math.abs(g[i]));
            worst = Math.max(worst, err);
        }
        assertTrue(worst < 1e-5, "largest relative error " + worst + " in " + net.getLayerWiseConfigurations()
                .getConf(0).getLayer().getLayerName());
    }
}
