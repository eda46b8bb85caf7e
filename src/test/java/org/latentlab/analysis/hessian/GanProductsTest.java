package org.latentlab.analysis.hessian;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.analysis.Nets;
import org.latentlab.data.ToyDistribution;
import org.latentlab.train.Latent;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/**
 * Exact Hessian-vector products of a GAN's two losses ({@link GanObjective}: G's loss over θ_G through D held
 * fixed, D's loss over θ_D on real and generated rows) against central differences of the trainer's own gradients in
 * double, for every loss, with label smoothing, and for convolutional players with batch normalisation and max
 * pooling; and of an autoencoder with batch normalisation, whose running statistics stay outside θ.
 */
class GanProductsTest {

    private static final OptimizerSpec ADAM = OptimizerSpec.adam(1e-3, 0.5);

    private static GanTrainer dense(GanLoss loss, boolean smoothing) {
        MultiLayerNetwork g = Nets.dense("G", 2, 51, DataType.DOUBLE, new int[] {6, 2},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        MultiLayerNetwork d = Nets.dense("D", 2, 52, DataType.DOUBLE, new int[] {7, 1},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        return new GanTrainer(g, d, ToyDistribution.named("ring8"),
                new GanSettings(loss, 1, 6, ADAM, ADAM, smoothing, 0, 0, 0), 2, 3);
    }

    /** 6x6 images of uniform noise: a data set of G's size for the convolutional players. */
    private static final org.latentlab.data.DataSource NOISE = new org.latentlab.data.DataSource() {
        @Override
        public String name() {
            return "noise";
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
            return "noise";
        }
    };

    private static INDArray real(int n, int dim, long seed) {
        return Nets.uniform(seed, n, dim, 1.0);
    }

    @Test
    void everyLossHasExactProductsForBothPlayers() {
        for (GanLoss loss : GanLoss.values()) {
            for (boolean smoothing : loss.supportsLabelSmoothing() ? new boolean[] {false, true}
                    : new boolean[] {false}) {
                String what = loss.id() + (smoothing ? " smoothed" : "");
                GanTrainer t = dense(loss, smoothing);
                INDArray z = Latent.gaussian(6, 2, new Random(10), DataType.DOUBLE);
                ExactProductsTest.sameProducts(GanObjective.generator(t, z), what + " G");
                if (loss != GanLoss.WGAN_GP) {
                    ExactProductsTest.sameProducts(GanObjective.discriminator(t, real(6, 2, 8), z), what + " D");
                }
            }
        }
    }

    private static MultiLayerNetwork generator() {
        return NetworkCompiler.compile(new NetworkSpec("G", Shape.vector(3), List.of(
                new LayerSpec.Dense("fc", 2 * 3 * 3, Activation.IDENTITY, 0.2),
                new LayerSpec.Reshape("r", 2, 3, 3), new LayerSpec.BatchNorm("bn"),
                new LayerSpec.Act("a", Activation.RELU, 0.2),
                new LayerSpec.Deconv2D("up", 1, 4, 2, Padding.SAME, Activation.TANH, 0.2))), ADAM, 61, DataType.DOUBLE);
    }

    private static MultiLayerNetwork discriminator(boolean batchNorm) {
        List<LayerSpec> layers = new java.util.ArrayList<>(List.of(
                new LayerSpec.Conv2D("c", 3, 3, 1, Padding.SAME, Activation.LEAKYRELU, 0.2)));
        if (batchNorm) {
            layers.add(new LayerSpec.BatchNorm("bn"));
        }
        layers.addAll(List.of(new LayerSpec.Pool2D("max", LayerSpec.Pool2D.Pooling.MAX, 2, 2),
                new LayerSpec.Flatten("f"), new LayerSpec.Dense("out", 1, Activation.IDENTITY, 0.2)));
        return NetworkCompiler.compile(new NetworkSpec("D", Shape.image(1, 6, 6), layers), ADAM, 62, DataType.DOUBLE);
    }

    @Test
    void convolutionalPlayersWithBatchNormAndMaxPoolingHaveExactProducts() {
        GanTrainer t = new GanTrainer(generator(), discriminator(false), NOISE,
                new GanSettings(GanLoss.NON_SATURATING, 1, 4, ADAM, ADAM, false, 0, 0, 0), 3, 4);
        INDArray z = Latent.gaussian(4, 3, new Random(11), DataType.DOUBLE);
        ExactProductsTest.sameProducts(GanObjective.generator(t, z), "conv G with batch norm");
        ExactProductsTest.sameProducts(GanObjective.discriminator(t, real(4, 36, 12), z), "conv D with max pooling");
    }

    @Test
    void aDiscriminatorWithBatchNormHasExactProductsOverTwoBatches() {
        // D's step normalises real and generated examples as two batches, and so do the passes
        GanTrainer t = new GanTrainer(generator(), discriminator(true), NOISE,
                new GanSettings(GanLoss.LSGAN, 1, 4, ADAM, ADAM, false, 0, 0, 0), 3, 4);
        INDArray z = Latent.gaussian(4, 3, new Random(11), DataType.DOUBLE);
        ExactProductsTest.sameProducts(GanObjective.discriminator(t, real(4, 36, 12), z), "D with batch norm");
        ExactProductsTest.sameProducts(GanObjective.generator(t, z), "G through a D with batch norm");
    }

    @Test
    void anAutoencoderWithBatchNormHasExactProductsOverItsTrainableParameters() {
        MultiLayerNetwork encoder = NetworkCompiler.compile(new NetworkSpec("E", Shape.vector(5), List.of(
                new LayerSpec.Dense("h", 4, Activation.IDENTITY, 0.2), new LayerSpec.BatchNorm("bn"),
                new LayerSpec.Act("a", Activation.TANH, 0.2), new LayerSpec.Dense("code", 2, Activation.IDENTITY,
                        0.2))), ADAM, 71, DataType.DOUBLE);
        MultiLayerNetwork decoder = Nets.dense("Dec", 2, 72, DataType.DOUBLE, new int[] {5},
                new Activation[] {Activation.SIGMOID});
        INDArray x = Nd4j.rand(DataType.DOUBLE, 7, 5);
        AutoencoderObjective o = AutoencoderObjective.plain(encoder, decoder, x, x, Reconstruction.MSE);
        assertTrue(o.dimension() < encoder.numParams() + decoder.numParams(), "running statistics are not in θ");
        ExactProductsTest.sameProducts(o, "autoencoder with batch norm");
    }

    @Test
    void gThroughADWithMinibatchDiscriminationHasExactProducts() {
        MultiLayerNetwork g = Nets.dense("G", 2, 81, DataType.DOUBLE, new int[] {6, 2},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        MultiLayerNetwork d = NetworkCompiler.compile(new NetworkSpec("D", Shape.vector(2), List.of(
                new LayerSpec.Dense("d1", 5, Activation.TANH, 0.2), new LayerSpec.MinibatchDiscrimination("m", 3, 2),
                new LayerSpec.Dense("out", 1, Activation.IDENTITY, 0.2))), ADAM, 82, DataType.DOUBLE);
        GanTrainer t = new GanTrainer(g, d, ToyDistribution.named("ring8"),
                new GanSettings(GanLoss.NON_SATURATING, 1, 6, ADAM, ADAM, false, 0, 0, 0), 2, 3);
        INDArray z = Latent.gaussian(6, 2, new Random(12), DataType.DOUBLE);
        ExactProductsTest.sameProducts(GanObjective.generator(t, z), "G through minibatch discrimination");
        ExactProductsTest.sameProducts(GanObjective.discriminator(t, real(6, 2, 13), z),
                "D with minibatch discrimination, real and generated as two batches");
    }
}
