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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With minibatch discrimination in D, D's step computes the closeness features within the real batch and within
 * the generated batch, as Salimans et al. 2016 do (a collapsed G's batch is then close to itself). Oracle: D's loss
 * from two separate training-mode passes of DL4J's network, differentiated by central differences in double; the
 * check also tells the separate batches from one mixed batch.
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class MinibatchDiscriminatorTest {

    @Test
    void discriminatorGradientWithMinibatchDiscriminationMatchesSeparateBatches() {
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        MultiLayerNetwork g = GradientChecks.denseNet("G", 2, Activation.TANH, 3, 5, 2);
        MultiLayerNetwork d = NetworkCompiler.compile(new NetworkSpec("D", Shape.vector(2), List.of(
                new LayerSpec.Dense("d1", 6, Activation.TANH),
                new LayerSpec.MinibatchDiscrimination("d_mb", 3, 2),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY))), adam, 4, DataType.DOUBLE);
        GanSettings settings = new GanSettings(GanLoss.NON_SATURATING, 1, 5, adam, adam, false, 0, 0, 0);
        GanTrainer trainer = new GanTrainer(g, d, ToyDistribution.named("ring8"), settings, 2, 9);
        INDArray real = GradientChecks.uniform(11, 5, 2, 2.0);
        INDArray fake = GradientChecks.uniform(12, 5, 2, 2.0);

        double[] analytic = trainer.discriminatorGradient(real, fake).dup().toDoubleVector();
        GanLoss loss = settings.loss();
        double[] separate = GradientChecks.centralDifferences(d, () -> {
            double total = 0;
            for (double s : d.output(real, true).toDoubleVector()) {
                total += loss.realLoss(s, 1.0) / 5;
            }
            for (double s : d.output(fake, true).toDoubleVector()) {
                total += loss.fakeLoss(s) / 5;
            }
            return total;
        });
        double err = GradientChecks.maxRelativeError(analytic, separate, 1e-9);
        assertTrue(err < 1e-6, "max relative error " + err);
        INDArray both = org.nd4j.linalg.factory.Nd4j.vstack(real, fake);
        double[] mixed = GradientChecks.centralDifferences(d, () -> {
            double[] s = d.output(both, true).toDoubleVector();
            double total = 0;
            for (int i = 0; i < 10; i++) {
                total += (i < 5 ? loss.realLoss(s[i], 1.0) : loss.fakeLoss(s[i])) / 5;
            }
            return total;
        });
        assertTrue(GradientChecks.maxRelativeError(mixed, separate, 1e-9) > 1e-3,
                "the check must tell separate batches from one mixed batch");
    }
}
