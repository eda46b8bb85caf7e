package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.CostEstimate;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.latentlab.model.VirtualBatchNormLayer;
import org.latentlab.testing.FiniteDifferences;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Virtual batch normalisation on images [n, C, H, W] (per channel over positions), in double precision: the
 * training-mode backward pass (parameters and input, reference rows included) against central differences, with
 * the loss on every row and with the loss on the examples alone (so they reach the reference rows only through the
 * reference statistics); the training-mode output against the paper's combination written out here
 * (μ_i = (R μ_r + m_i)/(R + 1), ν_i = (R ν_r + q_i)/(R + 1), σ_i² = ν_i − μ_i², with m_i and q_i an example's mean
 * and mean of squares over its positions, the reference rows batch-normalised per channel); and an example's
 * inference-mode output against its training-mode output and DL4J's layer.
 */
class VirtualBatchNormConvTest {

    private static final int REFERENCE = 5;
    private static final int EXAMPLES = 3;

    /** 3 → dense 18 tanh → reshape 2×3×3 → vbn → conv 3 (3×3, same) leaky → vbn → deconv 1 (4×4, stride 2). */
    private static MultiLayerNetwork network(long seed) {
        NetworkSpec spec = new NetworkSpec("G", Shape.vector(3), List.of(
                new LayerSpec.Dense("g1", 18, Activation.TANH),
                new LayerSpec.Reshape("g_reshape", 2, 3, 3),
                new LayerSpec.VirtualBatchNorm("vbn1", REFERENCE),
                new LayerSpec.Conv2D("g2", 3, 3, 1, Padding.SAME, Activation.LEAKYRELU, 0.25),
                new LayerSpec.VirtualBatchNorm("vbn2", REFERENCE),
                new LayerSpec.Deconv2D("g_out", 1, 4, 2, Padding.SAME, Activation.IDENTITY, 0)));
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), seed, DataType.DOUBLE);
        assertEquals(net.numParams(), CostEstimate.of(spec, 1).parameters(), "four values per channel");
        // γ and β away from 1 and 0
        for (int layer : new int[] {1, 3}) {
            long c = net.getLayer(layer).getParam(VirtualBatchNormLayer.GAMMA).length();
            net.getLayer(layer).getParam(VirtualBatchNormLayer.GAMMA).assign(uniform(seed + layer, 1, (int) c, 0.5)
                    .addi(1));
            net.getLayer(layer).getParam(VirtualBatchNormLayer.BETA).assign(uniform(seed + 10 + layer, 1, (int) c,
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

    private static void assertClose(double[] analytic, double[] numeric, String what) {
        double scale = Arrays.stream(numeric).map(Math::abs).max().orElseThrow();
        assertTrue(scale > 1e-3, what + ": the loss should depend on it");
        double err = FiniteDifferences.maxRelativeError(analytic, numeric, 1e-9);
        assertTrue(err < 1e-6, what + ": max relative error " + err);
    }

    private void checkBackward(boolean referenceRowsInLoss) {
        MultiLayerNetwork dl4j = network(3);
        int outputs = 36;
        INDArray x = uniform(4, REFERENCE + EXAMPLES, 3, 1.5);
        INDArray e = uniform(5, REFERENCE + EXAMPLES, outputs, 1.0);
        if (!referenceRowsInLoss) {
            e.get(NDArrayIndex.interval(0, REFERENCE), NDArrayIndex.all()).assign(0);
        }
        try (TrainingNetwork net = TrainingNetwork.of(dl4j)) {
            assertTrue(net.onEngine());
            net.forward(x);
            INDArray inputGradient = net.backward(e).dup();
            double[] analytic = net.gradient().dup().toDoubleVector();
            DoubleSupplier l = () -> net.forward(x).mul(e).sumNumber().doubleValue();
            double[] numeric = FiniteDifferences.centralDifferences(dl4j.params(), l);
            assertClose(analytic, numeric, "parameters");
            for (int layer : new int[] {1, 3}) {
                long from = offset(dl4j, layer);
                int c = (int) dl4j.getLayer(layer).getParam(VirtualBatchNormLayer.GAMMA).length();
                assertClose(Arrays.copyOfRange(analytic, (int) from, (int) from + 2 * c),
                        Arrays.copyOfRange(numeric, (int) from, (int) from + 2 * c), "γ and β of layer " + layer);
                for (int j = 2 * c; j < 4 * c; j++) {
                    assertEquals(0.0, analytic[(int) from + j], "stored statistics are not learned");
                    assertEquals(0.0, numeric[(int) from + j], 1e-9, "stored statistics are not read in training");
                }
            }
            double[] numericInput = FiniteDifferences.centralDifferences(x.reshape(x.length()), l);
            assertClose(inputGradient.reshape(inputGradient.length()).toDoubleVector(), numericInput, "input");
            double[] referencePart = Arrays.copyOfRange(numericInput, 0, REFERENCE * 3);
            assertTrue(Arrays.stream(referencePart).map(Math::abs).max().orElseThrow() > 1e-3,
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

    /** The first layer's input, [n, 2, 3, 3], as DL4J's dense layer computes it. */
    private static double[][][][] firstActivations(MultiLayerNetwork dl4j, INDArray x) {
        INDArray a = dl4j.getLayer(0).activate(x, false, LayerWorkspaceMgr.noWorkspaces()).dup();
        double[][][][] out = new double[(int) x.rows()][2][3][3];
        for (int i = 0; i < out.length; i++) {
            for (int k = 0; k < 18; k++) {
                out[i][k / 9][(k / 3) % 3][k % 3] = a.getDouble(i, k);
            }
        }
        return out;
    }

    @Test
    void trainingModeIsThePapersCombinationPerChannel() {
        MultiLayerNetwork dl4j = network(11);
        INDArray x = uniform(12, REFERENCE + EXAMPLES, 3, 1.5);
        double[][][][] a = firstActivations(dl4j, x);
        double[] gamma = dl4j.getLayer(1).getParam(VirtualBatchNormLayer.GAMMA).toDoubleVector();
        double[] beta = dl4j.getLayer(1).getParam(VirtualBatchNormLayer.BETA).toDoubleVector();
        double eps = VirtualBatchNormLayer.EPSILON;
        double[][] expected = new double[REFERENCE + EXAMPLES][18];
        double[] refMean = new double[2];
        double[] refVariance = new double[2];
        for (int ch = 0; ch < 2; ch++) {
            double mu = 0;
            double nu = 0;
            for (int r = 0; r < REFERENCE; r++) {
                for (double[] row : a[r][ch]) {
                    for (double v : row) {
                        mu += v / (REFERENCE * 9);
                        nu += v * v / (REFERENCE * 9);
                    }
                }
            }
            refMean[ch] = mu;
            refVariance[ch] = nu - mu * mu;
            for (int i = 0; i < REFERENCE + EXAMPLES; i++) {
                double m = 0;
                double q = 0;
                for (double[] row : a[i][ch]) {
                    for (double v : row) {
                        m += v / 9;
                        q += v * v / 9;
                    }
                }
                boolean ref = i < REFERENCE;
                double mui = ref ? mu : (REFERENCE * mu + m) / (REFERENCE + 1);
                double nui = ref ? nu : (REFERENCE * nu + q) / (REFERENCE + 1);
                double variance = nui - mui * mui;
                for (int p = 0; p < 9; p++) {
                    expected[i][ch * 9 + p] = gamma[ch] * (a[i][ch][p / 3][p % 3] - mui) / Math.sqrt(variance + eps)
                            + beta[ch];
                }
            }
        }
        Chain head = Chain.of(dl4j, 2).orElseThrow();
        INDArray params = DenseChain.segment(dl4j.params(), 0, head.parameters());
        try (ChainPlan plan = new ChainPlan(head, REFERENCE + EXAMPLES, params, params.ulike())) {
            INDArray out = plan.forward(x);
            for (int i = 0; i < REFERENCE + EXAMPLES; i++) {
                for (int k = 0; k < 18; k++) {
                    assertEquals(expected[i][k], out.getDouble(i, k), 1e-12, "row " + i + ", value " + k);
                }
            }
        }
        assertTrue(dl4j.getLayer(1).getParam(VirtualBatchNormLayer.MEAN).equalsWithEps(
                Nd4j.createFromArray(refMean).reshape(1, 2), 1e-13), "the pass stored μ_r per channel");
        assertTrue(dl4j.getLayer(1).getParam(VirtualBatchNormLayer.VARIANCE).equalsWithEps(
                Nd4j.createFromArray(refVariance).reshape(1, 2), 1e-13), "the pass stored σ_r² per channel");
    }

    @Test
    void anExampleAloneWithTheStoredStatisticsIsItsTrainingModeOutputAndDl4jsOutput() {
        MultiLayerNetwork dl4j = network(7);
        INDArray reference = uniform(8, REFERENCE, 3, 1.5);
        INDArray examples = uniform(9, EXAMPLES, 3, 1.5);
        INDArray training;
        try (TrainingNetwork net = TrainingNetwork.of(dl4j)) {
            training = net.forward(Nd4j.vstack(reference, examples)).dup();
        }
        INDArray trainingExamples = training.get(NDArrayIndex.interval(REFERENCE, REFERENCE + EXAMPLES),
                NDArrayIndex.all());
        try (InferenceNetwork inference = InferenceNetwork.of(dl4j).orElseThrow()) {
            INDArray alone = inference.output(examples).dup();
            assertTrue(alone.equalsWithEps(trainingExamples, 1e-12), alone + " vs " + trainingExamples);
            INDArray first = inference.output(examples.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all())).dup();
            assertTrue(first.equalsWithEps(alone.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()), 1e-13),
                    "an example's output does not depend on the rest of its batch");
            INDArray e = uniform(10, EXAMPLES, 36, 1.0);
            inference.output(examples);
            double[] analytic = inference.inputGradient(e).dup().reshape(EXAMPLES * 3).toDoubleVector();
            double[] numeric = FiniteDifferences.centralDifferences(examples.reshape(examples.length()),
                    () -> inference.output(examples).mul(e).sumNumber().doubleValue());
            assertClose(analytic, numeric, "inference input gradient");
        }
        INDArray oracle = dl4j.output(examples, false).reshape(EXAMPLES, 36);
        assertTrue(oracle.equalsWithEps(trainingExamples, 1e-12), oracle + " vs " + trainingExamples);
    }
}
