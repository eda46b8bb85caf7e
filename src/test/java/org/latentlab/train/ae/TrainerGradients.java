package org.latentlab.train.ae;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer's gradients (both networks, left in their gradient views by {@code gradients}) against central
 * differences of its total loss over every parameter. {@code gradients} only computes: perturbing the live flat
 * parameter buffers and calling it again gives the loss at the perturbed point. For a VAE the noise is drawn from
 * the trainer's generator, so it is re-seeded before every call and ε is the same at every point.
 */
final class TrainerGradients {

    private TrainerGradients() {
    }

    /** {max relative error over the encoder's parameters, over the decoder's}; prints the loss parts. */
    static double[] check(AutoencoderTrainer t, INDArray input, INDArray target, Long noiseSeed) {
        DoubleSupplier loss = () -> {
            if (noiseSeed != null) {
                t.random().setSeed(noiseSeed);
            }
            return t.gradients(input, target).total();
        };
        if (noiseSeed != null) {
            t.random().setSeed(noiseSeed);
        }
        AutoencoderTrainer.StepResult r = t.gradients(input, target);
        Map<String, Double> losses = Map.copyOf(r.losses());
        // the gradient views are overwritten by the next call: copy them first
        double[] encAnalytic = r.encoderGradient().dup().toDoubleVector();
        double[] decAnalytic = r.decoderGradient().dup().toDoubleVector();
        double total = r.total();
        assertTrue(Math.abs(loss.getAsDouble() - total) <= 1e-12 * Math.abs(total),
                "the loss must be a deterministic function of the parameters");

        MultiLayerNetwork enc = t.encoder();
        MultiLayerNetwork dec = t.decoder();
        double[] encNumeric = AeChecks.centralDifferences(enc.params(), loss);
        double[] decNumeric = AeChecks.centralDifferences(dec.params(), loss);
        double floor = AeChecks.absFloor(total);
        double encErr = AeChecks.maxRelativeError(encAnalytic, encNumeric, floor);
        double decErr = AeChecks.maxRelativeError(decAnalytic, decNumeric, floor);
        System.out.printf("  losses %s; %d + %d parameters; |grad| max encoder %.3e decoder %.3e;"
                        + " unfloored max relative error encoder %.3e decoder %.3e%n", losses, encAnalytic.length,
                decAnalytic.length, AeChecks.maxAbs(encAnalytic), AeChecks.maxAbs(decAnalytic),
                AeChecks.rawRelativeError(encAnalytic, encNumeric), AeChecks.rawRelativeError(decAnalytic,
                        decNumeric));
        if (encErr >= 1e-5) {
            System.out.println("encoder:" + AeChecks.describe(encAnalytic, encNumeric));
        }
        if (decErr >= 1e-5) {
            System.out.println("decoder:" + AeChecks.describe(decAnalytic, decNumeric));
        }
        assertTrue(AeChecks.maxAbs(encAnalytic) > 1e-4 && AeChecks.maxAbs(decAnalytic) > 1e-4,
                "the gradients must not be trivially zero");
        return new double[] {encErr, decErr};
    }
}
