package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.latentlab.data.DataSource;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.latentlab.model.VirtualBatchNormLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Virtual batch normalisation per channel in a convolutional G inside the GAN trainer, in double precision: G's
 * whole gradient against central differences of G's loss computed by DL4J's own layers, the layer's stored
 * statistics set, at each evaluation, to the per-channel mean and variance of the trainer's reference batch written
 * out here (so an example's output is its training-mode output); and after updates, the samples the views draw are
 * DL4J's output of G.
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class VirtualBatchNormConvGanTest {

    private static final int BATCH = 4;
    private static final int REFERENCE = 6;
    private static final int LATENT = 3;
    private static final OptimizerSpec ADAM = OptimizerSpec.adam(1e-3, 0.5);

    /** 3 → dense 18 tanh → reshape 2×3×3 → vbn → transposed conv 1 (4×4, stride 2) tanh: 1×6×6 images. */
    private static MultiLayerNetwork generator(long seed) {
        return NetworkCompiler.compile(new NetworkSpec("G", Shape.vector(LATENT), List.of(
                new LayerSpec.Dense("g1", 18, Activation.TANH),
                new LayerSpec.Reshape("g_reshape", 2, 3, 3),
                new LayerSpec.VirtualBatchNorm("g_vbn", REFERENCE),
                new LayerSpec.Deconv2D("g_out", 1, 4, 2, Padding.SAME, Activation.TANH, 0))), ADAM, seed,
                DataType.DOUBLE);
    }

    /** 1×6×6 images of uniform values. */
    private static DataSource images() {
        return new DataSource() {
            @Override
            public String name() {
                return "images6";
            }

            @Override
            public int[] shape() {
                return new int[] {1, 6, 6};
            }

            @Override
            public void sample(int n, Random rng, float[] out) {
                for (int i = 0; i < n * 36; i++) {
                    out[i] = rng.nextFloat();
                }
            }

            @Override
            public String contentHash() {
                return "images6";
            }
        };
    }

    private static GanTrainer trainer(MultiLayerNetwork g, GanLoss loss, long seed) {
        MultiLayerNetwork d = NetworkCompiler.compile(new NetworkSpec("D", Shape.image(1, 6, 6), List.of(
                new LayerSpec.Conv2D("d1", 3, 3, 2, Padding.SAME, Activation.LEAKYRELU, 0.2),
                new LayerSpec.Flatten("d_flat"),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY))), ADAM, seed + 1, DataType.DOUBLE);
        GanSettings settings = new GanSettings(loss, 1, BATCH, ADAM, ADAM, false, 0, 0, 0);
        return new GanTrainer(g, d, images(), settings, LATENT, seed);
    }

    /**
     * Writes into G's layer the per-channel mean and biased variance, over the reference batch's examples and
     * positions, of the layer's input (DL4J's dense layer, reshaped as DL4J's preprocessor does: unit k is channel
     * k / 9).
     */
    private static void storeReferenceStatistics(MultiLayerNetwork g, INDArray reference) {
        INDArray a = g.getLayer(0).activate(reference, false, LayerWorkspaceMgr.noWorkspaces()).dup();
        double[] mean = new double[2];
        double[] variance = new double[2];
        int count = (int) reference.rows() * 9;
        for (int ch = 0; ch < 2; ch++) {
            for (int r = 0; r < reference.rows(); r++) {
                for (int p = 0; p < 9; p++) {
                    mean[ch] += a.getDouble(r, ch * 9 + p) / count;
                }
            }
            for (int r = 0; r < reference.rows(); r++) {
                for (int p = 0; p < 9; p++) {
                    variance[ch] += Math.pow(a.getDouble(r, ch * 9 + p) - mean[ch], 2) / count;
                }
            }
        }
        g.getLayer(1).getParam(VirtualBatchNormLayer.MEAN).assign(Nd4j.createFromArray(mean).reshape(1, 2));
        g.getLayer(1).getParam(VirtualBatchNormLayer.VARIANCE).assign(Nd4j.createFromArray(variance).reshape(1, 2));
    }

    @Test
    void generatorGradientMatchesFiniteDifferencesOfDl4jsLayersWithTheReferenceStatistics() {
        for (GanLoss loss : new GanLoss[] {GanLoss.NON_SATURATING, GanLoss.WGAN}) {
            MultiLayerNetwork g = generator(3);
            // γ and β away from 1 and 0
            g.getLayer(1).getParam(VirtualBatchNormLayer.GAMMA).assign(GradientChecks.uniform(4, 1, 2, 0.5).addi(1));
            g.getLayer(1).getParam(VirtualBatchNormLayer.BETA).assign(GradientChecks.uniform(5, 1, 2, 0.5));
            GanTrainer trainer = trainer(g, loss, 7);
            INDArray reference = trainer.referenceCodes();
            assertEquals(REFERENCE, reference.rows());
            INDArray z = Latent.gaussian(BATCH, LATENT, new Random(303), DataType.DOUBLE);
            MultiLayerNetwork d = trainer.discriminator();

            double[] analytic = trainer.generatorGradient(z).dup().toDoubleVector();
            double reported = trainer.lastStats().generatorLoss;
            java.util.function.DoubleSupplier gLoss = () -> {
                storeReferenceStatistics(g, reference);
                INDArray samples = g.output(z, false).reshape(BATCH, 36);
                double[] scores = d.output(samples, false).toDoubleVector();
                double value = 0;
                for (double s : scores) {
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
    void afterUpdatesTheViewsSamplesAreDl4jsOutputOfG() {
        GanTrainer trainer = trainer(generator(8), GanLoss.NON_SATURATING, 9);
        for (int i = 0; i < 3; i++) {
            trainer.iterate();
        }
        trainer.stepDiscriminator();
        MultiLayerNetwork g = trainer.generator();
        INDArray stored = g.getLayer(1).getParam(VirtualBatchNormLayer.VARIANCE).dup();
        INDArray z = Latent.gaussian(BATCH, LATENT, new Random(11), DataType.DOUBLE);
        INDArray viewed = trainer.generate(z).dup();
        storeReferenceStatistics(g, trainer.referenceCodes());
        assertTrue(stored.equalsWithEps(g.getLayer(1).getParam(VirtualBatchNormLayer.VARIANCE), 1e-13),
                "the trainer stored the reference batch's statistics after G's last update");
        INDArray oracle = g.output(z, false).reshape(BATCH, 36);
        assertTrue(oracle.equalsWithEps(viewed.reshape(BATCH, 36), 1e-12), oracle + " vs " + viewed);
    }
}
