package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
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
 * InfoGAN's codes and information term (Chen et al. 2016): G's input laid out by hand, the categorical term as the
 * cross-entropy of Q on the code drawn and the continuous term as ½ (c − μ)², written out by hand; the term's
 * gradients to Q, to D's body and (through D's body) to G against central finite differences in double precision.
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class InfoGanHeadTest {

    private static final int NOISE = 2;
    private static final int K = 3;
    private static final int C = 2;
    private static final int BATCH = 4;
    private static final double LAMBDA = 1.0;
    private static final double CONTINUOUS_LAMBDA = 0.7;
    private static final double TOLERANCE = 1e-5;

    @Test
    void gsInputIsTheNoiseTheOneHotCodeAndTheContinuousCodes() {
        InfoGanCodes codes = new InfoGanCodes(NOISE, K, C, DataType.DOUBLE);
        assertEquals(7, codes.generatorInputSize());
        INDArray z = Nd4j.create(new double[][] {{0.5, -1}, {2, 3}});
        INDArray in = codes.codes(z, new int[] {2, 0}, new double[] {0.25, -0.5, 1, 0});
        assertArrayEquals(new double[] {0.5, -1, 0, 0, 1, 0.25, -0.5}, in.getRow(0).toDoubleVector());
        assertArrayEquals(new double[] {2, 3, 1, 0, 0, 1, 0}, in.getRow(1).toDoubleVector());
        assertArrayEquals(new int[] {2, 0}, codes.labelsOf(in));
        assertArrayEquals(new double[] {0.25, -0.5, 1, 0}, codes.continuousOf(in));
        INDArray drawn = codes.codes(new double[4000 * NOISE], 4000, new Random(3));
        double[] c = codes.continuousOf(drawn);
        assertTrue(java.util.Arrays.stream(c).allMatch(v -> v >= -1 && v < 1), "continuous codes lie in [-1, 1)");
        int[] counts = new int[K];
        for (int y : codes.labelsOf(drawn)) {
            counts[y]++;
        }
        for (int count : counts) {
            // binomial(4000, 1/3): sd 29.8, so ±150 is about 5 sd
            assertTrue(Math.abs(count - 4000 / K) < 150, java.util.Arrays.toString(counts));
        }
    }

    @Test
    void theCategoricalTermIsTheCrossEntropyOfQOnTheCodeDrawn() {
        // one row: logits (1, 2, 3), means (0.5, -1); code drawn: value 2, continuous (0.2, 0.4)
        double[] out = {1, 2, 3, 0.5, -1};
        InfoGanHead.Loss l = InfoGanHead.loss(out, 1, K, C, new int[] {2}, new double[] {0.2, 0.4}, LAMBDA,
                CONTINUOUS_LAMBDA);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        double crossEntropy = -Math.log(Math.exp(3) / sum);
        assertEquals(0.40760596444, crossEntropy, 1e-10, "−ln softmax(3) of (1, 2, 3)");
        assertEquals(crossEntropy, l.crossEntropy(), 1e-12);
        assertEquals(0.5 * 0.3 * 0.3 + 0.5 * 1.4 * 1.4, l.continuousError(), 1e-12);
        assertEquals(LAMBDA * crossEntropy + CONTINUOUS_LAMBDA * 1.025, l.value(), 1e-12);
        double[] expected = {Math.exp(1) / sum, Math.exp(2) / sum, Math.exp(3) / sum - 1, CONTINUOUS_LAMBDA * 0.3,
                CONTINUOUS_LAMBDA * -1.4};
        assertArrayEquals(expected, l.outputGradient(), 1e-12);
        // a batch is the mean of its rows; the bound ln K − CE is ln K when Q is sure and right
        InfoGanHead.Loss two = InfoGanHead.loss(new double[] {1, 2, 3, 0.5, -1, 40, 0, 0, 0.1, 0.1}, 2, K, C,
                new int[] {2, 0}, new double[] {0.2, 0.4, 0.1, 0.1}, LAMBDA, CONTINUOUS_LAMBDA);
        assertEquals(crossEntropy / 2, two.crossEntropy(), 1e-12);
    }

    private record Nets(MultiLayerNetwork g, MultiLayerNetwork d, MultiLayerNetwork q, InfoGanHead head,
                        InfoGanCodes codes) {
    }

    private static Nets nets() {
        MultiLayerNetwork g = GradientChecks.denseNet("G", NOISE + K + C, Activation.TANH, 11, 5, 2);
        MultiLayerNetwork d = GradientChecks.denseNet("D", 2, Activation.TANH, 12, 6, 4, 1);
        MultiLayerNetwork q = GradientChecks.denseNet("Q", 4, Activation.TANH, 13, 5, K + C);
        InfoGanCodes codes = new InfoGanCodes(NOISE, K, C, DataType.DOUBLE);
        return new Nets(g, d, q, new InfoGanHead(codes, d, "D2", q, LAMBDA, CONTINUOUS_LAMBDA), codes);
    }

    private static INDArray gInput(InfoGanCodes codes) {
        INDArray z = Latent.gaussian(BATCH, NOISE, new Random(7), DataType.DOUBLE);
        return codes.codes(z, new int[] {0, 2, 1, 2}, new double[] {0.3, -0.8, 0.9, 0.1, -0.4, -0.2, 0.6, 0.5});
    }

    /** L_I by DL4J's own inference passes: D's layer D2 (the body's end), Q, the hand-checked loss. */
    private static double informationLoss(Nets n, INDArray x, INDArray gInput) {
        INDArray features = n.d().feedForwardToLayer(1, x, false).get(2);
        double[] out = n.q().output(features, false).dup('c').data().asDouble();
        return InfoGanHead.loss(out, BATCH, K, C, n.codes().labelsOf(gInput), n.codes().continuousOf(gInput),
                LAMBDA, CONTINUOUS_LAMBDA).value();
    }

    @Test
    void theTermsGradientToQAndToDsBodyMatchesFiniteDifferences() {
        Nets n = nets();
        INDArray in = gInput(n.codes());
        INDArray fake = n.g().output(in, false);
        INDArray dGradient = n.d().getGradientsViewArray();
        double[] before = GradientChecks.uniform(5, 1, (int) dGradient.length(), 1).toDoubleVector();
        dGradient.assign(Nd4j.create(before, dGradient.shape()));
        double reported = n.head().addToDiscriminator(fake, in, dGradient);
        double[] after = dGradient.dup().toDoubleVector();
        double[] analyticD = new double[after.length];
        for (int i = 0; i < after.length; i++) {
            analyticD[i] = after[i] - before[i];
        }
        double[] analyticQ = n.head().q().gradient().dup().toDoubleVector();
        DoubleSupplier loss = () -> informationLoss(n, fake, in);
        assertEquals(loss.getAsDouble(), reported, 1e-12, "L_I value");
        double[] numericD = GradientChecks.centralDifferences(n.d(), loss);
        double[] numericQ = GradientChecks.centralDifferences(n.q(), loss);
        assertTrue(GradientChecks.maxAbs(numericD) > 1e-4, "L_I depends on D's body");
        assertEquals(0, numericD[numericD.length - 1], 1e-12, "D's score layer does not enter L_I");
        double errD = GradientChecks.maxRelativeError(analyticD, numericD, GradientChecks.absFloor(reported));
        assertTrue(errD < TOLERANCE, "D: max relative error " + errD + GradientChecks.describe(analyticD, numericD));
        double errQ = GradientChecks.maxRelativeError(analyticQ, numericQ, GradientChecks.absFloor(reported));
        assertTrue(errQ < TOLERANCE, "Q: max relative error " + errQ + GradientChecks.describe(analyticQ, numericQ));
    }

    @Test
    void gsGradientWithTheTermMatchesFiniteDifferences() {
        Nets n = nets();
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        GanSettings settings = new GanSettings(GanLoss.NON_SATURATING, 1, BATCH, adam, adam, false, 0, 0, 0);
        GanTrainer trainer = new GanTrainer(n.g(), n.d(), ToyDistribution.named("ring8"), settings, NOISE, 5,
                n.head());
        INDArray in = gInput(n.codes());
        double[] analytic = trainer.generatorGradient(in).dup().toDoubleVector();
        double reported = trainer.lastStats().generatorLoss;
        DoubleSupplier gLoss = () -> {
            INDArray x = n.g().output(in, false);
            double value = 0;
            for (double s : n.d().output(x, false).toDoubleVector()) {
                value += GanLoss.NON_SATURATING.generatorLoss(s) / BATCH;
            }
            return value + informationLoss(n, x, in);
        };
        assertEquals(gLoss.getAsDouble(), reported, 1e-12, "G loss: the GAN loss plus L_I");
        assertEquals(Math.log(K) - n.head().lastLossParts()[0], trainer.lastStats().informationBound, 1e-12);
        double[] numeric = GradientChecks.centralDifferences(n.g(), gLoss);
        double err = GradientChecks.maxRelativeError(analytic, numeric, GradientChecks.absFloor(reported));
        assertTrue(err < TOLERANCE, "G: max relative error " + err + GradientChecks.describe(analytic, numeric));
    }

    @Test
    void refusesWhatDoesNotFitQsReadingOfOneExample() {
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        GanSettings plain = new GanSettings(GanLoss.NON_SATURATING, 1, 4, adam, adam, false, 0, 0, 0);
        assertTrue(InfoGanCodes.refusal(plain).isEmpty());
        assertTrue(InfoGanCodes.refusal(plain.withSpectralNorm(true)).isEmpty());
        assertEquals("InfoGAN cannot use packing (Q reads the features of one example, D's would be of a pack): set"
                + " training.packing to 1", InfoGanCodes.refusal(plain.withPacking(2)).orElseThrow());
        assertTrue(InfoGanCodes.refusal(plain.withFeatureMatching("d1")).orElseThrow()
                .contains("set training.featureMatching to \"\""));
    }
}
