package org.latentlab.latent;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/** Small networks for the latent tests. */
final class Nets {

    static final OptimizerSpec ADAM = OptimizerSpec.adam(1e-3, 0.9);

    private Nets() {
    }

    /** A dense MLP in -> hidden (tanh) ... -> out (identity), compiled by the lab's compiler. */
    static MultiLayerNetwork mlp(int in, int out, long seed, DataType type, int... hidden) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < hidden.length; i++) {
            layers.add(new LayerSpec.Dense("h" + i, hidden[i], Activation.TANH, 0));
        }
        layers.add(new LayerSpec.Dense("out", out, Activation.IDENTITY, 0));
        return NetworkCompiler.compile(new NetworkSpec("net", Shape.vector(in), layers), ADAM, seed, type);
    }

    /**
     * A linear generator G(z) = W z without bias: one dense identity layer whose DL4J weight is Wᵀ (k x d).
     *
     * @param w d x k
     */
    static MultiLayerNetwork linear(double[][] w) {
        int d = w.length;
        int k = w[0].length;
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(k).nOut(d).hasBias(false)
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build())
                .build());
        net.init();
        double[][] wt = new double[k][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) {
                wt[j][i] = w[i][j];
            }
        }
        net.getLayer(0).setParam("W", Nd4j.create(wt).castTo(DataType.DOUBLE));
        return net;
    }
}
