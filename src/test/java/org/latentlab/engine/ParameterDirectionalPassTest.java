package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TrainingNetwork#parameterDirectionalPass} on both plan kinds ({@link DensePlan}, {@link ChainPlan}) against
 * central differences of the first-order passes in double precision, for the loss L = Σ softplus(out) (so that
 * R{∂L/∂out} = σ(out)(1 − σ(out)) R{out}): H·v against the difference of the parameter gradients along v, and
 * R{∂L/∂x} against the difference of the input gradients along v.
 */
class ParameterDirectionalPassTest {

    private static final NetworkSpec NET = new NetworkSpec("mlp", Shape.vector(4), List.of(
            new LayerSpec.Dense("h1", 6, Activation.TANH, 0.2),
            new LayerSpec.Dense("h2", 5, Activation.SIGMOID, 0.2),
            new LayerSpec.Dense("out", 3, Activation.IDENTITY, 0.2)));
    private static final double H = 1e-5;

    private static INDArray gaussian(long seed, long... shape) {
        Random r = new Random(seed);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    private static TrainingNetwork planned(MultiLayerNetwork network, boolean chain) {
        return chain ? new PlannedNetwork(network, Chain.of(network).orElseThrow())
                : new PlannedNetwork(network, DenseChain.of(network).orElseThrow());
    }

    /** Forward and backward of L = Σ softplus(out) at x: {parameter gradient, input gradient}, copies. */
    private static INDArray[] gradients(TrainingNetwork net, INDArray x) {
        INDArray out = net.forward(x);
        INDArray inputGradient = net.backward(Transforms.sigmoid(out, true)).dup();
        return new INDArray[] {net.gradient().dup(), inputGradient};
    }

    private static double relative(INDArray analytic, INDArray numeric) {
        double scale = Math.max(1e-8, numeric.amaxNumber().doubleValue());
        return analytic.reshape(analytic.length()).sub(numeric.reshape(numeric.length())).amaxNumber().doubleValue()
                / scale;
    }

    @ParameterizedTest(name = "chain plan: {0}")
    @ValueSource(booleans = {false, true})
    void hessianVectorAndInputGradientDerivativeMatchCentralDifferences(boolean chain) {
        MultiLayerNetwork network = NetworkCompiler.compile(NET, OptimizerSpec.adam(1e-3, 0.5), 3, DataType.DOUBLE);
        try (TrainingNetwork net = planned(network, chain)) {
            INDArray x = gaussian(1, 7, 4);
            INDArray v = gaussian(2, 1, network.numParams());
            INDArray theta = network.params().dup();

            network.params().assign(theta.add(v.mul(H)).reshape(network.params().shape()));
            INDArray[] plus = gradients(net, x);
            network.params().assign(theta.sub(v.mul(H)).reshape(network.params().shape()));
            INDArray[] minus = gradients(net, x);
            network.params().assign(theta);

            INDArray out = net.forward(x);
            INDArray sigma = Transforms.sigmoid(out, true);
            net.backward(sigma);
            INDArray curvature = sigma.mul(sigma.rsub(1));
            TrainingNetwork.ParameterDirectionalPass pass = net.parameterDirectionalPass(v,
                    rOut -> rOut.mul(curvature));
            double hv = relative(pass.hessianVector(), plus[0].sub(minus[0]).divi(2 * H));
            double rx = relative(pass.rInputGradient(), plus[1].sub(minus[1]).divi(2 * H));
            assertTrue(hv < 1e-7, "H·v relative error " + hv);
            assertTrue(rx < 1e-7, "R{dL/dx} relative error " + rx);
        }
    }
}
