package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.engine.TrainingNetwork;
import org.latentlab.model.Activation;
import org.latentlab.model.OptimizerSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BiGAN's joined pairs written out by hand (the code after the flat example, or as constant planes after the
 * image's channels), and D's, G's and E's gradients through the joined pair against central finite differences in
 * double precision on tiny nets (Donahue et al. 2017: L_D on (x, E(x)) against (G(z), z); L_G = l_G(s) on generated
 * pairs; L_E = l_G(−s) on real pairs).
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class BiganPairsTest {

    private static final int LATENT = 2;
    private static final int BATCH = 4;
    private static final double TOLERANCE = 1e-5;

    private static MultiLayerNetwork encoder() {
        return GradientChecks.denseNet("E", 2, Activation.TANH, 13, 5, LATENT);
    }

    @Test
    void aFlatDTakesTheExampleFollowedByItsCode() {
        BiganPairs p = new BiganPairs(encoder(), LATENT, 2, 1);
        assertEquals(4, p.discriminatorInputSize());
        INDArray x = Nd4j.create(new double[][] {{1.5, -2}, {3, 4}});
        INDArray z = Nd4j.create(new double[][] {{0.25, 7}, {-1, 0}});
        assertArrayEquals(new double[] {1.5, -2, 0.25, 7, 3, 4, -1, 0}, p.join(x, z).reshape(1, 8).toDoubleVector());
        INDArray g = Nd4j.create(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
        assertArrayEquals(new double[] {1, 2, 5, 6}, p.exampleGradient(g).dup().reshape(1, 4).toDoubleVector());
        assertArrayEquals(new double[] {3, 4, 7, 8}, p.codeGradient(g).reshape(1, 4).toDoubleVector());
    }

    @Test
    void aConvolutionalDTakesTheCodeAsConstantPlanesAfterTheChannels() {
        // one channel of 2×2 (4 values) and a 2-D code as 2 planes of 4 values: [3, 2, 2] as NCHW, 12 values
        MultiLayerNetwork e = GradientChecks.denseNet("E", 4, Activation.TANH, 13, 3, LATENT);
        BiganPairs p = new BiganPairs(e, LATENT, 4, 4);
        assertEquals(12, p.discriminatorInputSize());
        INDArray x = Nd4j.create(new double[][] {{1, 2, 3, 4}});
        INDArray z = Nd4j.create(new double[][] {{0.5, -3}});
        double[] expected = {1, 2, 3, 4, 0.5, 0.5, 0.5, 0.5, -3, -3, -3, -3};
        assertArrayEquals(expected, p.join(x, z).toDoubleVector());
        INDArray image = p.join(x, z).reshape('c', 1, 3, 2, 2);
        assertEquals(-3.0, image.getDouble(0, 2, 1, 0), "code plane 2 holds z₂ everywhere");
        assertEquals(3.0, image.getDouble(0, 0, 1, 0), "the image's channel comes first");
        // each code entry fills a plane, so its gradient is the plane's sum
        INDArray g = Nd4j.arange(12).reshape(1, 12).castTo(DataType.DOUBLE);
        assertArrayEquals(new double[] {4 + 5 + 6 + 7, 8 + 9 + 10 + 11}, p.codeGradient(g).toDoubleVector());
        assertArrayEquals(new double[] {0, 1, 2, 3}, p.exampleGradient(g).dup().toDoubleVector());
    }

    @Test
    void refusesWhatTheEncoderCannotShare() {
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        GanSettings plain = new GanSettings(GanLoss.NON_SATURATING, 1, 4, adam, adam, false, 0, 0, 0);
        assertTrue(BiganPairs.refusal(plain).isEmpty());
        assertTrue(BiganPairs.refusal(plain.withSpectralNorm(true)).isEmpty());
        GanSettings ls = new GanSettings(GanLoss.LSGAN, 1, 4, adam, adam, false, 0, 0, 0);
        assertEquals("a BiGAN cannot use the lsgan loss (E's loss is G's loss with the pair's roles swapped, which"
                + " holds for nonsaturating, minimax, wgan and hinge): use one of those",
                BiganPairs.refusal(ls).orElseThrow());
        assertTrue(BiganPairs.refusal(plain.withPacking(2)).orElseThrow().contains("training.packing to 1"));
        assertTrue(BiganPairs.refusal(plain.withR1(1)).orElseThrow().contains("r1Gamma to 0"));
        MultiLayerNetwork g = GradientChecks.denseNet("G", LATENT, Activation.TANH, 11, 5, 2);
        MultiLayerNetwork d = GradientChecks.denseNet("D", 4, Activation.TANH, 12, 6, 1);
        assertThrows(org.latentlab.core.LabException.class, () -> new GanTrainer(g, d,
                ToyDistribution.named("ring8"), ls, LATENT, 5, new BiganPairs(encoder(), LATENT, 2, 1)));
    }

    private record Gan(MultiLayerNetwork g, MultiLayerNetwork d, MultiLayerNetwork e, GanTrainer trainer,
                       BiganPairs pairs) {
    }

    private static Gan gan(GanLoss loss) {
        MultiLayerNetwork g = GradientChecks.denseNet("G", LATENT, Activation.TANH, 11, 5, 2);
        MultiLayerNetwork d = GradientChecks.denseNet("D", 2 + LATENT, Activation.TANH, 12, 6, 1);
        MultiLayerNetwork e = encoder();
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        GanSettings settings = new GanSettings(loss, 1, BATCH, adam, adam, false, 0, 0, 0);
        BiganPairs pairs = new BiganPairs(e, LATENT, 2, 1);
        return new Gan(g, d, e, new GanTrainer(g, d, ToyDistribution.named("ring8"), settings, LATENT, 5,
                pairs), pairs);
    }

    private static INDArray points(long seed) {
        return GradientChecks.uniform(seed, BATCH, 2, 2.0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = GanLoss.class, names = {"NON_SATURATING", "MINIMAX", "WGAN", "HINGE"})
    void discriminatorGradientOnPairsMatchesFiniteDifferences(GanLoss loss) {
        Gan gan = gan(loss);
        INDArray x = points(101);
        INDArray real = gan.pairs().join(x, gan.e().output(x, false));
        INDArray z = Latent.gaussian(BATCH, LATENT, new Random(202), DataType.DOUBLE);
        INDArray fake = gan.pairs().join(gan.trainer().generate(z), z);
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
    @EnumSource(value = GanLoss.class, names = {"NON_SATURATING", "MINIMAX", "WGAN", "HINGE"})
    void generatorGradientThroughThePairMatchesFiniteDifferences(GanLoss loss) {
        Gan gan = gan(loss);
        INDArray z = Latent.gaussian(BATCH, LATENT, new Random(303), DataType.DOUBLE);
        double[] analytic = gan.trainer().generatorGradient(z).dup().toDoubleVector();
        double reported = gan.trainer().lastStats().generatorLoss;
        MultiLayerNetwork g = gan.g();
        MultiLayerNetwork d = gan.d();
        DoubleSupplier gLoss = () -> {
            double[] s = d.output(gan.pairs().join(g.output(z, false), z), false).toDoubleVector();
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

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = GanLoss.class, names = {"NON_SATURATING", "MINIMAX", "WGAN", "HINGE"})
    void encoderGradientThroughThePairMatchesFiniteDifferences(GanLoss loss) {
        Gan gan = gan(loss);
        INDArray x = points(404);
        TrainingNetwork d = gan.trainer().trainingNetworks()[1];
        double[] analytic = gan.pairs().encoderGradient(x, d, loss).dup().toDoubleVector();
        double reported = gan.pairs().lastEncoderLoss();
        MultiLayerNetwork e = gan.e();
        MultiLayerNetwork dNet = gan.d();
        DoubleSupplier eLoss = () -> {
            double[] s = dNet.output(gan.pairs().join(x, e.output(x, false)), false).toDoubleVector();
            double value = 0;
            for (double si : s) {
                value += loss.generatorLoss(-si) / s.length;
            }
            return value;
        };
        assertEquals(eLoss.getAsDouble(), reported, 1e-12 * Math.max(1, Math.abs(reported)), "E loss value");
        double[] numeric = GradientChecks.centralDifferences(e, eLoss);
        assertTrue(GradientChecks.maxAbs(numeric) > 1e-4, "the E loss should depend on E's parameters");
        double err = GradientChecks.maxRelativeError(analytic, numeric, GradientChecks.absFloor(reported));
        assertTrue(err < TOLERANCE, "max relative error " + err + GradientChecks.describe(analytic, numeric));
    }

    @Test
    void anIterationMovesEAndScoresPointsWithTheirCodes() {
        Gan gan = gan(GanLoss.NON_SATURATING);
        double[] before = gan.e().params().toDoubleVector();
        gan.trainer().iterate();
        assertTrue(Double.isFinite(gan.pairs().lastEncoderLoss()));
        double[] after = gan.e().params().toDoubleVector();
        assertTrue(!java.util.Arrays.equals(before, after), "E is updated with G");
        INDArray x = points(5);
        double[] scores = gan.trainer().score(x).toDoubleVector();
        double[] byHand = gan.d().output(gan.pairs().join(x, gan.e().output(x, false)), false).toDoubleVector();
        assertArrayEquals(byHand, scores, 1e-12, "a point is scored as the pair (x, E(x))");
    }
}
