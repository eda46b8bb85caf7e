package org.latentlab.latent;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.Templates;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inversion of G against closed forms: a linear generator G(z) = W z (W of full column rank) is inverted exactly
 * by least squares, and with λ > 0 the minimiser is the ridge solution (WᵀW + λI)⁻¹Wᵀx. The input gradient is
 * checked against central differences in DOUBLE precision.
 */
class InversionTest {

    private static final int D = 12;
    private static final int K = 4;
    private static DataType[] savedTypes;

    @BeforeAll
    static void doublePrecision() {
        savedTypes = new DataType[] {Nd4j.dataType(), Nd4j.defaultFloatingPointType()};
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restore() {
        Nd4j.setDefaultDataTypes(savedTypes[0], savedTypes[1]);
    }

    private static double[][] weights(long seed) {
        Random rng = new Random(seed);
        double[][] w = new double[D][K];
        for (double[] row : w) {
            for (int j = 0; j < K; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return w;
    }

    private static float[] times(double[][] w, double[] z) {
        float[] x = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            double s = 0;
            for (int j = 0; j < z.length; j++) {
                s += w[i][j] * z[j];
            }
            x[i] = (float) s;
        }
        return x;
    }

    private static LatentModel linearModel(double[][] w) {
        return LatentModel.generator(Nets.linear(w), K, ImageShape.vector(D), null);
    }

    @Test
    void aLinearGeneratorIsInvertedExactly() {
        double[][] w = weights(1);
        double[] zTrue = {0.8, -1.2, 0.3, 2.0};
        float[] x = times(w, zTrue);
        LatentModel model = linearModel(w);
        Inversion inversion = new Inversion(model);
        double[] start = inversion.startCode(x, Inversion.Start.PRIOR, 42);
        InversionResult r = inversion.invert(x, start, new InversionSettings(1500, 0.05, 0, 0), Monitor.NONE, null);
        assertArrayEquals(zTrue, r.code(), 1e-4);
        assertTrue(r.reconstructionError() < 1e-7, r.toString());
        assertArrayEquals(start, r.start(), 0.0);
        assertEquals(1500, r.iterations());

        double[] zOther = {-0.5, 0.1, 1.0, -0.3};
        InversionResult[] both = inversion.invertAll(new float[][] {x, times(w, zOther)},
                new double[][] {start, new double[K]}, new InversionSettings(1500, 0.05, 0, 0), Monitor.NONE);
        assertArrayEquals(zTrue, both[0].code(), 1e-4);
        assertArrayEquals(zOther, both[1].code(), 1e-4, "each example of a batch is inverted on its own");
    }

    @Test
    void aGeneratorWithMaxoutIsInvertedOnTheEngineAndRefusedOnDl4jsLayerObjects() {
        MultiLayerNetwork g = NetworkCompiler.compile(new NetworkSpec("G", Shape.vector(K), List.of(
                new LayerSpec.Maxout("g_mx", 8, 2), new LayerSpec.Dense("g_out", D, Activation.IDENTITY, 0.2))),
                Nets.ADAM, 9, DataType.DOUBLE);
        LatentModel model = LatentModel.generator(g, K, ImageShape.vector(D), null);
        assertTrue(model.onEngine());
        float[] x = model.decode(new double[] {0.3, -0.2, 0.5, 0.1});
        Inversion inversion = new Inversion(model);
        InversionSettings settings = new InversionSettings(200, 0.02, 0, 0);
        InversionResult r = inversion.invert(x, new double[K], settings, Monitor.NONE, null);
        InversionResult first = inversion.invert(x, new double[K], new InversionSettings(1, 0.02, 0, 0), Monitor.NONE,
                null);
        assertTrue(r.reconstructionError() < 0.5 * first.reconstructionError(), r + " after " + first);
        model.useEngine(false);
        // DL4J's backward pass through maxout (a SameDiff layer) gives twice the input gradient: refused in one line
        LabException e = assertThrows(LabException.class,
                () -> inversion.invert(x, new double[K], settings, Monitor.NONE, null));
        assertTrue(e.getMessage().contains("'g_mx' (maxout)"), e.getMessage());
    }

    @Test
    void withLambdaTheMinimiserIsTheRidgeSolution() {
        double[][] w = weights(2);
        Random rng = new Random(3);
        float[] x = new float[D];
        for (int i = 0; i < D; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        double lambda = 2.5;
        RealMatrix wm = MatrixUtils.createRealMatrix(w);
        double[] xd = new double[D];
        for (int i = 0; i < D; i++) {
            xd[i] = x[i];
        }
        RealMatrix a = wm.transpose().multiply(wm).add(MatrixUtils.createRealIdentityMatrix(K).scalarMultiply(lambda));
        double[] ridge = new LUDecomposition(a).getSolver().solve(wm.transpose().operate(
                MatrixUtils.createRealVector(xd))).toArray();

        LatentModel model = linearModel(w);
        InversionResult r = new Inversion(model).invert(x, new double[K],
                new InversionSettings(1500, 0.05, lambda, 0), Monitor.NONE, null);
        assertArrayEquals(ridge, r.code(), 1e-4);
        double z2 = LatentArithmetic.dot(r.code(), r.code());
        assertEquals(r.reconstructionError() + lambda * z2, r.loss(), 1e-9);
    }

    @Test
    void theNetworkIsNotChanged() {
        MultiLayerNetwork g = Nets.mlp(3, 10, 5, DataType.DOUBLE, 8);
        LatentModel model = LatentModel.generator(g, 3, ImageShape.vector(10), null);
        INDArray before = model.decoderNetwork().params().dup();
        float[] x = model.decode(new double[] {0.5, 0.5, -1});
        new Inversion(model).invert(x, new double[3], new InversionSettings(50, 0.05, 0.1, 0), Monitor.NONE, null);
        assertArrayEquals(before.toDoubleVector(), model.decoderNetwork().params().toDoubleVector(), 0.0);
    }

    @Test
    void theInputGradientMatchesFiniteDifferencesThroughSigmoidAndBatchNorm() {
        MultiLayerNetwork g = NetworkCompiler.compile(new NetworkSpec("G", Shape.vector(3), List.of(
                new LayerSpec.Dense("g1", 6, Activation.TANH, 0),
                new LayerSpec.BatchNorm("bn"),
                new LayerSpec.Dense("g2", 5, Activation.IDENTITY, 0))), Nets.ADAM, 11, DataType.DOUBLE);
        // running statistics away from (0, 1), so that inference-mode batch norm matters
        g.getLayer(1).getParam("mean").assign(Nd4j.create(new double[] {0.1, -0.2, 0.3, 0, 0.5, -0.1},
                new long[] {1, 6}));
        // DL4J keeps log10 of the running standard deviation (useLogStd, the default)
        g.getLayer(1).getParam("log10stdev").assign(Nd4j.create(new double[] {-0.15, 0.15, 0.09, -0.05, 0.04, 0.24},
                new long[] {1, 6}));
        LatentModel model = LatentModel.of(ModelKind.GAN_GENERATOR, g, null, 3, OutputTransform.SIGMOID,
                ImageShape.vector(5), null);
        Inversion inversion = new Inversion(model);
        float[][] x = {{0.1f, 0.9f, 0.5f, 0.3f, 0.7f}, {0.6f, 0.2f, 0.8f, 0.4f, 0.1f}};
        double[] z = {0.3, -0.8, 1.1, -0.4, 0.2, 0.9};
        double lambda = 0.3;
        double[] grad = new double[6];
        double[] loss = new double[2];
        double[] recon = new double[2];
        inversion.evaluate(z, 2, x, lambda, grad, loss, recon, null);
        double h = 1e-6;
        for (int p = 0; p < z.length; p++) {
            double[] zp = z.clone();
            double[] zm = z.clone();
            zp[p] += h;
            zm[p] -= h;
            double[] lp = new double[2];
            double[] lm = new double[2];
            inversion.evaluate(zp, 2, x, lambda, null, lp, new double[2], null);
            inversion.evaluate(zm, 2, x, lambda, null, lm, new double[2], null);
            double numeric = (lp[0] + lp[1] - lm[0] - lm[1]) / (2 * h);
            assertEquals(numeric, grad[p], 1e-7 * Math.max(1, Math.abs(numeric)), "dL/dz" + p);
        }
    }

    @Test
    void theInputGradientMatchesFiniteDifferencesForTheDcganGenerator() {
        MultiLayerNetwork g = NetworkCompiler.compile(Templates.dcgan28(4).generator(), Nets.ADAM, 3,
                DataType.DOUBLE);
        Random rng = new Random(12);
        for (int i = 0; i < g.getnLayers(); i++) {
            if (g.getLayer(i) instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization bn) {
                for (String p : new String[] {"mean", "log10stdev", "gamma"}) {
                    INDArray v = bn.getParam(p);
                    for (long j = 0; j < v.length(); j++) {
                        v.putScalar(j, p.equals("gamma") ? 0.5 + rng.nextDouble() : 0.4 * rng.nextDouble() - 0.2);
                    }
                }
            }
        }
        LatentModel model = LatentModel.generator(g, 4, ImageShape.image(1, 28, 28), null);
        Inversion inversion = new Inversion(model);
        float[][] x = new float[1][784];
        for (int i = 0; i < 784; i++) {
            x[0][i] = (float) (2 * rng.nextDouble() - 1);
        }
        double[] z = {0.3, -0.5, 1.0, 0.2};
        double[] grad = new double[4];
        inversion.evaluate(z, 1, x, 0.1, grad, new double[1], new double[1], null);
        double h = 1e-6;
        for (int p = 0; p < 4; p++) {
            double[] zp = z.clone();
            double[] zm = z.clone();
            zp[p] += h;
            zm[p] -= h;
            double[] lp = new double[1];
            double[] lm = new double[1];
            inversion.evaluate(zp, 1, x, 0.1, null, lp, new double[1], null);
            inversion.evaluate(zm, 1, x, 0.1, null, lm, new double[1], null);
            double numeric = (lp[0] - lm[0]) / (2 * h);
            assertEquals(numeric, grad[p], 1e-5 * Math.max(1, Math.abs(numeric)), "dL/dz" + p);
        }
    }

    @Test
    void everyStepIsReportedAndTheLossFalls() {
        double[][] w = weights(4);
        float[] x = times(w, new double[] {1, 1, -1, 0});
        List<InversionStep> steps = new ArrayList<>();
        AtomicInteger progress = new AtomicInteger();
        Monitor monitor = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                progress.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        InversionResult r = new Inversion(linearModel(w)).invert(x, new double[K],
                new InversionSettings(40, 0.05, 0, 0), monitor, steps::add);
        assertEquals(40, steps.size());
        assertEquals(0, steps.get(0).iteration());
        assertEquals(39, steps.get(39).iteration());
        assertTrue(steps.get(39).loss() < 0.5 * steps.get(0).loss(), steps.get(0) + " then " + steps.get(39));
        assertTrue(r.loss() < steps.get(39).loss());
        assertEquals(41, progress.get(), "one progress report per step and one at the end");
    }

    @Test
    void cancellingStopsTheSearch() {
        double[][] w = weights(5);
        float[] x = times(w, new double[] {1, 0, 0, 0});
        List<InversionStep> steps = new ArrayList<>();
        Monitor cancelAfterThree = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return steps.size() >= 3;
            }
        };
        assertThrows(Monitor.Cancelled.class, () -> new Inversion(linearModel(w)).invert(x, new double[K],
                new InversionSettings(1000, 0.05, 0, 0), cancelAfterThree, steps::add));
        assertEquals(3, steps.size());
    }

    @Test
    void aToleranceStopsEarlyWhenConverged() {
        double[][] w = weights(6);
        float[] x = times(w, new double[] {0.5, 0.5, 0.5, 0.5});
        InversionResult r = new Inversion(linearModel(w)).invert(x, new double[] {0.5, 0.5, 0.5, 0.5},
                new InversionSettings(100, 0.05, 0, 1e-3), Monitor.NONE, null);
        assertTrue(r.converged());
        assertEquals(0, r.iterations(), "the start is already the answer");
    }

    @Test
    void theEncoderGivesTheStartWhenThereIsOne() {
        MultiLayerNetwork enc = Nets.mlp(10, 3, 1, DataType.DOUBLE, 6);
        MultiLayerNetwork dec = Nets.mlp(3, 10, 2, DataType.DOUBLE, 6);
        LatentModel ae = LatentModel.autoencoder(enc, dec, OutputTransform.IDENTITY, ImageShape.vector(10), null);
        float[] x = new float[10];
        x[3] = 1;
        assertArrayEquals(ae.encode(new float[][] {x})[0], new Inversion(ae).startCode(x, Inversion.Start.ENCODER,
                1), 0.0);
        LatentModel gan = LatentModel.generator(dec, 3, ImageShape.vector(10), null);
        assertThrows(LabException.class, () -> new Inversion(gan).startCode(x, Inversion.Start.ENCODER, 1));
    }

    @Test
    void theMemorisationCheckComparesWithTheNearestTrainingExample() {
        double[][] w = weights(7);
        LatentModel model = linearModel(w);
        Random rng = new Random(8);
        float[][] training = new float[30][];
        for (int i = 0; i < training.length; i++) {
            training[i] = times(w, CodePrior.standardNormal(K).sample(rng));
        }
        float[] heldOut = times(w, new double[] {0.2, -0.4, 0.6, -0.8});
        Inversion inversion = new Inversion(model);
        InversionResult r = inversion.invert(heldOut, new double[K], new InversionSettings(800, 0.05, 0, 0),
                Monitor.NONE, null);
        MemorisationCheck check = Inversion.check(heldOut, r.reconstruction(), training);
        assertTrue(check.reconstructsBetterThanTrainingSet(), check.verdict());
        int nearest = 0;
        for (int i = 1; i < training.length; i++) {
            if (NearestNeighbours.distance(heldOut, training[i]) < NearestNeighbours.distance(heldOut,
                    training[nearest])) {
                nearest = i;
            }
        }
        assertEquals(nearest, check.targetNearest().index());
        InversionResult withCheck = inversion.invert(heldOut, new double[K], new InversionSettings(800, 0.05, 0, 0),
                Monitor.NONE, null, new ArrayExamples(training, null, D));
        assertEquals(check, withCheck.memorisation(), "one pass over an ExampleSet finds the same neighbours");
        assertTrue(withCheck.toString().contains("no sign of copying"), withCheck.toString());

        MemorisationCheck onTraining = Inversion.check(training[4], r.reconstruction(), training);
        assertEquals(0, onTraining.targetNearest().distance(), 0.0);
        assertFalse(onTraining.reconstructsBetterThanTrainingSet());
        assertTrue(onTraining.verdict().contains("held-out"), onTraining.verdict());
    }
}
