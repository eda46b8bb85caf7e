package org.latentlab.train;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Spectral normalisation of a discriminator (Miyato, Kataoka, Koyama and Yoshida 2018, "Spectral normalization for
 * generative adversarial networks", Algorithm 1). Every weight matrix W of D (a dense layer's, and a convolution's or
 * transposed convolution's kernel read as a matrix of out-channels × in-channels·kh·kw; biases, batch-norm and
 * minibatch-discrimination tensors untouched) is used as Ŵ = W / σ(W), σ(W) its largest singular value, estimated
 * with a persistent vector u (drawn once from the run's seed) by one power iteration per D update:
 * v = Wᵀu / ‖Wᵀu‖, u = Wv / ‖Wv‖, σ = uᵀWv (= ‖Wv‖).
 *
 * <p>D's network always holds Ŵ, so every pass, view, score and saved model sees the normalised D; this class keeps
 * the raw W that the optimiser trains, with u, v and σ. One D update is then:
 * <ol>
 *   <li>the gradient G of D's loss with respect to the network's parameters (that is, Ŵ) becomes, through
 *       {@link #chainRule}, the gradient with respect to W with u and v held constant (as the paper differentiates,
 *       and as its reference code does): ∂L/∂W = (G − ⟨G, Ŵ⟩ u vᵀ) / σ. Every term of D's loss (gradient penalties,
 *       R1, historical averaging) is a function of Ŵ, so the whole gradient goes through the same rule;</li>
 *   <li>{@link #exposeRaw} writes W into the network, so that the optimiser (any of them, with its state) steps W
 *       itself;</li>
 *   <li>{@link #normalise} takes the stepped W back, runs one power iteration on it and writes Ŵ = W / σ.</li>
 * </ol>
 * The state (W, u, v, σ) goes into checkpoints ({@link #state}, {@link #restore}) so that a resumed run continues
 * bit for bit. Arrays are kept in the network's data type; not thread-safe: the trainer's owner thread runs it.
 */
public final class SpectralNormalisation {

    /** Below this a vector is not divided by its norm (a zero matrix keeps σ = 0 rather than dividing by zero). */
    private static final double EPSILON = 1e-12;

    private final MultiLayerNetwork network;
    private final List<Weight> weights;
    private final DataType dataType;

    /** One weight matrix: where it lies in the network and its raw W, u, v and σ. */
    private static final class Weight {
        final String name;
        /** Block axes with the output axis first (the order in which the matrix reads the block). */
        final int[] axes;
        final long[] shape;
        final char order;
        final long offset;
        final long length;
        /** Raw W as a matrix [out, in·k...], 'c' order. */
        final INDArray w;
        final INDArray u;
        final INDArray v;
        double sigma;

        Weight(String name, int[] axes, long[] shape, char order, long offset, INDArray w, INDArray u) {
            this.name = name;
            this.axes = axes;
            this.shape = shape;
            this.order = order;
            this.offset = offset;
            this.length = w.length();
            this.w = w;
            this.u = u;
            this.v = Nd4j.zeros(w.dataType(), w.columns(), 1);
        }

        /** The block of the flat vector {@code flat} (DL4J's layout of the network) in its own shape. */
        INDArray block(INDArray flat) {
            INDArray line = flat.reshape(flat.length()).get(NDArrayIndex.interval(offset, offset + length));
            return line.reshape(order, shape);
        }

        /** The block of {@code flat} as the matrix [out, in·k...], a copy. */
        INDArray read(INDArray flat) {
            INDArray permuted = block(flat).permute(axes);
            return permuted.dup('c').reshape('c', w.rows(), w.columns());
        }

        /** Writes the matrix [out, in·k...] into the block of {@code flat}. */
        void write(INDArray flat, INDArray matrix) {
            INDArray permuted = block(flat).permute(axes);
            permuted.assign(matrix.reshape('c', permuted.shape()));
        }
    }

    /**
     * Takes the network's current parameters as the raw weights, draws each u ~ N(0, I) / ‖·‖ from {@code seed},
     * runs one power iteration and writes Ŵ into the network.
     */
    public SpectralNormalisation(MultiLayerNetwork network, long seed) {
        this.network = network;
        this.dataType = network.params().dataType();
        this.weights = findWeights(network);
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("spectral normalisation needs a dense or convolutional layer in D");
        }
        drawVectors(seed);
        normalise();
    }

    private List<Weight> findWeights(MultiLayerNetwork net) {
        INDArray flat = net.params();
        List<Weight> found = new ArrayList<>();
        for (int l = 0; l < net.getnLayers(); l++) {
            Layer layer = net.getLayer(l);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            INDArray view = layer.paramTable().get("W");
            if (view == null || !(conf instanceof FeedForwardLayer)) {
                continue; // batch norm's γ and β, minibatch discrimination's T: not normalised
            }
            int[] axes;
            if (conf instanceof Deconvolution2D && view.rank() == 4) {
                axes = new int[] {1, 0, 2, 3}; // [in, out, kh, kw]
            } else if (conf instanceof ConvolutionLayer && view.rank() >= 3) {
                axes = new int[view.rank()];
                for (int a = 0; a < axes.length; a++) {
                    axes[a] = a; // [out, in, kh, kw]
                }
            } else if (view.rank() == 2) {
                axes = new int[] {1, 0}; // a dense layer's [in, out]
            } else {
                continue;
            }
            long out = view.size(axes[0]);
            long offset = view.offset() - flat.offset();
            String name = conf.getLayerName() == null ? "layer" + l : conf.getLayerName();
            INDArray matrix = view.permute(axes).dup('c').reshape('c', out, view.length() / out);
            found.add(new Weight(name, axes, view.shape(), view.ordering(), offset, matrix,
                    Nd4j.zeros(dataType, out, 1)));
        }
        return List.copyOf(found);
    }

    private void drawVectors(long seed) {
        // a stream of its own: the trainer's draws use counters 0, 1, 2, ... of the same seed
        Random rng = new Random(Seeds.seed(seed, -1));
        for (Weight weight : weights) {
            double[] values = new double[(int) weight.u.length()];
            double norm = 0;
            for (int i = 0; i < values.length; i++) {
                values[i] = rng.nextGaussian();
                norm += values[i] * values[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < values.length; i++) {
                values[i] /= norm;
            }
            weight.u.assign(Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE).castTo(dataType));
        }
    }

    /**
     * Turns {@code gradient}, dL/dθ of D's loss at the network's parameters (Ŵ), into dL/dθ at the raw weights with
     * u and v held constant, in place: each weight block G becomes (G − ⟨G, Ŵ⟩ u vᵀ) / σ; the other entries (biases,
     * normalisation, minibatch tensors) are left as they are. Call it with the network holding Ŵ, before
     * {@link #exposeRaw}.
     */
    public void chainRule(INDArray gradient) {
        for (Weight weight : weights) {
            INDArray g = weight.read(gradient);
            double inner = g.mul(weight.w).sumNumber().doubleValue() / weight.sigma; // ⟨G, Ŵ⟩
            g.subi(weight.u.mmul(weight.v.transpose()).muli(inner)).divi(weight.sigma);
            weight.write(gradient, g);
        }
    }

    /** Writes the raw weights W into the network, for the optimiser to step them. */
    public void exposeRaw() {
        INDArray flat = network.params();
        for (Weight weight : weights) {
            weight.write(flat, weight.w);
        }
    }

    /**
     * Takes the network's weights as the raw W (as the optimiser left them after {@link #exposeRaw}), runs one power
     * iteration on each and writes Ŵ = W / σ into the network.
     */
    public void normalise() {
        INDArray flat = network.params();
        for (Weight weight : weights) {
            weight.w.assign(weight.read(flat));
            powerIteration(weight);
            weight.write(flat, weight.w.div(weight.sigma));
        }
    }

    /**
     * One more power iteration on every raw W, without a D update: the network's Ŵ follows the new σ. For the
     * estimate's convergence alone (training makes one iteration per update).
     */
    public void iterate() {
        INDArray flat = network.params();
        for (Weight weight : weights) {
            powerIteration(weight);
            weight.write(flat, weight.w.div(weight.sigma));
        }
    }

    private static void powerIteration(Weight weight) {
        INDArray wtu = weight.w.transpose().mmul(weight.u);
        weight.v.assign(wtu.divi(Math.max(wtu.norm2Number().doubleValue(), EPSILON)));
        INDArray wv = weight.w.mmul(weight.v);
        double norm = wv.norm2Number().doubleValue();
        weight.u.assign(wv.div(Math.max(norm, EPSILON)));
        weight.sigma = norm; // uᵀWv with u = Wv / ‖Wv‖
    }

    /** The names of D's normalised layers, in order. */
    public List<String> layers() {
        return weights.stream().map(w -> w.name).toList();
    }

    /** σ of each normalised layer's raw W as last estimated, in the order of {@link #layers()}. */
    public double[] sigmas() {
        return weights.stream().mapToDouble(w -> w.sigma).toArray();
    }

    /** The raw W of layer {@code i} of {@link #layers()} as the matrix [out, in·k...], a copy. */
    public INDArray rawWeight(int i) {
        return weights.get(i).w.dup();
    }

    /** u of layer {@code i} [out, 1] and v [in·k..., 1] of the last power iteration, copies. */
    public INDArray[] singularVectors(int i) {
        return new INDArray[] {weights.get(i).u.dup(), weights.get(i).v.dup()};
    }

    /**
     * Everything a resume needs, in one DOUBLE vector (exact for the network's float or double values): each layer's
     * W, then each u, each v, then the σs.
     */
    public INDArray state() {
        List<INDArray> parts = new ArrayList<>();
        for (Weight weight : weights) {
            parts.add(weight.w.reshape(1, weight.w.length()).castTo(DataType.DOUBLE));
        }
        for (Weight weight : weights) {
            parts.add(weight.u.reshape(1, weight.u.length()).castTo(DataType.DOUBLE));
        }
        for (Weight weight : weights) {
            parts.add(weight.v.reshape(1, weight.v.length()).castTo(DataType.DOUBLE));
        }
        parts.add(Nd4j.create(sigmas(), new long[] {1, weights.size()}, DataType.DOUBLE));
        INDArray state = Nd4j.hstack(parts.toArray(new INDArray[0]));
        return state.reshape(state.length());
    }

    /** Puts back a {@link #state()} of the same network (the network's Ŵ is not touched). */
    public void restore(INDArray state) {
        long expected = weights.size();
        for (Weight weight : weights) {
            expected += weight.w.length() + weight.u.length() + weight.v.length();
        }
        if (state.length() != expected) {
            throw new IllegalArgumentException("a spectral normalisation state of " + state.length()
                    + " values does not fit D, which needs " + expected);
        }
        INDArray line = state.reshape(state.length()).castTo(DataType.DOUBLE);
        long at = 0;
        for (Weight weight : weights) {
            at = take(line, at, weight.w);
        }
        for (Weight weight : weights) {
            at = take(line, at, weight.u);
        }
        for (Weight weight : weights) {
            at = take(line, at, weight.v);
        }
        for (Weight weight : weights) {
            weight.sigma = line.getDouble(at++);
        }
    }

    private long take(INDArray line, long at, INDArray into) {
        INDArray part = line.get(NDArrayIndex.interval(at, at + into.length()));
        into.assign(part.reshape('c', into.shape()).castTo(dataType));
        return at + into.length();
    }

    /**
     * Starts again from the network's current parameters as the raw weights, u drawn anew from {@code seed} (a
     * checkpoint written without spectral normalisation): the same as a fresh start at those parameters.
     */
    public void restartAt(long seed) {
        drawVectors(seed);
        normalise();
    }
}
