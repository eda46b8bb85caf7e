package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With batch norm in D, D's step must normalise real and generated examples as separate batches (as its G step
 * does). Oracle: the D loss computed with two separate training-mode forward passes, differentiated by central
 * differences in double precision over every trainable parameter (batch norm's running statistics excluded).
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class BatchNormDiscriminatorTest {

    @Test
    void discriminatorGradientWithBatchNormMatchesSeparateBatches() {
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        MultiLayerNetwork g = GradientChecks.denseNet("G", 2, Activation.TANH, 3, 5, 2);
        NetworkSpec dSpec = new NetworkSpec("D", Shape.vector(2), List.of(
                new LayerSpec.Dense("d1", 6, Activation.IDENTITY),
                new LayerSpec.BatchNorm("d_bn"),
                new LayerSpec.Act("d_act", Activation.TANH, 0),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY)));
        MultiLayerNetwork d = NetworkCompiler.compile(dSpec, adam, 4, DataType.DOUBLE);
        GanSettings settings = new GanSettings(GanLoss.NON_SATURATING, 1, 5, adam, adam, false, 0, 0, 0);
        GanTrainer trainer = new GanTrainer(g, d, ToyDistribution.named("ring8"), settings, 2, 9);
        INDArray real = GradientChecks.uniform(11, 5, 2, 2.0);
        INDArray fake = GradientChecks.uniform(12, 5, 2, 2.0);

        double[] analytic = trainer.discriminatorGradient(real, fake).dup().toDoubleVector();
        GanLoss loss = settings.loss();
        double[] numeric = GradientChecks.centralDifferences(d, () -> {
            double[] sr = d.output(real, true).toDoubleVector();
            double[] sf = d.output(fake, true).toDoubleVector();
            double total = 0;
            for (double s : sr) {
                total += loss.realLoss(s, 1.0) / sr.length;
            }
            for (double s : sf) {
                total += loss.fakeLoss(s) / sf.length;
            }
            return total;
        });
        // batch norm's running mean and variance are not trained by gradients: leave their entries out
        long offset = 0;
        for (var e : d.paramTable().entrySet()) {
            long len = e.getValue().length();
            if (e.getKey().endsWith("_mean") || e.getKey().endsWith("_var") || e.getKey().endsWith("_log10stdev")) {
                for (long j = offset; j < offset + len; j++) {
                    analytic[(int) j] = 0;
                    numeric[(int) j] = 0;
                }
            }
            offset += len;
        }
        double err = GradientChecks.maxRelativeError(analytic, numeric, 1e-9);
        assertTrue(err < 1e-5, "max relative error " + err);
        double mixed = mixedBatchError(d, real, fake, numeric, loss);
        assertTrue(mixed > 1e-3, "the check must tell separate batches from one mixed batch (" + mixed + ")");
    }

    /** How far the gradient of the loss on one mixed batch is from the separate-batch oracle. */
    private static double mixedBatchError(MultiLayerNetwork d, INDArray real, INDArray fake, double[] separate,
                                          GanLoss loss) {
        INDArray both = Nd4j.vstack(real, fake);
        double[] mixed = GradientChecks.centralDifferences(d, () -> {
            double[] s = d.output(both, true).toDoubleVector();
            double total = 0;
            for (int i = 0; i < 5; i++) {
                total += loss.realLoss(s[i], 1.0) / 5 + loss.fakeLoss(s[i + 5]) / 5;
            }
            return total;
        });
        double worst = 0;
        for (int j = 0; j < mixed.length; j++) {
            if (separate[j] != 0) {
                worst = Math.max(worst, Math.abs(mixed[j] - separate[j]));
            }
        }
        return worst;
    }
}
