package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.Objective;
import org.latentlab.core.Monitor;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.DoublePrecision;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The softmax cross-entropy of a tiny logits classifier (3×3 images, flatten, 6 tanh units, 3 logits: 81 parameters,
 * 20 examples): the gradient against differences of the loss, the engine's loss against DL4J's, and λ₁ by Lanczos on
 * the exact products against the largest eigenvalue of the whole Hessian built from central differences of DL4J's
 * gradient (a path that shares no code with the R-operator).
 */
@ExtendWith(DoublePrecision.class)
class LogitsCrossEntropyObjectiveTest {

    private static LogitsCrossEntropyObjective objective;
    private static double[] theta;

    @BeforeAll
    static void setUp() {
        NetworkSpec spec = new NetworkSpec("tiny-logits", Shape.image(1, 3, 3), List.of(
                new LayerSpec.Flatten("flat"),
                new LayerSpec.Dense("hidden", 6, Activation.TANH),
                new LayerSpec.Dense("logits", 3, Activation.IDENTITY)));
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.9), 5, DataType.DOUBLE);
        int[] labels = new int[20];
        Random r = new Random(8);
        for (int i = 0; i < labels.length; i++) {
            labels[i] = r.nextInt(3);
        }
        objective = new LogitsCrossEntropyObjective(net, Nets.uniform(3, 20, 9, 1.5), labels, 3);
        theta = objective.initialPoint();
        // away from the initial point, where the logits are not all small
        for (int k = 0; k < theta.length; k++) {
            theta[k] *= 2.5;
        }
    }

    @Test
    void coversEveryParameterAndGivesTheGradientOfTheMeanLoss() {
        assertEquals(9 * 6 + 6 + 6 * 3 + 3, objective.dimension());
        double err = Nets.maxRelativeError(objective.gradient(theta),
                Nets.finiteDifferenceGradient(objective, theta, 1e-6), 1e-3);
        assertTrue(err < 1e-7, "gradient against differences of the loss: " + err);
    }

    @Test
    void theEngineComputesTheSameLossExactly() {
        assertTrue(objective.exactCurvature().isPresent(), "the engine runs a flatten-dense chain");
        assertEquals(objective.loss(theta), objective.exactCurvature().get().loss(theta), 1e-12);
        assertTrue(new HessianVectorProduct(objective, theta).exact());
    }

    @Test
    void lanczosTopEigenvalueMatchesTheWholeHessiansLargest() {
        Objective plain = new Objective() {
            @Override
            public int dimension() {
                return objective.dimension();
            }

            @Override
            public double loss(double[] t) {
                return objective.loss(t);
            }

            @Override
            public double[] gradient(double[] t) {
                return objective.gradient(t);
            }
        };
        HessianVectorProduct differences = new HessianVectorProduct(plain, theta);
        assertTrue(!differences.exact());
        double[] all = HessianSpectrum.of(ExactHessian.compute(differences, Monitor.NONE).matrix(), false)
                .eigenvalues();
        double largest = Arrays.stream(all).max().orElseThrow();
        double lambda1 = new Lanczos(new HessianVectorProduct(objective, theta), 11)
                .topEigenvalues(1, 40, 1e-10).eigenvalues()[0];
        assertTrue(largest > 1e-3, "a curved point: λ₁ = " + largest);
        assertEquals(largest, lambda1, 1e-6 * Math.max(1, largest));
    }

    @Test
    void aNetworkWithASameDiffLayerIsRefusedSinceDl4jGetsItsGradientWrong() {
        MultiLayerNetwork net = NetworkCompiler.compile(new NetworkSpec("c", Shape.vector(3), List.of(
                new LayerSpec.Maxout("mx", 4, 2), new LayerSpec.Dense("logits", 2, Activation.IDENTITY, 0.2))),
                OptimizerSpec.adam(1e-3, 0.5), 1, DataType.DOUBLE);
        org.latentlab.core.LabException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.latentlab.core.LabException.class, () -> new LogitsCrossEntropyObjective(net,
                        org.nd4j.linalg.factory.Nd4j.rand(DataType.DOUBLE, 4, 3), new int[] {0, 1, 1, 0}, 2));
        assertTrue(e.getMessage().contains("'mx' (maxout)") && e.getMessage().contains("twice the gradient"),
                e.getMessage());
    }
}
