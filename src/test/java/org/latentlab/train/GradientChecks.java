package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.testing.FiniteDifferences;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import java.util.function.DoubleSupplier;

/** Finite differences and an independent input-gradient path, shared by the double-precision gradient tests. */
final class GradientChecks {

    static final double H = FiniteDifferences.H;

    /**
     * Negative slope for leaky ReLU in these tests. Not the lab's default 0.2: ND4J's LeakyReLU backward op rounds
     * alpha to float (0.2 becomes 0.20000000298) even in double precision while the forward op keeps 0.2, so DL4J's
     * own input gradient, the oracle here, would differ from the exact derivative by ~1e-8 relative. 0.25 is exact
     * in float.
     */
    static final double LEAKY_ALPHA = 0.25;

    private GradientChecks() {
    }

    /** Dense stack {@code in - hidden... - 1}, the last layer linear, compiled in DOUBLE. */
    static MultiLayerNetwork denseNet(String name, int in, Activation hiddenActivation, long seed, int... units) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            boolean last = i == units.length - 1;
            layers.add(new LayerSpec.Dense(name + (last ? "_out" : Integer.toString(i + 1)), units[i],
                    last ? Activation.IDENTITY : hiddenActivation, LEAKY_ALPHA));
        }
        NetworkSpec spec = new NetworkSpec(name, Shape.vector(in), layers);
        return NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), seed, DataType.DOUBLE);
    }

    /** n x dim uniform values in [-range, range], DOUBLE. */
    static INDArray uniform(long seed, int n, int dim, double range) {
        Random r = new Random(seed);
        double[] v = new double[n * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = range * (2 * r.nextDouble() - 1);
        }
        return Nd4j.create(v, new long[] {n, dim}, DataType.DOUBLE);
    }

    /**
     * ∇ₓ D(xᵢ) for every row, by DL4J's own backward pass (not the hand-written one under test): a training-mode
     * forward pass, then backprop of ones. Overwrites D's gradient view.
     */
    static INDArray inputGradients(MultiLayerNetwork d, INDArray x) {
        d.setInput(x);
        d.feedForward(true, false);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, x.rows(), 1);
        return d.backpropGradient(ones, LayerWorkspaceMgr.noWorkspaces()).getSecond().dup();
    }

    /** Ω = λ/m Σ (‖∇ₓ D(x̂ᵢ)‖ − 1)² through {@link #inputGradients}. */
    static double penalty(MultiLayerNetwork d, INDArray xHat, double lambda) {
        double[] norms = inputGradients(d, xHat).norm2(1).toDoubleVector();
        double sum = 0;
        for (double n : norms) {
            sum += (n - 1) * (n - 1);
        }
        return lambda * sum / norms.length;
    }

    /** Central differences of {@code loss} over every entry of {@code net.params()} (restored afterwards). */
    static double[] centralDifferences(MultiLayerNetwork net, DoubleSupplier loss) {
        return FiniteDifferences.centralDifferences(net.params(), loss);
    }

    static double absFloor(double lossValue) {
        return FiniteDifferences.absFloor(lossValue);
    }

    static double maxRelativeError(double[] analytic, double[] numeric, double absFloor) {
        return FiniteDifferences.maxRelativeError(analytic, numeric, absFloor);
    }

    static String describe(double[] analytic, double[] numeric) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < analytic.length; j++) {
            sb.append(String.format("%n  %3d  analytic % .10e  numeric % .10e", j, analytic[j], numeric[j]));
        }
        return sb.toString();
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
