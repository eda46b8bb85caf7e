package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentlab.data.DataSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remedies for mode collapse in the GAN trainer against central finite differences of their losses written out
 * here as functions of the parameters, in double precision: PacGAN's packing (D and G), R1 (dense and
 * convolutional D), historical averaging (both players, and θ̄ against the mean of the recorded parameters) and
 * feature matching (G). Packs are built here element by element, D's features read from DL4J's own forward pass and
 * D's input gradients from DL4J's own backward pass, so none of the oracles runs the trainer's code.
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class GanRemediesGradientTest {

    private static final int BATCH = 6;
    private static final int LATENT = 2;
    private static final double TOLERANCE = 1e-5;
    private static final OptimizerSpec ADAM = OptimizerSpec.adam(1e-3, 0.5);

    private record Gan(MultiLayerNetwork g, MultiLayerNetwork d, GanTrainer trainer, GanSettings settings) {
    }

    private static GanSettings plain(GanLoss loss) {
        return new GanSettings(loss, 1, BATCH, ADAM, ADAM, false, 0, 0, 0);
    }

    /** G 2-5-2 tanh, D (2m)-7-6-1 leaky ReLU, on the ring. */
    private static Gan gan(GanSettings settings) {
        MultiLayerNetwork g = GradientChecks.denseNet("G", LATENT, Activation.TANH, 11, 5, 2);
        MultiLayerNetwork d = GradientChecks.denseNet("D", 2 * settings.packing(), Activation.LEAKYRELU, 12, 7, 6,
                1);
        GanTrainer trainer = new GanTrainer(g, d, ToyDistribution.named("ring8"), settings, LATENT, 5);
        return new Gan(g, d, trainer, settings);
    }

    private static INDArray real(long seed) {
        float[] buf = new float[BATCH * 2];
        ToyDistribution.named("ring8").sample(BATCH, new Random(seed), buf);
        return Nd4j.create(buf, new long[] {BATCH, 2}).castTo(DataType.DOUBLE);
    }

    private static INDArray latent(long seed) {
        return Latent.gaussian(BATCH, LATENT, new Random(seed), DataType.DOUBLE);
    }

    /** Rows m·i .. m·i + m − 1 of {@code x} side by side in row i, element by element. */
    private static INDArray pack(INDArray x, int m) {
        int rows = (int) x.rows() / m;
        int cols = (int) x.columns();
        double[] out = new double[rows * m * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < cols; c++) {
                    out[i * m * cols + j * cols + c] = x.getDouble((long) i * m + j, c);
                }
            }
        }
        return Nd4j.create(out, new long[] {rows, (long) m * cols}, DataType.DOUBLE);
    }

    private static double[] scores(MultiLayerNetwork d, INDArray x) {
        return d.output(x, false).toDoubleVector();
    }

    private static double ganDiscriminatorLoss(GanLoss loss, double target, MultiLayerNetwork d, INDArray realPacks,
                                               INDArray fakePacks) {
        double value = 0;
        double[] sr = scores(d, realPacks);
        double[] sf = scores(d, fakePacks);
        for (double s : sr) {
            value += loss.realLoss(s, target) / sr.length;
        }
        for (double s : sf) {
            value += loss.fakeLoss(s) / sf.length;
        }
        return value;
    }

    private static double ganGeneratorLoss(GanLoss loss, MultiLayerNetwork d, INDArray fakePacks) {
        double value = 0;
        double[] s = scores(d, fakePacks);
        for (double si : s) {
            value += loss.generatorLoss(si) / s.length;
        }
        return value;
    }

    /** γ/2 · mean ‖∇ₓ D(x)‖² over the rows, the input gradients by DL4J's own backward pass. */
    private static double r1(MultiLayerNetwork d, INDArray x, double gamma) {
        double[] norms = GradientChecks.inputGradients(d, x).norm2(1).toDoubleVector();
        double sum = 0;
        for (double n : norms) {
            sum += n * n;
        }
        return gamma / 2 * sum / norms.length;
    }

    private static void assertGradient(double[] analytic, MultiLayerNetwork net, DoubleSupplier loss, double reported,
                                       String what) {
        assertEquals(loss.getAsDouble(), reported, 1e-12 * Math.max(1, Math.abs(reported)), what + " loss value");
        double[] numeric = GradientChecks.centralDifferences(net, loss);
        assertEquals(net.numParams(), analytic.length);
        assertTrue(GradientChecks.maxAbs(numeric) > 1e-4, what + " should depend on the parameters");
        double err = GradientChecks.maxRelativeError(analytic, numeric, GradientChecks.absFloor(reported));
        assertTrue(err < TOLERANCE, what + ": max relative error " + err + GradientChecks.describe(analytic, numeric));
    }

    private static Random trainerRandom(GanTrainer trainer) throws ReflectiveOperationException {
        Field f = GanTrainer.class.getDeclaredField("rng");
        f.setAccessible(true);
        return (Random) f.get(trainer);
    }

    // ---- PacGAN ----

    @ParameterizedTest
    @EnumSource(value = GanLoss.class, names = {"NON_SATURATING", "MINIMAX", "LSGAN", "WGAN_GP", "FGAN_KL"})
    void packedDiscriminatorGradientMatchesFiniteDifferences(GanLoss loss) throws Exception {
        Gan gan = gan(plain(loss).withPacking(2));
        INDArray real = real(101);
        INDArray fake = gan.trainer().generate(latent(202));
        INDArray realPacks = pack(real, 2);
        INDArray fakePacks = pack(fake, 2);
        assertEquals(4, realPacks.columns());
        int packs = BATCH / 2;
        double[] t = new double[packs];
        if (loss == GanLoss.WGAN_GP) {
            trainerRandom(gan.trainer()).setSeed(77);
            Random copy = new Random(77);
            for (int i = 0; i < packs; i++) {
                t[i] = copy.nextDouble();
            }
        }
        INDArray xHat = realPacks.mulColumnVector(Nd4j.create(t, new long[] {packs, 1}, DataType.DOUBLE))
                .add(fakePacks.mulColumnVector(Nd4j.create(t, new long[] {packs, 1}, DataType.DOUBLE).rsub(1)));
        double[] analytic = gan.trainer().discriminatorGradient(real, fake).dup().toDoubleVector();
        double reported = gan.trainer().lastStats().discriminatorLoss;
        MultiLayerNetwork d = gan.d();
        double lambda = gan.settings().gpLambda();
        DoubleSupplier dLoss = () -> ganDiscriminatorLoss(loss, 1, d, realPacks, fakePacks)
                + (loss == GanLoss.WGAN_GP ? GradientChecks.penalty(d, xHat, lambda) : 0);
        assertGradient(analytic, d, dLoss, reported, loss + " packed D");
    }

    @ParameterizedTest
    @EnumSource(value = GanLoss.class, names = {"NON_SATURATING", "MINIMAX", "LSGAN", "WGAN_GP", "FGAN_KL"})
    void packedGeneratorGradientFlowsBackThroughEachPack(GanLoss loss) {
        Gan gan = gan(plain(loss).withPacking(3));
        INDArray z = latent(303);
        MultiLayerNetwork g = gan.g();
        MultiLayerNetwork d = gan.d();
        double[] analytic = gan.trainer().generatorGradient(z).dup().toDoubleVector();
        double reported = gan.trainer().lastStats().generatorLoss;
        assertGradient(analytic, g, () -> ganGeneratorLoss(loss, d, pack(g.output(z, false), 3)), reported,
                loss + " packed G");
    }

    @Test
    void aPackedDiscriminatorScoresEachPointAsAPackOfCopiesOfIt() {
        Gan gan = gan(plain(GanLoss.NON_SATURATING).withPacking(2));
        INDArray x = GradientChecks.uniform(21, 5, 2, 2.0);
        INDArray copies = Nd4j.hstack(x, x);
        assertEquals(gan.d().output(copies, false), gan.trainer().score(x));
        double[] field = gan.trainer().generatorLossInputGradient(x).reshape(10).toDoubleVector();
        double h = 1e-6;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 2; j++) {
                INDArray up = x.dup();
                up.putScalar(i, j, x.getDouble(i, j) + h);
                INDArray down = x.dup();
                down.putScalar(i, j, x.getDouble(i, j) - h);
                double numeric = (GanLoss.NON_SATURATING.generatorLoss(scores(gan.d(), Nd4j.hstack(up, up))[i])
                        - GanLoss.NON_SATURATING.generatorLoss(scores(gan.d(), Nd4j.hstack(down, down))[i])) / (2 * h);
                assertEquals(numeric, field[i * 2 + j], 1e-7 * Math.max(1, Math.abs(numeric)), "at " + i);
            }
        }
    }

    // ---- R1 ----

    @ParameterizedTest(name = "packing {0}")
    @CsvSource({"1", "2"})
    void r1OnADenseDiscriminatorMatchesFiniteDifferences(int packing) {
        double gamma = 10;
        Gan gan = gan(plain(GanLoss.NON_SATURATING).withPacking(packing).withR1(gamma));
        INDArray real = real(101);
        INDArray fake = gan.trainer().generate(latent(202));
        double[] analytic = gan.trainer().discriminatorGradient(real, fake).dup().toDoubleVector();
        double reported = gan.trainer().lastStats().discriminatorLoss;
        MultiLayerNetwork d = gan.d();
        INDArray realPacks = pack(real, packing);
        double penalty = r1(d, realPacks, gamma);
        assertTrue(penalty > 1e-3);
        assertEquals(penalty, gan.trainer().lastStats().penalty, 1e-12 * penalty, "the reported penalty");
        assertGradient(analytic, d, () -> ganDiscriminatorLoss(GanLoss.NON_SATURATING, 1, d, realPacks,
                pack(fake, packing)) + r1(d, realPacks, gamma), reported, "R1 dense D");
    }

    /** conv 4x4 stride 2 leaky ReLU → conv 3x3 tanh → flatten → dense 1, on 1x8x8 images. */
    @Test
    void r1OnAConvolutionalDiscriminatorMatchesFiniteDifferences() {
        NetworkSpec critic = new NetworkSpec("D", Shape.image(1, 8, 8), List.of(
                new LayerSpec.Conv2D("c1", 3, 4, 2, Padding.SAME, Activation.LEAKYRELU, GradientChecks.LEAKY_ALPHA),
                new LayerSpec.Conv2D("c2", 2, 3, 1, Padding.VALID, Activation.TANH, 0.2),
                new LayerSpec.Flatten("flat"),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY, 0.2)));
        MultiLayerNetwork d = NetworkCompiler.compile(critic, ADAM, 4, DataType.DOUBLE);
        d.params().muli(2); // a steeper critic: input gradients far from zero
        MultiLayerNetwork g = GradientChecks.denseNet("G", LATENT, Activation.TANH, 11, 5, 64);
        double gamma = 10;
        GanTrainer trainer = new GanTrainer(g, d, images(), plain(GanLoss.NON_SATURATING).withR1(gamma), LATENT, 5);
        INDArray real = GradientChecks.uniform(31, BATCH, 64, 1.0);
        INDArray fake = trainer.generate(latent(202));
        double[] analytic = trainer.discriminatorGradient(real, fake).dup().toDoubleVector();
        double reported = trainer.lastStats().discriminatorLoss;
        assertTrue(r1(d, real, gamma) > 1e-3);
        assertGradient(analytic, d, () -> ganDiscriminatorLoss(GanLoss.NON_SATURATING, 1, d, real, fake)
                + r1(d, real, gamma), reported, "R1 conv D");
    }

    /** 1x8x8 images (only their shape is read: the test hands the trainer its batches). */
    private static DataSource images() {
        return new DataSource() {
            @Override
            public String name() {
                return "images8";
            }

            @Override
            public int[] shape() {
                return new int[] {1, 8, 8};
            }

            @Override
            public void sample(int n, Random rng, float[] out) {
                for (int i = 0; i < n * 64; i++) {
                    out[i] = rng.nextFloat();
                }
            }

            @Override
            public String contentHash() {
                return "images8";
            }
        };
    }

    // ---- historical averaging ----

    @Test
    void historicalAveragingKeepsTheMeanOfPastParametersAndItsGradientMatchesFiniteDifferences() {
        double lambda = 0.5;
        Gan gan = gan(plain(GanLoss.NON_SATURATING).withHistoricalAveraging(lambda));
        GanTrainer trainer = gan.trainer();
        int updates = 4;
        double[] dSum = new double[(int) gan.d().numParams()];
        double[] gSum = new double[(int) gan.g().numParams()];
        for (int t = 0; t < updates; t++) {
            trainer.stepDiscriminator();
            add(dSum, gan.d().params().toDoubleVector());
            trainer.stepGenerator();
            add(gSum, gan.g().params().toDoubleVector());
        }
        HistoricalAverage dAverage = trainer.discriminatorAverage().orElseThrow();
        HistoricalAverage gAverage = trainer.generatorAverage().orElseThrow();
        assertEquals(updates, dAverage.count());
        assertEquals(updates, gAverage.count());
        assertMean(dSum, updates, dAverage.mean().toDoubleVector(), "D");
        assertMean(gSum, updates, gAverage.mean().toDoubleVector(), "G");
        INDArray dBar = dAverage.mean().dup();
        INDArray gBar = gAverage.mean().dup();
        assertNotEquals(dBar, gan.d().params(), "θ lags behind its mean");

        INDArray real = real(101);
        INDArray fake = trainer.generate(latent(202));
        MultiLayerNetwork d = gan.d();
        double[] dAnalytic = trainer.discriminatorGradient(real, fake).dup().toDoubleVector();
        double dReported = trainer.lastStats().discriminatorLoss;
        assertGradient(dAnalytic, d, () -> ganDiscriminatorLoss(GanLoss.NON_SATURATING, 1, d, real, fake)
                + lambda * squaredDistance(d.params(), dBar), dReported, "historical averaging D");

        INDArray z = latent(303);
        MultiLayerNetwork g = gan.g();
        double[] gAnalytic = trainer.generatorGradient(z).dup().toDoubleVector();
        double gReported = trainer.lastStats().generatorLoss;
        assertGradient(gAnalytic, g, () -> ganGeneratorLoss(GanLoss.NON_SATURATING, d, g.output(z, false))
                + lambda * squaredDistance(g.params(), gBar), gReported, "historical averaging G");
    }

    private static void add(double[] sum, double[] v) {
        for (int i = 0; i < v.length; i++) {
            sum[i] += v[i];
        }
    }

    private static void assertMean(double[] sum, int count, double[] mean, String who) {
        for (int i = 0; i < sum.length; i++) {
            assertEquals(sum[i] / count, mean[i], 1e-12, who + " θ̄ at " + i);
        }
    }

    private static double squaredDistance(INDArray a, INDArray b) {
        double[] x = a.toDoubleVector();
        double[] y = b.toDoubleVector();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return s;
    }

    // ---- feature matching ----

    @ParameterizedTest(name = "layer {0}, packing {1}")
    @CsvSource({"D1, 0, 1", "D2, 1, 1", "D1, 0, 2"})
    void featureMatchingGeneratorGradientMatchesFiniteDifferences(String layer, int index, int packing) {
        Gan gan = gan(plain(GanLoss.NON_SATURATING).withPacking(packing).withFeatureMatching(layer));
        INDArray z = latent(303);
        INDArray real = real(101);
        MultiLayerNetwork g = gan.g();
        MultiLayerNetwork d = gan.d();
        INDArray dBefore = d.params().dup();
        double[] analytic = gan.trainer().generatorGradient(z, real).dup().toDoubleVector();
        double reported = gan.trainer().lastStats().generatorLoss;
        INDArray realMean = d.feedForwardToLayer(index, pack(real, packing), false).get(index + 1).mean(0);
        DoubleSupplier gLoss = () -> {
            INDArray fakeMean = d.feedForwardToLayer(index, pack(g.output(z, false), packing), false)
                    .get(index + 1).mean(0);
            return squaredDistance(realMean, fakeMean);
        };
        assertTrue(reported > 1e-4, "the features of real and generated points differ");
        assertGradient(analytic, g, gLoss, reported, "feature matching on " + layer);
        assertEquals(dBefore, d.params(), "G's step leaves D's parameters alone");
    }
}
