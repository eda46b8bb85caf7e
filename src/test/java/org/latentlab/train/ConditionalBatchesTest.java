package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentlab.data.LabelledSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.Activation;
import org.latentlab.model.OptimizerSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conditional GAN's joined inputs, written out by hand (the one-hot label at G's last K columns, after the flat
 * example or as K constant planes after the image's channels for D), and the trainer's D and G gradients with the
 * label inputs against central finite differences in double precision.
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class ConditionalBatchesTest {

    private static final int K = 8;
    private static final int LATENT = 2;
    private static final int BATCH = 4;
    private static final double TOLERANCE = 1e-5;

    private static LabelledSource ring() {
        return LabelledSource.of(ToyDistribution.named("ring8")).orElseThrow();
    }

    /** A labelled source of K = 3 classes of 2-channel 2×2 images (8 values), for the plane layout. */
    private static LabelledSource threeClassImages() {
        return new LabelledSource() {
            public int classes() {
                return 3;
            }

            public String labelName(int label) {
                return "c" + label;
            }

            public void sample(int n, Random rng, float[] out, int[] labels) {
                for (int i = 0; i < n; i++) {
                    labels[i] = rng.nextInt(3);
                    for (int j = 0; j < 8; j++) {
                        out[i * 8 + j] = labels[i] * 10 + j;
                    }
                }
            }
        };
    }

    @Test
    void gsInputIsTheCodeFollowedByTheOneHotLabel() {
        ConditionalBatches c = new ConditionalBatches(ring(), LATENT, 2, 1, DataType.DOUBLE);
        assertEquals(10, c.generatorInputSize());
        assertEquals(10, c.discriminatorInputSize());
        INDArray z = Nd4j.create(new double[][] {{0.5, -1}, {2, 3}});
        INDArray joined = c.codes(z, new int[] {3, 7});
        assertArrayEquals(new double[] {0.5, -1, 0, 0, 0, 1, 0, 0, 0, 0}, joined.getRow(0).toDoubleVector());
        assertArrayEquals(new double[] {2, 3, 0, 0, 0, 0, 0, 0, 0, 1}, joined.getRow(1).toDoubleVector());
        assertArrayEquals(new int[] {3, 7}, c.labelsOf(joined));
    }

    @Test
    void aFlatDTakesTheExampleFollowedByItsLabel() {
        ConditionalBatches c = new ConditionalBatches(ring(), LATENT, 2, 1, DataType.DOUBLE);
        INDArray x = Nd4j.create(new double[][] {{1.5, -2}});
        assertArrayEquals(new double[] {1.5, -2, 0, 0, 0, 0, 0, 0, 1, 0},
                c.examples(x, new int[] {6}).getRow(0).toDoubleVector());
        INDArray codes = c.codes(Nd4j.zeros(DataType.DOUBLE, 1, LATENT), new int[] {6});
        assertArrayEquals(c.examples(x, new int[] {6}).toDoubleVector(), c.joinGenerated(x, codes).toDoubleVector());
    }

    @Test
    void aConvolutionalDTakesTheLabelAsConstantPlanesAfterTheChannels() {
        // 2 channels of 2×2 (8 values, channel-major) + 3 label planes of 4 values: 20 values, [5, 2, 2] as NCHW
        ConditionalBatches c = new ConditionalBatches(threeClassImages(), LATENT, 8, 4, DataType.DOUBLE);
        assertEquals(20, c.discriminatorInputSize());
        INDArray x = Nd4j.create(new double[][] {{1, 2, 3, 4, 5, 6, 7, 8}});
        double[] expected = {1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
        assertArrayEquals(expected, c.examples(x, new int[] {2}).toDoubleVector());
        INDArray codes = c.codes(Nd4j.ones(DataType.DOUBLE, 1, LATENT), new int[] {2});
        assertArrayEquals(expected, c.joinGenerated(x, codes).toDoubleVector());
        INDArray image = c.examples(x, new int[] {2}).reshape('c', 1, 5, 2, 2);
        assertEquals(1.0, image.getDouble(0, 4, 1, 0), "label plane 2 is all ones");
        assertEquals(0.0, image.getDouble(0, 3, 0, 1), "label plane 1 is all zeros");
        assertEquals(7.0, image.getDouble(0, 1, 1, 0), "the image's channels come first");

        INDArray real = c.realBatch(5, new Random(3));
        for (int i = 0; i < 5; i++) {
            double[] row = real.getRow(i).toDoubleVector();
            int label = (int) (row[0] / 10);
            for (int k = 0; k < 3; k++) {
                for (int p = 0; p < 4; p++) {
                    assertEquals(k == label ? 1.0 : 0.0, row[8 + 4 * k + p], "real row " + i + " carries its label");
                }
            }
        }
        INDArray gradient = Nd4j.arange(20).reshape(1, 20).castTo(DataType.DOUBLE);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, c.exampleGradient(gradient).toDoubleVector());
    }

    @Test
    void generatedLabelsAreDrawnUniformly() {
        ConditionalBatches c = new ConditionalBatches(ring(), LATENT, 2, 1, DataType.DOUBLE);
        int n = 8000;
        int[] labels = c.labelsOf(c.codes(new double[n * LATENT], n, new Random(9)));
        int[] counts = new int[K];
        for (int y : labels) {
            counts[y]++;
        }
        for (int count : counts) {
            // binomial(8000, 1/8): sd 29.6, so ±150 is about 5 sd
            assertTrue(Math.abs(count - n / K) < 150, java.util.Arrays.toString(counts));
        }
    }

    @Test
    void refusesWhatActsOnDsWholeInput() {
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        GanSettings plain = new GanSettings(GanLoss.NON_SATURATING, 1, 4, adam, adam, false, 0, 0, 0);
        assertTrue(ConditionalBatches.refusal(plain).isEmpty());
        assertTrue(ConditionalBatches.refusal(plain.withSpectralNorm(true)).isEmpty());
        assertEquals("a conditional GAN cannot use packing (PacGAN's packs carry no labels): set training.packing to 1",
                ConditionalBatches.refusal(plain.withPacking(2)).orElseThrow());
        assertTrue(ConditionalBatches.refusal(plain.withR1(1)).orElseThrow().contains("r1Gamma to 0"));
        GanSettings gp = new GanSettings(GanLoss.WGAN_GP, 1, 4, adam, adam, false, 0, 0, 0);
        assertTrue(ConditionalBatches.refusal(gp).orElseThrow().contains("wgan-gp"));
    }

    private record Gan(MultiLayerNetwork g, MultiLayerNetwork d, GanTrainer trainer, ConditionalBatches c) {
    }

    private static Gan gan(GanLoss loss) {
        MultiLayerNetwork g = GradientChecks.denseNet("G", LATENT + K, Activation.TANH, 11, 5, 2);
        MultiLayerNetwork d = GradientChecks.denseNet("D", 2 + K, Activation.TANH, 12, 6, 1);
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        GanSettings settings = new GanSettings(loss, 1, BATCH, adam, adam, false, 0, 0, 0);
        ConditionalBatches c = new ConditionalBatches(ring(), LATENT, 2, 1, DataType.DOUBLE);
        return new Gan(g, d, new GanTrainer(g, d, ToyDistribution.named("ring8"), settings, LATENT, 5, c), c);
    }

    private static INDArray codes(ConditionalBatches c, long seed) {
        return c.codes(Latent.gaussian(BATCH, LATENT, new Random(seed), DataType.DOUBLE), new int[] {0, 5, 5, 7});
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = GanLoss.class, names = {"NON_SATURATING", "MINIMAX", "LSGAN", "WGAN"})
    void discriminatorGradientWithLabelsMatchesFiniteDifferences(GanLoss loss) {
        Gan gan = gan(loss);
        INDArray real = gan.c().realBatch(BATCH, new Random(101));
        INDArray z = codes(gan.c(), 202);
        INDArray fake = gan.c().joinGenerated(gan.trainer().generate(z), z);
        double[] analytic = gan.trainer().discriminatorGradient(real, fake).dup().toDoubleVector();
        double reported = gan.trainer().lastStats().discriminatorLoss;
        MultiLayerNetwork d = gan.d();
        DoubleSupplier dLoss = () -> {
            double[] sr = d.output(real, false).toDoubleVector();
            double[] sf = d.output(fake, false).toDoubleVector();
            double value = 0;
            for (int i = 0; i < BATCH; i++) {
                value += (loss.realLoss(sr[i], 1.0) + loss.fakeLoss(sf[i])) / BATCH;
            }
            return value;
        };
        assertEquals(dLoss.getAsDouble(), reported, 1e-12 * Math.max(1, Math.abs(reported)), "D loss value");
        double[] numeric = GradientChecks.centralDifferences(d, dLoss);
        double err = GradientChecks.maxRelativeError(analytic, numeric, GradientChecks.absFloor(reported));
        assertTrue(err < TOLERANCE, "max relative error " + err + GradientChecks.describe(analytic, numeric));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = GanLoss.class, names = {"NON_SATURATING", "MINIMAX", "LSGAN", "WGAN"})
    void generatorGradientWithLabelsMatchesFiniteDifferences(GanLoss loss) {
        Gan gan = gan(loss);
        INDArray z = codes(gan.c(), 303);
        double[] analytic = gan.trainer().generatorGradient(z).dup().toDoubleVector();
        double reported = gan.trainer().lastStats().generatorLoss;
        MultiLayerNetwork g = gan.g();
        MultiLayerNetwork d = gan.d();
        DoubleSupplier gLoss = () -> {
            double[] s = d.output(gan.c().joinGenerated(g.output(z, false), z), false).toDoubleVector();
            double value = 0;
            for (double si : s) {
                value += loss.generatorLoss(si) / s.length;
            }
            return value;
        };
        assertEquals(gLoss.getAsDouble(), reported, 1e-12 * Math.max(1, Math.abs(reported)), "G loss value");
        double[] numeric = GradientChecks.centralDifferences(g, gLoss);
        assertTrue(GradientChecks.maxAbs(numeric) > 1e-4, "the G loss should depend on G's parameters");
        double err = GradientChecks.maxRelativeError(analytic, numeric, GradientChecks.absFloor(reported));
        assertTrue(err < TOLERANCE, "max relative error " + err + GradientChecks.describe(analytic, numeric));
    }

    @Test
    void theLabelChangesWhatGAndDCompute() {
        Gan gan = gan(GanLoss.NON_SATURATING);
        INDArray z = Latent.gaussian(1, LATENT, new Random(4), DataType.DOUBLE);
        INDArray a = gan.trainer().generate(gan.c().codes(z, 1));
        INDArray b = gan.trainer().generate(gan.c().codes(z, 6));
        assertTrue(a.distance2(b) > 1e-6, "G's output depends on the label");
    }
}
