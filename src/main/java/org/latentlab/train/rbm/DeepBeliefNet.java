package org.latentlab.train.rbm;

import org.latentlab.core.Seeds;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stack of RBMs trained greedily, one layer at a time (Hinton, Osindero &amp; Teh 2006): RBM 0 models the data,
 * and RBM l models the mean-field hidden probabilities of RBM l-1,
 * <pre>
 *   x_0 = v,   x_{l+1} = p(h | x_l) = sigmoid(x_l W_l + c_l),
 * </pre>
 * so layer l's training batch is {@code propagateUp(v, l)}. A single RBM is a stack of one.
 *
 * <p>{@link #unroll()} turns the stack into the initial weights of a deep autoencoder (Hinton &amp; Salakhutdinov
 * 2006): the encoder uses (W_l, c_l) bottom to top, the decoder (W_lᵀ, b_l) top to bottom.
 *
 * <p>Not thread-safe: one owner thread uses it.
 */
public final class DeepBeliefNet {

    private final List<Rbm> layers;

    /**
     * A stack over {@code visible} inputs with the given hidden sizes, bottom first. RBM l is seeded from
     * (seed, l).
     */
    public DeepBeliefNet(int visible, List<Integer> hidden, long seed, DataType dataType) {
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("a deep belief net needs at least one hidden layer");
        }
        List<Rbm> stack = new ArrayList<>();
        int in = visible;
        for (int l = 0; l < hidden.size(); l++) {
            stack.add(new Rbm(in, hidden.get(l), Seeds.seed(seed, l), dataType));
            in = hidden.get(l);
        }
        this.layers = Collections.unmodifiableList(stack);
    }

    /** Number of stacked RBMs. */
    public int layers() {
        return layers.size();
    }

    /** RBM {@code layer} (0 = the one on the data). */
    public Rbm rbm(int layer) {
        if (layer < 0 || layer >= layers.size()) {
            throw new IndexOutOfBoundsException("layer " + layer + " of a " + layers.size() + "-layer DBN");
        }
        return layers.get(layer);
    }

    /** The RBMs, bottom first (an unmodifiable list of the live machines). */
    public List<Rbm> rbms() {
        return layers;
    }

    /**
     * The input that RBM {@code toLayer} sees for data v: v itself for layer 0, otherwise the hidden probabilities
     * of RBM toLayer-1 for the propagated data. {@code toLayer == layers()} gives the top RBM's hidden probabilities.
     */
    public INDArray propagateUp(INDArray v, int toLayer) {
        if (toLayer < 0 || toLayer > layers.size()) {
            throw new IndexOutOfBoundsException("cannot propagate to layer " + toLayer + " of a "
                    + layers.size() + "-layer DBN");
        }
        INDArray x = v;
        for (int l = 0; l < toLayer; l++) {
            x = layers.get(l).hiddenProbabilities(x);
        }
        return x;
    }

    /**
     * Mean-field propagation down: from the hidden probabilities of RBM {@code fromLayer - 1} (the input of
     * {@code fromLayer}) to the visible units of RBM 0, applying p(v|h) of each RBM below.
     */
    public INDArray propagateDown(INDArray h, int fromLayer) {
        if (fromLayer < 0 || fromLayer > layers.size()) {
            throw new IndexOutOfBoundsException("cannot propagate down from layer " + fromLayer + " of a "
                    + layers.size() + "-layer DBN");
        }
        INDArray x = h;
        for (int l = fromLayer - 1; l >= 0; l--) {
            x = layers.get(l).visibleProbabilities(x);
        }
        return x;
    }

    /** Mean-field reconstruction through the first {@code depth} RBMs: up {@code depth} layers, then down again. */
    public INDArray reconstruct(INDArray v, int depth) {
        return propagateDown(propagateUp(v, depth), depth);
    }

    /**
     * One CD/PCD update of RBM {@code layer} on the data batch v (propagated up through the layers below).
     */
    public Rbm.Stats trainLayer(int layer, INDArray v, int k, double learningRate, boolean persistent) {
        return rbm(layer).cdStep(propagateUp(v, layer), k, learningRate, persistent);
    }

    /**
     * The stack unrolled into a deep autoencoder's dense layers, as copies: encoder layers (W_l, c_l) for
     * l = 0..L-1, then decoder layers (W_lᵀ, b_l) for l = L-1..0, 2L in all. For 784-500-250 this is
     * 784→500, 500→250, 250→500, 500→784, each with a sigmoid activation.
     */
    public List<DenseParams> unroll() {
        List<DenseParams> out = new ArrayList<>();
        for (Rbm r : layers) {
            out.add(new DenseParams(r.weights().dup('c'), r.hiddenBias().dup('c')));
        }
        for (int l = layers.size() - 1; l >= 0; l--) {
            Rbm r = layers.get(l);
            out.add(new DenseParams(r.weights().transpose().dup('c'), r.visibleBias().dup('c')));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DBN ").append(layers.get(0).visible());
        for (Rbm r : layers) {
            s.append('-').append(r.hidden());
        }
        return s.toString();
    }
}
