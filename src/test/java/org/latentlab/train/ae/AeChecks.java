package org.latentlab.train.ae;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.DataSource;
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

/** Tiny networks, a tiny data source and central differences for the autoencoder tests. */
final class AeChecks {

    /** Step of the central differences (double precision). */
    static final double H = FiniteDifferences.H;

    private AeChecks() {
    }

    /** A dense network: {@code units[i]} units with {@code activations[i]}, compiled with Adam 1e-3. */
    static MultiLayerNetwork dense(String name, int in, long seed, DataType type, int[] units,
                                   Activation[] activations) {
        return dense(name, in, seed, type, units, activations, 1e-3);
    }

    static MultiLayerNetwork dense(String name, int in, long seed, DataType type, int[] units,
                                   Activation[] activations, double learningRate) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            layers.add(new LayerSpec.Dense(name + i, units[i], activations[i]));
        }
        return NetworkCompiler.compile(new NetworkSpec(name, Shape.vector(in), layers),
                OptimizerSpec.adam(learningRate, 0.9), seed, type);
    }

    /** Uniform values in [0, 1) of the given dimension (valid Bernoulli targets), drawn with the caller's rng. */
    static DataSource uniformSource(int dim) {
        return new DataSource() {
            @Override
            public String name() {
                return "uniform" + dim;
            }

            @Override
            public int[] shape() {
                return new int[] {dim};
            }

            @Override
            public void sample(int n, Random rng, float[] out) {
                for (int i = 0; i < n * dim; i++) {
                    out[i] = rng.nextFloat();
                }
            }

            @Override
            public String contentHash() {
                return "uniform" + dim;
            }
        };
    }

    /** n × dim values uniform in [lo, hi), DOUBLE. */
    static INDArray uniform(long seed, int n, int dim, double lo, double hi) {
        Random r = new Random(seed);
        double[] v = new double[n * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return Nd4j.create(v, new long[] {n, dim}, DataType.DOUBLE);
    }

    /** Central differences of {@code loss} over every entry of the live flat buffer {@code params} (restored). */
    static double[] centralDifferences(INDArray params, DoubleSupplier loss) {
        return FiniteDifferences.centralDifferences(params, loss);
    }

    static double absFloor(double lossValue) {
        return FiniteDifferences.absFloor(lossValue);
    }

    static double maxRelativeError(double[] analytic, double[] numeric, double absFloor) {
        return FiniteDifferences.maxRelativeError(analytic, numeric, absFloor);
    }

    /**
     * The same measure without the floor, over entries whose gradient is at least 1e-6 of the largest (the others
     * are at the round-off of the differences): what the reports print.
     */
    static double rawRelativeError(double[] analytic, double[] numeric) {
        double scale = Math.max(maxAbs(analytic), maxAbs(numeric));
        double worst = 0;
        for (int j = 0; j < analytic.length; j++) {
            double size = Math.abs(analytic[j]) + Math.abs(numeric[j]);
            if (size >= 1e-6 * scale) {
                worst = Math.max(worst, Math.abs(analytic[j] - numeric[j]) / size);
            }
        }
        return worst;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    static String describe(double[] analytic, double[] numeric) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < analytic.length; j++) {
            sb.append(String.format("%n  %3d  analytic % .10e  numeric % .10e", j, analytic[j], numeric[j]));
        }
        return sb.toString();
    }

    static double[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toDoubleVector();
    }
}
