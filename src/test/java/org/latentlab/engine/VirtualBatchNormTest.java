package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.VirtualBatchNormLayer;
import org.latentlab.testing.FiniteDifferences;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Virtual batch normalisation on the engine, in double precision: the training-mode backward pass (parameters,
 * γ and β included, and the input, reference rows included) against central differences of the training-mode
 * loss Σ e ⊙ output, once with e on every row and once with e zero on the reference rows (so the examples reach
 * the reference rows only through the reference statistics); an example's inference-mode output against its
 * training-mode output with the same reference batch; the engine's inference mode against DL4J's layer (the
 * paper's formula written in SameDiff); and the training-mode reference rows against batch normalisation written
 * out here.
 */
class VirtualBatchNormTest {

    private static final int REFERENCE = 5;
    private static final int EXAMPLES = 3;
    private static final int FEATURES = 4;

    /** 3 → dense 4 tanh → vbn → dense 4 → vbn → dense 2: two layers, the second fed by the first's output. */
    private static MultiLayerNetwork network(long seed) {
        NetworkSpec spec = new NetworkSpec("G", Shape.vector(3), List.of(
                new LayerSpec.Dense("g1", FEATURES, Activation.TANH),
                new LayerSpec.VirtualBatchNorm("vbn1", REFERENCE),
                new LayerSpec.Dense("g2", FEATURES, Activation.LEAKYRELU, 0.25),
                new LayerSpec.VirtualBatchNorm("vbn2", REFERENCE),
                new LayerSpec.Dense("g_out", 2, Activation.IDENTITY)));
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), seed, DataType.DOUBLE);
        // γ and β away from 1 and 0
        for (int layer : new int[] {1, 3}) {
            net.getLayer(layer).getParam(VirtualBatchNormLayer.GAMMA).assign(uniform(seed + layer, 1, FEATURES, 0.5)
                    .addi(1));
            net.getLayer(layer).getParam(VirtualBatchNormLayer.BETA).assign(uniform(seed + 10 + layer, 1, FEATURES,
                    0.5));
        }
        return net;
    }

    private static INDArray uniform(long seed, int rows, int cols, double range) {
        Random r = new Random(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = range * (2 * r.nextDouble() - 1);
        }
        return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
    }

    private static double loss(TrainingNetwork net, INDArray x, INDArray e) {
        return net.forward(x).mul(e).sumNumber().doubleValue();
    }

    private static void assertClose(double[] analytic, double[] numeric, String what) {
        double scale = 0;
        for (double v : numeric) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 1e-3, what + ": the loss should depend on it");
        double err = FiniteDifferences.maxRelativeError(analytic, numeric, 1e-9);
        assertTrue(err < 1e-6, what + ": max relative error " + err);
    }

    private void checkBackward(boolean referenceRowsInLoss) {
        MultiLayerNetwork dl4j = network(3);
        INDArray x = uniform(4, REFERENCE + EXAMPLES, 3, 1.5);
        INDArray e = uniform(5, REFERENCE + EXAMPLES, 2, 1.0);
        if (!referenceRowsInLoss) {
            e.get(NDArrayIndex.interval(0, REFERENCE), NDArrayIndex.all()).assign(0);
        }
        try (TrainingNetwork net = TrainingNetwork.of(dl4j)) {
            assertTrue(net.onEngine());
            net.forward(x);
            INDArray inputGradient = net.backward(e).dup();
            double[] analytic = net.gradient().dup().toDoubleVector();
            DoubleSupplier l = () -> loss(net, x, e);
            double[] numeric = FiniteDifferences.centralDifferences(dl4j.params(), l);
            assertClose(analytic, numeric, "parameters");
            // γ and β of both layers on their own, and the stored statistics' zero
            for (int layer : new int[] {1, 3}) {
                long from = offset(dl4j, layer);
                double[] a = java.util.Arrays.copyOfRange(analytic, (int) from, (int) from + 2 * FEATURES);
                double[] n = java.util.Arrays.copyOfRange(numeric, (int) from, (int) from + 2 * FEATURES);
                assertClose(a, n, "γ and β of layer " + layer);
                for (int j = 2 * FEATURES; j < 4 * FEATURES; j++) {
                    assertEquals(0.0, analytic[(int) from + j], "stored statistics are not learned");
                    assertEquals(0.0, numeric[(int) from + j], 1e-9, "stored statistics are not read in training");
                }
            }
            double[] numericInput = FiniteDifferences.centralDifferences(x.reshape(x.length()), l);
            double[] analyticInput = inputGradient.reshape(inputGradient.length()).toDoubleVector();
            assertClose(analyticInput, numericInput, "input");
            double[] referencePart = java.util.Arrays.copyOfRange(numericInput, 0, REFERENCE * 3);
            assertTrue(java.util.Arrays.stream(referencePart).map(Math::abs).max().orElseThrow() > 1e-3,
                    "the loss reaches the reference rows");
        }
    }

    private static long offset(MultiLayerNetwork net, int layer) {
        long at = 0;
        for (int i = 0; i < layer; i++) {
            at += net.getLayer(i).numParams();
        }
        return at;
    }

    @Test
    void backwardMatchesFiniteDifferencesWithEveryRowInTheLoss() {
        checkBackward(true);
    }

    @Test
    void backwardMatchesFiniteDifferencesThroughTheReferenceStatisticsAlone() {
        checkBackward(false);
    }

    @Test
    void anExampleAloneWithTheStoredStatisticsIsItsTrainingModeOutputAndDl4jsOutput() {
        MultiLayerNetwork dl4j = network(7);
        INDArray reference = uniform(8, REFERENCE, 3, 1.5);
        INDArray examples = uniform(9, EXAMPLES, 3, 1.5);
        INDArray both = Nd4j.vstack(reference, examples);
        INDArray training;
        try (TrainingNetwork net = TrainingNetwork.of(dl4j)) {
            training = net.forward(both).dup();
            INDArray referenceAlone = net.forward(reference).dup();
            // the reference rows do not depend on the examples; a pass of the reference batch alone stores the same
            assertTrue(referenceAlone.equalsWithEps(training.get(NDArrayIndex.interval(0, REFERENCE),
                    NDArrayIndex.all()), 1e-13));
        }
        INDArray trainingExamples = training.get(NDArrayIndex.interval(REFERENCE, REFERENCE + EXAMPLES),
                NDArrayIndex.all());
        try (InferenceNetwork inference = InferenceNetwork.of(dl4j).orElseThrow()) {
            INDArray alone = inference.output(examples).dup();
            assertTrue(alone.equalsWithEps(trainingExamples, 1e-12), alone + " vs " + trainingExamples);
            INDArray first = inference.output(examples.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all())).dup();
            assertTrue(first.equalsWithEps(alone.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()), 1e-13),
                    "an example's output does not depend on the rest of its batch");
            // inference input gradient against central differences of the inference output
            INDArray e = uniform(10, EXAMPLES, 2, 1.0);
            inference.output(examples);
            double[] analytic = inference.inputGradient(e).dup().reshape(EXAMPLES * 3).toDoubleVector();
            double[] numeric = FiniteDifferences.centralDifferences(examples.reshape(examples.length()),
                    () -> inference.output(examples).mul(e).sumNumber().doubleValue());
            assertClose(analytic, numeric, "inference input gradient");
        }
        INDArray oracle = dl4j.output(examples, false);
        assertTrue(oracle.equalsWithEps(trainingExamples, 1e-12), oracle + " vs " + trainingExamples);
        assertTrue(dl4j.output(examples, true).equalsWithEps(oracle, 1e-14), "DL4J's layer has one mode");
    }

    /** The reference rows in training mode are batch normalisation of those rows, written out (first layer). */
    @Test
    void referenceRowsAreBatchNormalisedByTheirOwnStatistics() {
        MultiLayerNetwork dl4j = network(11);
        INDArray reference = uniform(12, REFERENCE, 3, 1.5);
        INDArray a = dl4j.getLayer(0).activate(reference, false,
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces()).dup();
        double[] gamma = dl4j.getLayer(1).getParam(VirtualBatchNormLayer.GAMMA).toDoubleVector();
        double[] beta = dl4j.getLayer(1).getParam(VirtualBatchNormLayer.BETA).toDoubleVector();
        double[][] expected = new double[REFERENCE][FEATURES];
        double[] mean = new double[FEATURES];
        double[] variance = new double[FEATURES];
        for (int k = 0; k < FEATURES; k++) {
            for (int r = 0; r < REFERENCE; r++) {
                mean[k] += a.getDouble(r, k) / REFERENCE;
            }
            for (int r = 0; r < REFERENCE; r++) {
                variance[k] += Math.pow(a.getDouble(r, k) - mean[k], 2) / REFERENCE;
            }
            for (int r = 0; r < REFERENCE; r++) {
                expected[r][k] = gamma[k] * (a.getDouble(r, k) - mean[k])
                        / Math.sqrt(variance[k] + VirtualBatchNormLayer.EPSILON) + beta[k];
            }
        }
        Chain head = Chain.of(dl4j, 2).orElseThrow();
        INDArray params = DenseChain.segment(dl4j.params(), 0, head.parameters());
        try (ChainPlan plan = new ChainPlan(head, REFERENCE, params, params.ulike())) {
            INDArray out = plan.forward(reference);
            for (int r = 0; r < REFERENCE; r++) {
                for (int k = 0; k < FEATURES; k++) {
                    assertEquals(expected[r][k], out.getDouble(r, k), 1e-13);
                }
            }
        }
        assertTrue(dl4j.getLayer(1).getParam(VirtualBatchNormLayer.MEAN).equalsWithEps(
                Nd4j.createFromArray(mean).reshape(1, FEATURES), 1e-14), "the pass stored μ_r");
        assertTrue(dl4j.getLayer(1).getParam(VirtualBatchNormLayer.VARIANCE).equalsWithEps(
                Nd4j.createFromArray(variance).reshape(1, FEATURES), 1e-14), "the pass stored σ_r²");
    }

    @Test
    void aTrainingBatchSmallerThanTheReferenceBatchIsRefused() {
        MultiLayerNetwork dl4j = network(13);
        try (TrainingNetwork net = TrainingNetwork.of(dl4j)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.forward(uniform(1, REFERENCE - 1, 3, 1)));
            assertTrue(e.getMessage().contains("reference batch of " + REFERENCE), e.getMessage());
        }
    }
}
