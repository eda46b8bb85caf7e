package org.latentlab.analysis;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small DOUBLE networks, seeded data and finite differences for the geometry tests. */
public final class Nets {

    private Nets() {
    }

    /** in - hidden (tanh) - out softmax with cross-entropy, DOUBLE. */
    public static MultiLayerNetwork softmaxMlp(int in, int hidden, int out, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(in).nOut(hidden)
                        .activation(org.nd4j.linalg.activations.Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(hidden).nOut(out)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** A dense stack without an output layer, as the lab compiles encoders and decoders, in the given type. */
    public static MultiLayerNetwork dense(String name, int in, long seed, DataType type, int[] units,
                                          Activation[] activations) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            layers.add(new LayerSpec.Dense(name + (i + 1), units[i], activations[i], 0.25));
        }
        return NetworkCompiler.compile(new NetworkSpec(name, Shape.vector(in), layers), OptimizerSpec.adam(1e-3, 0.5),
                seed, type);
    }

    /** n × d values uniform in [−range, range], DOUBLE. */
    public static INDArray uniform(long seed, int n, int d, double range) {
        Random r = new Random(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = range * (2 * r.nextDouble() - 1);
        }
        return Nd4j.create(v, new long[] {n, d}, DataType.DOUBLE);
    }

    /** n one-hot rows over {@code classes} classes, DOUBLE. */
    public static INDArray oneHot(long seed, int n, int classes) {
        Random r = new Random(seed);
        double[] v = new double[n * classes];
        for (int i = 0; i < n; i++) {
            v[i * classes + r.nextInt(classes)] = 1;
        }
        return Nd4j.create(v, new long[] {n, classes}, DataType.DOUBLE);
    }

    /** ∇L by central differences of the loss, step h. */
    public static double[] finiteDifferenceGradient(Objective f, double[] theta, double h) {
        double[] g = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double[] p = theta.clone();
            p[i] += h;
            double up = f.loss(p);
            p[i] -= 2 * h;
            g[i] = (up - f.loss(p)) / (2 * h);
        }
        return g;
    }

    /** max |a − b| / max(scale, max |b|). */
    public static double maxRelativeError(double[] a, double[] b, double scale) {
        double largest = scale;
        double err = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(b[i]));
            err = Math.max(err, Math.abs(a[i] - b[i]));
        }
        return err / largest;
    }
}
