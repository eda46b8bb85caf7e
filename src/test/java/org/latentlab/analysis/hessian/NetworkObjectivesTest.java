package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.analysis.Nets;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.DataSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.Activation;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.train.DoublePrecision;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.Latent;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network objectives: a DL4J deep linear network reproduces the closed-form eigenvalues of the toy
 * (1 − w₁w₂w₃)²; the autoencoder objective equals the lab's trainer's loss and gradient; VAE and GAN objectives'
 * gradients match differences of their losses.
 */
@ExtendWith(DoublePrecision.class)
class NetworkObjectivesTest {

    /** x ↦ w_L ⋯ w₁ x, scalar weights, no biases, squared error on the single example (1, 1). */
    private static SupervisedObjective deepLinear(int layers) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).list();
        for (int i = 0; i < layers - 1; i++) {
            b.layer(new DenseLayer.Builder().nIn(1).nOut(1).hasBias(false)
                    .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build());
        }
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(1).nOut(1).hasBias(false)
                .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build());
        MultiLayerConfiguration conf = b.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray one = Nd4j.ones(DataType.DOUBLE, 1, 1);
        return new SupervisedObjective(net, one, one);
    }

    @Test
    void deepLinearNetworksHaveTheToysEigenvalues() {
        SupervisedObjective two = deepLinear(2);
        assertEquals(2, two.dimension());
        assertEquals(1, two.loss(new double[] {0, 0}), 1e-15);
        assertEquals(Math.pow(1 - 0.5 * 3, 2), two.loss(new double[] {0.5, 3}), 1e-12);
        assertArrayEquals(new double[] {-2, 2},
                ExactHessian.compute(two, new double[2], Monitor.NONE).spectrum(false).eigenvalues(), 1e-8);
        double k = 1.5;
        SupervisedObjective three = deepLinear(3);
        CriticalPoint p = CriticalPoint.at(three, new double[] {0, 0, k});
        assertArrayEquals(new double[] {-2 * k, 0, 2 * k}, p.eigenvalues(), 1e-8);
        assertEquals(CriticalPoint.Verdict.SADDLE, p.verdict());
    }

    @Test
    void batchNormUsesTheBatchStatisticsAndKeepsItsRunningStatisticsOutOfTheta() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6)
                        .activation(org.nd4j.linalg.activations.Activation.TANH).build())
                .layer(new org.deeplearning4j.nn.conf.layers.BatchNormalization.Builder().nOut(6).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(6).nOut(3)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        SupervisedObjective o = new SupervisedObjective(net, Nets.uniform(4, 12, 4, 1), Nets.oneHot(5, 12, 3));
        assertEquals(net.numParams() - 12, o.dimension(), "6 means and 6 variances are not parameters of the loss");
        double[] theta = o.initialPoint();
        double[] stats = net.getLayer(1).paramTable().get("mean").toDoubleVector();
        double err = Nets.maxRelativeError(o.gradient(theta), Nets.finiteDifferenceGradient(o, theta, 1e-6), 1e-3);
        assertTrue(err < 1e-7, "gradient through batch norm: " + err);
        assertArrayEquals(stats, net.getLayer(1).paramTable().get("mean").toDoubleVector(), 0);
    }

    private static DataSource uniformSource(int dim) {
        return new DataSource() {
            public String name() {
                return "uniform" + dim;
            }

            public int[] shape() {
                return new int[] {dim};
            }

            public void sample(int n, Random rng, float[] out) {
                for (int i = 0; i < n * dim; i++) {
                    out[i] = rng.nextFloat();
                }
            }

            public String contentHash() {
                return "uniform" + dim;
            }
        };
    }

    private static MultiLayerNetwork encoder(int outputs, long seed) {
        return Nets.dense("enc", 6, seed, DataType.DOUBLE, new int[] {5, outputs},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
    }

    private static MultiLayerNetwork decoder(int code, long seed) {
        return Nets.dense("dec", code, seed, DataType.DOUBLE, new int[] {5, 6},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
    }

    @Test
    void autoencoderObjectiveIsTheTrainersLoss() {
        for (Reconstruction rec : Reconstruction.values()) {
            MultiLayerNetwork enc = encoder(3, 41);
            MultiLayerNetwork dec = decoder(3, 42);
            AutoencoderTrainer trainer = new AutoencoderTrainer(enc, dec, uniformSource(6),
                    AutoencoderSettings.plain(rec, 1e-3, 8), AutoencoderTrainer.Kind.AUTOENCODER, 1);
            INDArray x = Nets.uniform(5, 8, 6, 1).addi(1).divi(2);
            AutoencoderObjective o = AutoencoderObjective.plain(enc, dec, x, x, rec);
            double[] theta = o.initialPoint();
            double loss = o.loss(theta);
            double[] g = o.gradient(theta);
            AutoencoderTrainer.StepResult r = trainer.gradients(x, x);
            double[] expected = concat(r.encoderGradient().toDoubleVector(),
                    r.decoderGradient().toDoubleVector());
            assertEquals(r.total(), loss, 1e-12 * Math.abs(loss), rec + " loss");
            assertArrayEquals(expected, g, 1e-12, rec + " gradient");
            double err = Nets.maxRelativeError(g, Nets.finiteDifferenceGradient(o, theta, 1e-6), 1e-3);
            assertTrue(err < 1e-7, rec + " gradient against differences: " + err);
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void vaeObjectiveGradientMatchesDifferencesWithItsFixedNoise() {
        MultiLayerNetwork enc = encoder(4, 43);
        MultiLayerNetwork dec = decoder(2, 44);
        INDArray x = Nets.uniform(6, 7, 6, 1);
        AutoencoderObjective o = AutoencoderObjective.vae(enc, dec, x, Reconstruction.MSE, 0.7, 99);
        assertEquals(2, o.codeDim());
        double[] theta = o.initialPoint();
        assertEquals(o.loss(theta), o.loss(theta.clone()), 0, "the noise is fixed");
        double err = Nets.maxRelativeError(o.gradient(theta), Nets.finiteDifferenceGradient(o, theta, 1e-6), 1e-3);
        assertTrue(err < 1e-7, "VAE gradient against differences: " + err);
        LabException odd = assertThrows(LabException.class,
                () -> AutoencoderObjective.vae(encoder(3, 1), decoder(1, 2), x, Reconstruction.MSE, 1, 1));
        assertTrue(odd.getMessage().contains("even"), odd.getMessage());
    }

    private static GanTrainer gan(GanLoss loss) {
        MultiLayerNetwork g = Nets.dense("G", 2, 51, DataType.DOUBLE, new int[] {6, 2},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        MultiLayerNetwork d = Nets.dense("D", 2, 52, DataType.DOUBLE, new int[] {7, 1},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        return new GanTrainer(g, d, ToyDistribution.named("ring8"), new GanSettings(loss, 1, 6, adam, adam, false, 0,
                0, 0), 2, 3);
    }

    private static INDArray real() {
        float[] buf = new float[12];
        ToyDistribution.named("ring8").sample(6, new Random(8), buf);
        return Nd4j.create(buf, new long[] {6, 2}).castTo(DataType.DOUBLE);
    }

    @Test
    void discriminatorObjectiveIsItsGanLossWithTheGeneratorFixed() {
        GanTrainer t = gan(GanLoss.NON_SATURATING);
        INDArray z = Latent.gaussian(6, 2, new Random(9), DataType.DOUBLE);
        INDArray real = real();
        GanObjective o = GanObjective.discriminator(t, real, z);
        assertEquals(t.discriminator().numParams(), o.dimension());
        double[] theta = o.initialPoint();
        // the loss written out: mean softplus(−s_real) + mean softplus(s_fake)
        double[] sr = t.discriminator().output(real, false).toDoubleVector();
        double[] sf = t.discriminator().output(t.generator().output(z, false), false).toDoubleVector();
        double expected = 0;
        for (int i = 0; i < 6; i++) {
            expected += (Math.log1p(Math.exp(-sr[i])) + Math.log1p(Math.exp(sf[i]))) / 6;
        }
        assertEquals(expected, o.loss(theta), 1e-12);
        double err = Nets.maxRelativeError(o.gradient(theta), Nets.finiteDifferenceGradient(o, theta, 1e-6), 1e-3);
        assertTrue(err < 1e-7, "D gradient against differences: " + err);
    }

    @Test
    void generatorObjectiveGradientMatchesDifferences() {
        for (GanLoss loss : new GanLoss[] {GanLoss.NON_SATURATING, GanLoss.LSGAN, GanLoss.WGAN_GP}) {
            GanTrainer t = gan(loss);
            GanObjective o = GanObjective.generator(t, Latent.gaussian(6, 2, new Random(10), DataType.DOUBLE));
            double[] theta = o.initialPoint();
            double err = Nets.maxRelativeError(o.gradient(theta), Nets.finiteDifferenceGradient(o, theta, 1e-6),
                    1e-3);
            assertTrue(err < 1e-7, loss + " G gradient against differences: " + err);
            double[] d = t.discriminator().params().toDoubleVector();
            o.gradient(theta);
            assertArrayEquals(d, t.discriminator().params().toDoubleVector(), 0, "D stays fixed");
        }
    }

    /**
     * Spectral normalisation trains D's raw weights through their power iteration, so D's objective is refused; G's
     * loss against the normalised D (which D's network holds) is G's objective as it stands.
     */
    @Test
    void spectralNormalisationIsRefusedForDAndNotForG() {
        MultiLayerNetwork g = Nets.dense("G", 2, 51, DataType.DOUBLE, new int[] {6, 2},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        MultiLayerNetwork d = Nets.dense("D", 2, 52, DataType.DOUBLE, new int[] {7, 1},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        GanTrainer t = new GanTrainer(g, d, ToyDistribution.named("ring8"), new GanSettings(GanLoss.NON_SATURATING, 1,
                6, adam, adam, false, 0, 0, 0).withSpectralNorm(true), 2, 3);
        INDArray z = Latent.gaussian(6, 2, new Random(9), DataType.DOUBLE);
        LabException e = assertThrows(LabException.class, () -> GanObjective.discriminator(t, real(), z));
        assertTrue(e.getMessage().contains("spectral normalisation") && e.getMessage().contains("analyse G's loss"),
                e.getMessage());
        GanObjective o = GanObjective.generator(t, z);
        double[] theta = o.initialPoint();
        double err = Nets.maxRelativeError(o.gradient(theta), Nets.finiteDifferenceGradient(o, theta, 1e-6), 1e-3);
        assertTrue(err < 1e-7, "G gradient against the normalised D: " + err);
    }

    @Test
    void randomLossesAreRefused() {
        LabException e = assertThrows(LabException.class, () -> GanObjective.discriminator(gan(GanLoss.WGAN_GP),
                real(), Latent.gaussian(6, 2, new Random(1), DataType.DOUBLE)));
        assertTrue(e.getMessage().contains("WGAN-GP"), e.getMessage());
        MultiLayerNetwork withDropout = Nets.dense("drop", 4, 1, DataType.DOUBLE, new int[] {3}, new Activation[] {
                Activation.TANH});
        withDropout.getLayer(0).conf().getLayer().setIDropout(new org.deeplearning4j.nn.conf.dropout.Dropout(0.5));
        e = assertThrows(LabException.class, () -> AutoencoderObjective.plain(withDropout, decoder(3, 1),
                Nets.uniform(1, 3, 4, 1), Nets.uniform(1, 3, 4, 1), Reconstruction.MSE));
        assertTrue(e.getMessage().contains("dropout"), e.getMessage());
    }
}
