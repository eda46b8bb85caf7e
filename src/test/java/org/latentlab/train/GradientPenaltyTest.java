package org.latentlab.train;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentlab.core.LabException;
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
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written WGAN-GP penalty and its parameter gradient against an independent path: DL4J's own backward
 * pass for ∇ₓ D, and central finite differences of the penalty so computed, in double precision.
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class GradientPenaltyTest {

    private static final double LAMBDA = 10;
    private static final int M = 6;

    private static MultiLayerNetwork critic(Activation hidden) {
        return GradientChecks.denseNet("C", 2, hidden, 21, 8, 8, 1);
    }

    /**
     * Interpolates in [-2, 2]² whose hidden pre-activations are all at least 1e-3 away from 0, so that ReLU kinks
     * cannot fall inside a finite-difference step. The search is deterministic (fixed seeds).
     */
    private static INDArray interpolates(MultiLayerNetwork critic) {
        for (long seed = 1; seed < 100; seed++) {
            INDArray x = GradientChecks.uniform(seed, M, 2, 2.0);
            if (minAbsHiddenPreActivation(critic, x) > 1e-3) {
                return x;
            }
        }
        throw new AssertionError("no interpolates away from the ReLU kinks");
    }

    private static double minAbsHiddenPreActivation(MultiLayerNetwork critic, INDArray x) {
        List<INDArray> acts = critic.feedForward(x, false);
        double min = Double.POSITIVE_INFINITY;
        for (int l = 0; l < critic.getnLayers() - 1; l++) {
            INDArray a = acts.get(l).mmul(critic.getLayer(l).getParam("W"))
                    .addRowVector(critic.getLayer(l).getParam("b"));
            min = Math.min(min, Transforms.abs(a, false).minNumber().doubleValue());
        }
        return min;
    }

    /** A zeroed gradient view of the critic: a backward pass with a zero epsilon. */
    private static Gradient zeroGradient(MultiLayerNetwork critic, INDArray x) {
        critic.setInput(x);
        critic.feedForward(true, false);
        return critic.backpropGradient(Nd4j.zeros(DataType.DOUBLE, x.rows(), 1), LayerWorkspaceMgr.noWorkspaces())
                .getFirst();
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "SIGMOID", "LEAKYRELU", "RELU"})
    void penaltyValueMatchesDl4jInputGradient(Activation hidden) {
        MultiLayerNetwork critic = critic(hidden);
        INDArray xHat = interpolates(critic);
        double[] norms = GradientChecks.inputGradients(critic, xHat).norm2(1).toDoubleVector();
        double expected = 0;
        double meanNorm = 0;
        for (double n : norms) {
            expected += LAMBDA / M * (n - 1) * (n - 1);
            meanNorm += n / M;
        }

        GradientPenalty.Result result = new GradientPenalty(critic).apply(xHat, LAMBDA, null);

        assertTrue(expected > 1e-3, "penalty should be clearly nonzero, was " + expected);
        assertEquals(expected, result.penalty(), 1e-10 * expected);
        assertEquals(meanNorm, result.meanGradientNorm(), 1e-10 * meanNorm);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "SIGMOID", "LEAKYRELU", "RELU"})
    void penaltyGradientMatchesFiniteDifferences(Activation hidden) {
        MultiLayerNetwork critic = critic(hidden);
        INDArray xHat = interpolates(critic);
        INDArray paramsBefore = critic.params().dup();
        Gradient gradient = zeroGradient(critic, xHat);
        assertEquals(critic.numParams(), gradient.gradient().length());
        assertEquals(0.0, gradient.gradient().amaxNumber().doubleValue(), "the gradient view should start at zero");

        GradientPenalty.Result result = new GradientPenalty(critic).apply(xHat, LAMBDA, gradient.gradient());
        double[] analytic = gradient.gradient().dup().toDoubleVector();

        assertEquals(paramsBefore, critic.params(), "the penalty must not change the critic's parameters");
        double[] numeric = GradientChecks.centralDifferences(critic, () -> GradientChecks.penalty(critic, xHat,
                LAMBDA));
        assertEquals(GradientChecks.penalty(critic, xHat, LAMBDA), result.penalty(), 1e-10 * result.penalty());
        assertTrue(GradientChecks.maxAbs(numeric) > 1e-3, "the penalty should depend on the parameters");
        double err = GradientChecks.maxRelativeError(analytic, numeric, GradientChecks.absFloor(result.penalty()));
        assertTrue(err < 1e-6, hidden + ": max relative error " + err + GradientChecks.describe(analytic, numeric));
    }

    @Test
    void penaltyGradientIsAddedToWhatTheGradientAlreadyHolds() {
        MultiLayerNetwork critic = critic(Activation.TANH);
        INDArray xHat = interpolates(critic);
        Gradient zero = zeroGradient(critic, xHat);
        GradientPenalty penalty = new GradientPenalty(critic);
        penalty.apply(xHat, LAMBDA, zero.gradient());
        INDArray penaltyOnly = zero.gradient().dup();

        critic.setInput(xHat);
        critic.feedForward(true, false);
        INDArray eps = GradientChecks.uniform(5, M, 1, 1.0);
        Gradient lossGradient = critic.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces()).getFirst();
        INDArray lossOnly = lossGradient.gradient().dup();
        assertTrue(lossOnly.amaxNumber().doubleValue() > 1e-3);
        penalty.apply(xHat, LAMBDA, lossGradient.gradient());

        INDArray expected = lossOnly.add(penaltyOnly);
        assertTrue(expected.equalsWithEps(lossGradient.gradient(), 1e-12),
                "expected loss + penalty gradient, got a difference of "
                        + expected.sub(lossGradient.gradient()).amaxNumber());
    }

    @Test
    void aConvolutionalCriticIsRefusedWithAnActionableMessage() {
        NetworkSpec spec = new NetworkSpec("C", Shape.image(1, 4, 4), List.of(
                new LayerSpec.Conv2D("c1", 2, 3, 1, Padding.SAME, Activation.LEAKYRELU, 0.2),
                new LayerSpec.Flatten("flat"),
                new LayerSpec.Dense("c_out", 1, Activation.IDENTITY)));
        MultiLayerNetwork critic = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 1, DataType.DOUBLE);
        LabException e = assertThrows(LabException.class, () -> new GradientPenalty(critic));
        assertTrue(e.getMessage().contains("dense layers") && e.getMessage().contains("layer 1"), e.getMessage());
    }

    @Test
    void aCriticWithBatchNormIsRefused() {
        NetworkSpec spec = new NetworkSpec("C", Shape.vector(2), List.of(
                new LayerSpec.Dense("c1", 8, Activation.RELU),
                new LayerSpec.BatchNorm("bn"),
                new LayerSpec.Dense("c_out", 1, Activation.IDENTITY)));
        MultiLayerNetwork critic = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 1, DataType.DOUBLE);
        LabException e = assertThrows(LabException.class, () -> new GradientPenalty(critic));
        assertTrue(e.getMessage().contains("layer 2"), e.getMessage());
    }

    @Test
    void aCriticWhoseLastLayerHasAnActivationIsRefused() {
        MultiLayerNetwork critic = NetworkCompiler.compile(new NetworkSpec("C", Shape.vector(2), List.of(
                        new LayerSpec.Dense("c1", 8, Activation.TANH),
                        new LayerSpec.Dense("c_out", 1, Activation.SIGMOID))),
                OptimizerSpec.adam(1e-3, 0.5), 1, DataType.DOUBLE);
        LabException e = assertThrows(LabException.class, () -> new GradientPenalty(critic));
        assertTrue(e.getMessage().contains("last layer must be linear"), e.getMessage());
    }
}
