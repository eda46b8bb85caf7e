package org.latentlab.engine;

import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chain of dense layers, what {@link DensePlan} compiles: each layer computes a = f(x·W + b). Its flat parameter
 * vector is DL4J's for the same network: layer by layer, W ([nIn, nOut] in 'f' order) then b ([nOut]).
 *
 * @param inputs the input size of the first layer
 * @param layers the layers in order
 */
public record DenseChain(int inputs, List<Layer> layers) {

    /**
     * One dense layer.
     *
     * @param name       its name, for messages
     * @param inputs     nIn
     * @param outputs    nOut
     * @param activation its elementwise nonlinearity
     * @param alpha      the negative slope of leaky ReLU (ignored otherwise)
     */
    public record Layer(String name, int inputs, int outputs, Activation activation, double alpha) {
        /** W's values then b's. */
        public int parameters() {
            return inputs * outputs + outputs;
        }
    }

    public DenseChain {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one layer");
        }
        int in = inputs;
        for (Layer l : layers) {
            if (l.inputs() != in) {
                throw new IllegalArgumentException("layer '" + l.name() + "' takes " + l.inputs() + " values but"
                        + " receives " + in);
            }
            in = l.outputs();
        }
    }

    /** The length of the flat parameter vector. */
    public int parameters() {
        int p = 0;
        for (Layer l : layers) {
            p += l.parameters();
        }
        return p;
    }

    /** Where layer {@code index}'s values start in the flat parameter vector (its W, then its b). */
    public int offset(int index) {
        int offset = 0;
        for (int l = 0; l < index; l++) {
            offset += layers.get(l).parameters();
        }
        return offset;
    }

    /**
     * W of layer {@code index} as a view of a flat vector in DL4J's layout ([1, P]: parameters, a gradient, a
     * direction): [nIn, nOut] in 'f' order.
     */
    public INDArray weights(INDArray flat, int index) {
        Layer l = layers.get(index);
        int at = offset(index);
        return segment(flat, at, at + l.inputs() * l.outputs()).reshape('f', l.inputs(), l.outputs());
    }

    /** b of layer {@code index} as a view of a flat vector in DL4J's layout: [nOut]. */
    public INDArray bias(INDArray flat, int index) {
        Layer l = layers.get(index);
        int at = offset(index) + l.inputs() * l.outputs();
        return segment(flat, at, at + l.outputs());
    }

    /** Values {@code from .. to} of a flat vector, [1, P] or [P] (DL4J keeps its gradient in the latter), as a view. */
    public static INDArray segment(INDArray flat, long from, long to) {
        return flat.rank() == 1 ? flat.get(NDArrayIndex.interval(from, to))
                : flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to));
    }

    /** The output size of the last layer. */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** This chain followed by {@code next} (an encoder then its decoder): parameters concatenated in that order. */
    public DenseChain then(DenseChain next) {
        List<Layer> all = new ArrayList<>(layers);
        all.addAll(next.layers);
        return new DenseChain(inputs, all);
    }

    /** This chain with the last layer's activation replaced (a loss head that takes logits absorbs it). */
    public DenseChain withLastActivation(Activation activation) {
        List<Layer> all = new ArrayList<>(layers);
        Layer last = all.remove(all.size() - 1);
        all.add(new Layer(last.name(), last.inputs(), last.outputs(), activation, last.alpha()));
        return new DenseChain(inputs, all);
    }

    /**
     * The chain of a network spec made of dense layers (a leading Flatten allowed); refuses any other layer with a
     * {@link LabException} naming it.
     */
    public static DenseChain of(NetworkSpec spec) {
        List<Layer> layers = new ArrayList<>();
        int in = spec.input().size();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            if (l instanceof LayerSpec.Dense d) {
                layers.add(new Layer(d.name(), in, d.units(), d.activation(), d.alpha()));
                in = d.units();
            } else if (!(l instanceof LayerSpec.Flatten && i == 0)) {
                throw new LabException("the engine runs dense networks so far; layer '" + l.name() + "' of network '"
                        + spec.name() + "' is " + l.type());
            }
        }
        return new DenseChain(spec.input().size(), layers);
    }

    /**
     * The chain of a DL4J network made only of dense layers with the lab's activations, biases, no layer norm and
     * no input pre-processors; empty for any other network. An output layer at the end is read as a dense layer
     * whose activation is {@code outputActivation} (the caller decides what its loss becomes).
     */
    public static Optional<DenseChain> of(MultiLayerNetwork net, Activation outputActivation) {
        return read(net, outputActivation);
    }

    /** The chain of a DL4J network of dense layers without an output layer (an encoder, a decoder), if it is one. */
    public static Optional<DenseChain> of(MultiLayerNetwork net) {
        return read(net, null);
    }

    private static Optional<DenseChain> read(MultiLayerNetwork net, Activation outputActivation) {
        List<Layer> layers = new ArrayList<>();
        int in = -1;
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
            if (net.getLayerWiseConfigurations().getInputPreProcess(i) != null
                    || !(conf instanceof DenseLayer || conf instanceof BaseOutputLayer)
                    || conf.getIDropout() != null) {
                return Optional.empty(); // dropout on a layer's input runs in a ChainPlan
            }
            org.deeplearning4j.nn.conf.layers.FeedForwardLayer ff =
                    (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) conf;
            boolean output = conf instanceof BaseOutputLayer;
            if (output && (i != net.getnLayers() - 1 || outputActivation == null)) {
                return Optional.empty();
            }
            if (conf instanceof DenseLayer d && (!d.hasBias() || d.hasLayerNorm())
                    || output && !((BaseOutputLayer) conf).hasBias()) {
                return Optional.empty();
            }
            Optional<Activation> a = output ? Optional.of(outputActivation) : activation(ff.getActivationFn());
            if (a.isEmpty()) {
                return Optional.empty();
            }
            double alpha = ff.getActivationFn() instanceof ActivationLReLU l ? l.getAlpha() : 0.2;
            String name = conf.getLayerName() == null ? "layer" + i : conf.getLayerName();
            layers.add(new Layer(name, (int) ff.getNIn(), (int) ff.getNOut(), a.get(), alpha));
            if (in < 0) {
                in = (int) ff.getNIn();
            }
        }
        try {
            DenseChain chain = new DenseChain(in, layers);
            return chain.parameters() == net.numParams() ? Optional.of(chain) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The lab's activation for a DL4J activation function, if it is one of the lab's (with default settings). */
    public static Optional<Activation> activation(IActivation fn) {
        if (fn instanceof ActivationIdentity) {
            return Optional.of(Activation.IDENTITY);
        } else if (fn instanceof ActivationReLU r) {
            boolean plain = (r.getMax() == null || Double.isInfinite(r.getMax()))
                    && (r.getThreshold() == null || r.getThreshold() == 0)
                    && (r.getNegativeSlope() == null || r.getNegativeSlope() == 0);
            return plain ? Optional.of(Activation.RELU) : Optional.empty();
        } else if (fn instanceof ActivationLReLU) {
            return Optional.of(Activation.LEAKYRELU);
        } else if (fn instanceof ActivationTanH) {
            return Optional.of(Activation.TANH);
        } else if (fn instanceof ActivationSigmoid) {
            return Optional.of(Activation.SIGMOID);
        }
        return Optional.empty();
    }
}
