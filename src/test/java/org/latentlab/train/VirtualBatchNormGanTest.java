package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.data.ToyDistribution;
import org.latentlab.engine.TrainingNetwork;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.Templates;
import org.latentlab.model.VirtualBatchNormLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Virtual batch normalisation in G inside the GAN trainer, in double precision: G's gradient against central
 * differences of G's loss written out here (the paper's formula for each example, μ_i = (R μ_r + x_i)/(R + 1),
 * ν_i = (R ν_r + x_i²)/(R + 1), σ_i² = ν_i − μ_i², with the statistics of the trainer's reference batch, between
 * DL4J's own dense layers); after updates, the samples the views draw (inference mode) are the training-mode
 * samples; and a G without the layer steps exactly as G's passes, taken one by one, step it.
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class VirtualBatchNormGanTest {

    private static final int BATCH = 4;
    private static final int REFERENCE = 6;
    private static final OptimizerSpec ADAM = OptimizerSpec.adam(1e-3, 0.5);

    private static MultiLayerNetwork generator(long seed, DataType type) {
        return NetworkCompiler.compile(new NetworkSpec("G", Shape.vector(2), List.of(
                new LayerSpec.Dense("g1", 5, Activation.TANH),
                new LayerSpec.VirtualBatchNorm("g_vbn", REFERENCE),
                new LayerSpec.Dense("g_out", 2, Activation.IDENTITY))), ADAM, seed, type);
    }

    private static GanTrainer trainer(MultiLayerNetwork g, GanLoss loss, long seed) {
        MultiLayerNetwork d = GradientChecks.denseNet("D", 2, Activation.TANH, 12, 6, 1);
        GanSettings settings = new GanSettings(loss, 1, BATCH, ADAM, ADAM, false, 0, 0, 0);
        return new GanTrainer(g, d, ToyDistribution.named("ring8"), settings, 2, seed);
    }

    /** G's training-mode samples of {@code z} with the reference codes first, the paper's formula written out. */
    private static double[][] samples(MultiLayerNetwork g, INDArray reference, INDArray z) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        INDArray a = g.getLayer(0).activate(reference, false, none).dup();
        INDArray x = g.getLayer(0).activate(z, false, none).dup();
        double[] gamma = g.getLayer(1).getParam(VirtualBatchNormLayer.GAMMA).toDoubleVector();
        double[] beta = g.getLayer(1).getParam(VirtualBatchNormLayer.BETA).toDoubleVector();
        int units = gamma.length;
        double eps = VirtualBatchNormLayer.EPSILON;
        int r = (int) a.rows();
        double[][] normalised = new double[(int) z.rows()][units];
        for (int k = 0; k < units; k++) {
            double mu = 0;
            double nu = 0;
            for (int j = 0; j < r; j++) {
                mu += a.getDouble(j, k) / r;
                nu += a.getDouble(j, k) * a.getDouble(j, k) / r;
            }
            for (int i = 0; i < z.rows(); i++) {
                double xi = x.getDouble(i, k);
                double mui = (r * mu + xi) / (r + 1);
                double nui = (r * nu + xi * xi) / (r + 1);
                double var = nui - mui * mui;
                normalised[i][k] = gamma[k] * (xi - mui) / Math.sqrt(var + eps) + beta[k];
            }
        }
        INDArray out = g.getLayer(2).activate(Nd4j.create(normalised), false, none);
        return out.toDoubleMatrix();
    }

    @Test
    void generatorGradientMatchesFiniteDifferencesOfTheLossWrittenOut() throws Exception {
        for (GanLoss loss : new GanLoss[] {GanLoss.NON_SATURATING, GanLoss.WGAN}) {
            MultiLayerNetwork g = generator(3, DataType.DOUBLE);
            // γ and β away from 1 and 0
            g.getLayer(1).getParam(VirtualBatchNormLayer.GAMMA).assign(GradientChecks.uniform(4, 1, 5, 0.5).addi(1));
            g.getLayer(1).getParam(VirtualBatchNormLayer.BETA).assign(GradientChecks.uniform(5, 1, 5, 0.5));
            GanTrainer trainer = trainer(g, loss, 7);
            INDArray reference = trainer.referenceCodes();
            assertEquals(REFERENCE, reference.rows());
            INDArray z = Latent.gaussian(BATCH, 2, new Random(303), DataType.DOUBLE);
            MultiLayerNetwork d = trainer.discriminator();

            double[] analytic = trainer.generatorGradient(z).dup().toDoubleVector();
            double reported = trainer.lastStats().generatorLoss;
            java.util.function.DoubleSupplier gLoss = () -> {
                double value = 0;
                for (double[] x : samples(g, reference, z)) {
                    double s = d.output(Nd4j.create(new double[][] {x}), false).getDouble(0);
                    value += loss.generatorLoss(s) / BATCH;
                }
                return value;
            };
            assertEquals(gLoss.getAsDouble(), reported, 1e-12 * Math.max(1, Math.abs(reported)), loss + " G loss");
            double[] numeric = GradientChecks.centralDifferences(g, gLoss);
            assertTrue(GradientChecks.maxAbs(numeric) > 1e-3, "the G loss should depend on G's parameters");
            double err = GradientChecks.maxRelativeError(analytic, numeric, GradientChecks.absFloor(reported));
            assertTrue(err < 1e-6, loss + ": max relative error " + err + GradientChecks.describe(analytic, numeric));
        }
    }

    @Test
    void afterUpdatesTheViewsSamplesAreTheTrainingModeSamples() throws Exception {
        GanTrainer trainer = trainer(generator(8, DataType.DOUBLE), GanLoss.NON_SATURATING, 9);
        for (int i = 0; i < 3; i++) {
            trainer.iterate();
        }
        trainer.stepDiscriminator(); // D's step leaves G and its stored statistics as they were
        INDArray z = Latent.gaussian(BATCH, 2, new Random(11), DataType.DOUBLE);
        INDArray viewed = trainer.generate(z);
        MultiLayerNetwork g = trainer.generator();
        double[][] written = samples(g, trainer.referenceCodes(), z);
        for (int i = 0; i < BATCH; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(written[i][j], viewed.getDouble(i, j), 1e-12, "sample " + i);
            }
        }
        assertTrue(g.output(z, false).equalsWithEps(viewed, 1e-12), "DL4J's layer: the same samples");
    }

    @Test
    void theLayersOfOneGeneratorShareOneReferenceBatch() {
        MultiLayerNetwork g = NetworkCompiler.compile(new NetworkSpec("G", Shape.vector(2), List.of(
                new LayerSpec.Dense("g1", 5, Activation.TANH), new LayerSpec.VirtualBatchNorm("v1", 6),
                new LayerSpec.Dense("g2", 5, Activation.TANH), new LayerSpec.VirtualBatchNorm("v2", 8),
                new LayerSpec.Dense("g_out", 2, Activation.IDENTITY))), ADAM, 1, DataType.DOUBLE);
        LabException e = assertThrows(LabException.class, () -> trainer(g, GanLoss.NON_SATURATING, 1));
        assertTrue(e.getMessage().contains("[6, 8]") && e.getMessage().contains("same referenceBatch"),
                e.getMessage());
    }

    private static Object call(GanTrainer t, String method, Class<?>[] types, Object... args) throws Exception {
        java.lang.reflect.Method m = GanTrainer.class.getDeclaredMethod(method, types);
        m.setAccessible(true);
        return m.invoke(t, args);
    }

    /**
     * A G without the layer: three iterations of the trainer equal, bit for bit, the same iterations made of G's and
     * D's passes one by one (the same draws; D's step, then G's forward pass, D's input gradient of G's loss, G's
     * backward pass and update), so the reference batch's plumbing leaves such a G alone.
     */
    @Test
    void aGeneratorWithoutTheLayerStepsAsItsPassesTakenOneByOne() throws Exception {
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        GanSettings settings = new GanSettings(GanLoss.NON_SATURATING, 1, 16, ADAM, ADAM, false, 0, 0, 0);
        GanTrainer trainer = new GanTrainer(NetworkCompiler.compile(pair.generator(), ADAM, 1, DataType.FLOAT),
                NetworkCompiler.compile(pair.discriminator(), ADAM, 2, DataType.FLOAT),
                ToyDistribution.named("ring8"), settings, 2, 5);
        GanTrainer twin = new GanTrainer(NetworkCompiler.compile(pair.generator(), ADAM, 1, DataType.FLOAT),
                NetworkCompiler.compile(pair.discriminator(), ADAM, 2, DataType.FLOAT),
                ToyDistribution.named("ring8"), settings, 2, 5);
        assertEquals(null, twin.referenceCodes());
        TrainingNetwork g = twin.trainingNetworks()[0];
        TrainingNetwork d = twin.trainingNetworks()[1];
        int n = 16;
        for (int it = 0; it < 3; it++) {
            trainer.iterate();
            call(twin, "reseed", new Class<?>[] {long.class}, 4L * it);
            INDArray real = ((INDArray) call(twin, "reals", new Class<?>[] {int.class}, n)).dup();
            INDArray z = (INDArray) call(twin, "codes", new Class<?>[] {String.class, int.class}, "z", n);
            twin.discriminatorGradient(real, g.forward(z).dup());
            d.update(it);
            call(twin, "reseed", new Class<?>[] {long.class}, 4L * it + 3);
            z = (INDArray) call(twin, "codes", new Class<?>[] {String.class, int.class}, "z", n);
            INDArray fake = g.forward(z);
            double[] s = d.forward(fake).toDoubleVector();
            double[] eps = new double[n];
            for (int i = 0; i < n; i++) {
                eps[i] = GanLoss.NON_SATURATING.generatorLossDerivative(s[i]) / n;
            }
            g.backward(d.inputGradient(Nd4j.create(eps, new long[] {n, 1}, DataType.FLOAT)).dup());
            g.update(it);
        }
        assertArrayEquals(twin.generator().params().toFloatVector(), trainer.generator().params().toFloatVector(),
                "G");
        assertArrayEquals(twin.discriminator().params().toFloatVector(),
                trainer.discriminator().params().toFloatVector(), "D");
        assertArrayEquals(twin.generator().getUpdater().getStateViewArray().toFloatVector(),
                trainer.generator().getUpdater().getStateViewArray().toFloatVector(), "G's Adam moments");
    }
}
