package org.latentlab.engine;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.model.Activation;
import org.latentlab.model.MaxoutLayer;
import org.latentlab.model.MinibatchDiscriminationLayer;
import org.latentlab.model.Padding;
import org.latentlab.model.VirtualBatchNormLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link ChainPlan} compiles: a DL4J network's layers in order as {@link ChainLayer}s, each taking the
 * previous one's output (a reshape between them, DL4J's input preprocessors, is a view of the same 'c'-order
 * array: NCHW flattened row by row). Per-layer activations become layers of their own.
 *
 * @param inputShape one example as the first layer takes it: {size} or {channels, height, width}
 * @param layers     the layers in order
 */
record Chain(long[] inputShape, List<ChainLayer> layers) {

    Chain {
        inputShape = inputShape.clone();
        layers = List.copyOf(layers);
    }

    /** Values in one (flat) input example. */
    long inputSize() {
        return size(inputShape);
    }

    /** Values in one (flat) output example. */
    long outputSize() {
        return size(layers.get(layers.size() - 1).outputShape());
    }

    long parameters() {
        return layers.stream().mapToLong(ChainLayer::parameters).sum();
    }

    /**
     * This chain followed by {@code next} (an encoder then its decoder): layers and parameters concatenated in that
     * order, {@code next}'s first layer reading this one's output as a reshaped view.
     *
     * @throws IllegalArgumentException when this chain's output size is not {@code next}'s input size
     */
    Chain then(Chain next) {
        if (outputSize() != next.inputSize()) {
            throw new IllegalArgumentException("a chain with " + outputSize() + " outputs cannot feed one with "
                    + next.inputSize() + " inputs");
        }
        List<ChainLayer> all = new ArrayList<>(layers);
        all.addAll(next.layers);
        return new Chain(inputShape, all);
    }

    static long size(long[] shape) {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    /**
     * The chain of a DL4J network in FLOAT or DOUBLE made of dense, convolution (stride and kernel square, no
     * dilation, padding "same" or none), transposed convolution, activation, batch normalisation (learned γ and
     * β, moving statistics), upsampling, max or average pooling (no padding) and inverted dropout (a dropout
     * layer's or on a layer's input, fixed p) layers with the lab's activations, biases and NCHW data, joined by
     * reshapes; empty for any other network (it trains on
     * DL4J's layer objects). The parameter layout is checked against each layer's parameter table and
     * {@code numParams()}.
     */
    static Optional<Chain> of(MultiLayerNetwork net) {
        return read(net, false, net.getnLayers());
    }

    /**
     * The chain of the network's first {@code layers} DL4J layers, as {@link #of} reads them: its parameters are the
     * head of the network's flat vector (DL4J lays them out layer by layer), checked layer by layer.
     */
    static Optional<Chain> of(MultiLayerNetwork net, int layers) {
        if (layers < 1 || layers > net.getnLayers()) {
            throw new IllegalArgumentException("a network of " + net.getnLayers() + " layers has no prefix of "
                    + layers);
        }
        return read(net, false, layers);
    }

    /**
     * The chain of a network for inference: as {@link #of}, but dropout (on a layer's input, or a dropout layer)
     * is allowed, since in inference mode it passes its input through unchanged.
     */
    static Optional<Chain> forInference(MultiLayerNetwork net) {
        return read(net, true, net.getnLayers());
    }

    private static Optional<Chain> read(MultiLayerNetwork net, boolean inference, int count) {
        try {
            return Optional.ofNullable(readLayers(net, inference, count));
        } catch (IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Chain readLayers(MultiLayerNetwork net, boolean inference, int count) {
        DataType type = net.params().dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE || net.getnLayers() == 0) {
            return null;
        }
        List<ChainLayer> layers = new ArrayList<>();
        long[] shape = null;
        long[] input = null;
        long offset = 0;
        double[] pendingDropout = null;
        String pendingName = null;
        for (int i = 0; i < count; i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre instanceof FeedForwardToCnnPreProcessor p) {
                long[] image = {p.getNumChannels(), p.getInputHeight(), p.getInputWidth()};
                if (shape != null && size(shape) != size(image)) {
                    return null;
                }
                shape = image;
            } else if (pre instanceof CnnToFeedForwardPreProcessor p) {
                if (p.getFormat() != CNN2DFormat.NCHW || shape == null || shape.length != 3) {
                    return null;
                }
                shape = new long[] {size(shape)};
            } else if (pre != null) {
                return null;
            }
            String name = conf.getLayerName() == null ? "layer" + i : conf.getLayerName();
            // dropout (a dropout layer's, or on a layer's input) is the identity in inference mode
            double retain = inference || conf.getIDropout() == null ? 1 : retainProbability(conf.getIDropout());
            if (retain < 0) {
                return null;
            }
            if (conf instanceof DropoutLayer) {
                if (net.getLayer(i).numParams() != 0) {
                    return null;
                }
                if (retain < 1 && shape != null) {
                    layers.add(new ChainDropout(name, shape, retain));
                    input = input == null ? shape.clone() : input;
                } else if (retain < 1) {
                    // the first layer: placed before the next one, whose input shape it takes
                    pendingDropout = new double[] {retain};
                    pendingName = name;
                }
                continue;
            }
            if (retain < 1) {
                if (pendingDropout != null) {
                    return null; // two dropouts in a row: not a network the lab builds
                }
                pendingDropout = new double[] {retain};
                pendingName = name + " dropout";
            }
            int before = layers.size();
            if (conf instanceof DenseLayer d) {
                if (!d.hasBias() || d.hasLayerNorm() || (shape != null && shape.length != 1)) {
                    return null;
                }
                shape = shape == null ? new long[] {d.getNIn()} : shape;
                if (shape[0] != d.getNIn()) {
                    return null;
                }
                layers.add(new ChainDense(name, (int) d.getNIn(), (int) d.getNOut()));
                shape = new long[] {d.getNOut()};
                if (!activation(name, shape, d.getActivationFn(), layers)) {
                    return null;
                }
            } else if (conf instanceof ConvolutionLayer c) {
                Optional<ConvLayerKernels.Geometry> g = geometry(c, shape);
                if (g.isEmpty()) {
                    return null;
                }
                ChainConvolution layer = new ChainConvolution(name, g.get());
                layers.add(layer);
                shape = layer.outputShape();
                if (!activation(name, shape, c.getActivationFn(), layers)) {
                    return null;
                }
            } else if (conf instanceof ActivationLayer a) {
                if (shape == null || !activation(name, shape, a.getActivationFn(), layers)) {
                    return null;
                }
            } else if (conf instanceof BatchNormalization b) {
                shape = shape == null ? new long[] {b.getNIn()} : shape;
                if (b.isLockGammaBeta() || !b.isMinibatch() || b.getCnn2DFormat() != CNN2DFormat.NCHW
                        || (shape.length != 1 && shape.length != 3) || b.getNOut() != shape[0]) {
                    return null;
                }
                layers.add(new ChainBatchNorm(name, shape, b.getEps(), b.getDecay(), b.isUseLogStd()));
            } else if (conf instanceof MinibatchDiscriminationLayer m) {
                shape = shape == null ? new long[] {m.getNIn()} : shape;
                if (shape.length != 1 || shape[0] != m.getNIn()) {
                    return null;
                }
                layers.add(new ChainMinibatch(name, (int) m.getNIn(), m.getKernels(), m.getDims()));
                shape = layers.get(layers.size() - 1).outputShape();
            } else if (conf instanceof MaxoutLayer m) {
                shape = shape == null ? new long[] {m.getNIn()} : shape;
                if (shape.length != 1 || shape[0] != m.getNIn()) {
                    return null;
                }
                layers.add(new ChainDense(name, (int) m.getNIn(), m.getUnits() * m.getPieces()));
                layers.add(new ChainMaxout(name, m.getUnits(), m.getPieces()));
                shape = new long[] {m.getUnits()};
            } else if (conf instanceof VirtualBatchNormLayer v) {
                shape = shape == null ? new long[] {v.getNIn()} : shape;
                if (shape.length != 1 && shape.length != 3 || shape[0] != v.getNIn()
                        || v.isConvolutional() != (shape.length == 3)) {
                    return null;
                }
                layers.add(new ChainVirtualBatchNorm(name, shape, v.getReferenceBatch(), v.getEpsilon()));
            } else if (conf instanceof Upsampling2D u) {
                int[] s = u.getSize();
                if (shape == null || shape.length != 3 || u.getFormat() != CNN2DFormat.NCHW || s.length != 2
                        || s[0] != s[1]) {
                    return null;
                }
                layers.add(new ChainUpsampling(name, (int) shape[0], (int) shape[1], (int) shape[2], s[0]));
                shape = layers.get(layers.size() - 1).outputShape();
            } else if (conf instanceof SubsamplingLayer p) {
                if (shape == null || !pooling(name, p, shape, layers)) {
                    return null;
                }
                shape = layers.get(layers.size() - 1).outputShape();
            } else {
                return null;
            }
            if (pendingDropout != null) {
                layers.add(before, new ChainDropout(pendingName, layers.get(before).inputShape(), pendingDropout[0]));
                before++;
                pendingDropout = null;
            }
            if (input == null) {
                input = layers.get(before).inputShape();
            }
            long own = 0;
            for (int l = before; l < layers.size(); l++) {
                own += layers.get(l).parameters();
            }
            if (!layout(net, i, layers.get(before), offset, own)) {
                return null;
            }
            offset += own;
        }
        if (layers.isEmpty() || pendingDropout != null) {
            return null;
        }
        Chain chain = new Chain(input, layers);
        return count < net.getnLayers() || chain.parameters() == net.numParams() ? chain : null;
    }

    /**
     * DL4J's probability p of keeping a unit for plain inverted dropout with a fixed p; −1 for any other kind
     * (Gaussian, alpha or spatial dropout, a schedule).
     */
    private static double retainProbability(IDropout dropout) {
        if (dropout.getClass() != Dropout.class || ((Dropout) dropout).getPSchedule() != null) {
            return -1;
        }
        double p = ((Dropout) dropout).getP();
        return p > 0 && p <= 1 ? p : -1;
    }

    /** Adds the activation layer for {@code fn} unless it is the identity; false when it is not one of the lab's. */
    static boolean activation(String name, long[] shape, IActivation fn, List<ChainLayer> layers) {
        Optional<Activation> a = DenseChain.activation(fn);
        if (a.isEmpty()) {
            return false;
        }
        if (a.get() != Activation.IDENTITY) {
            double alpha = fn instanceof ActivationLReLU l ? l.getAlpha() : 0;
            layers.add(new ChainActivation(name, shape, a.get(), alpha));
        }
        return true;
    }

    /** Adds max or average pooling without padding (mode "truncate"); false for any other pooling. */
    private static boolean pooling(String name, SubsamplingLayer p, long[] shape, List<ChainLayer> layers) {
        int[] k = p.getKernelSize();
        int[] s = p.getStride();
        int[] pad = p.getPadding();
        int[] d = p.getDilation();
        boolean max = p.getPoolingType() == PoolingType.MAX;
        if (!max && p.getPoolingType() != PoolingType.AVG || p.getClass() != SubsamplingLayer.class
                || shape.length != 3 || p.getConvolutionMode() != ConvolutionMode.Truncate
                || p.getCnn2dDataFormat() != CNN2DFormat.NCHW || k[0] != k[1] || s[0] != s[1] || pad[0] != 0
                || pad[1] != 0 || d[0] != 1 || d[1] != 1) {
            return false;
        }
        layers.add(new ChainPooling(name, max, (int) shape[0], (int) shape[1], (int) shape[2], k[0], s[0]));
        return true;
    }

    private static Optional<ConvLayerKernels.Geometry> geometry(ConvolutionLayer c, long[] shape) {
        int[] k = c.getKernelSize();
        int[] s = c.getStride();
        int[] p = c.getPadding();
        int[] d = c.getDilation();
        ConvolutionMode mode = c.getConvolutionMode();
        if (shape == null || shape.length != 3 || !c.hasBias() || c.getCnn2dDataFormat() != CNN2DFormat.NCHW
                || k[0] != k[1] || s[0] != s[1] || p[0] != 0 || p[1] != 0 || d[0] != 1 || d[1] != 1
                || (mode != ConvolutionMode.Same && mode != ConvolutionMode.Truncate)
                || c.getNIn() != shape[0]) {
            return Optional.empty();
        }
        Padding padding = mode == ConvolutionMode.Same ? Padding.SAME : Padding.VALID;
        boolean transposed = c instanceof Deconvolution2D;
        if (!transposed && c.getClass() != ConvolutionLayer.class) {
            return Optional.empty(); // a subclass (separable, depthwise, ...) computes something else
        }
        if (transposed && c.getClass() != Deconvolution2D.class) {
            return Optional.empty();
        }
        ConvLayerKernels.Geometry g = new ConvLayerKernels.Geometry(transposed, (int) shape[0], (int) shape[1],
                (int) shape[2], (int) c.getNOut(), k[0], s[0], padding);
        return g.outHeight() >= 1 && g.outWidth() >= 1 ? Optional.of(g) : Optional.empty();
    }

    /**
     * Whether layer {@code index}'s parameters sit where the chain reads them: {@code count} values from
     * {@code offset} on, in the order of the layer's parameter table as this chain's layer reads it.
     */
    private static boolean layout(MultiLayerNetwork net, int index, ChainLayer first, long offset, long count) {
        Map<String, INDArray> table = net.getLayer(index).paramTable();
        long total = table.values().stream().mapToLong(INDArray::length).sum();
        if (total != count || net.getLayer(index).numParams() != count) {
            return false;
        }
        List<String> order = List.of();
        if (first instanceof ChainDense) {
            order = List.of("W", "b");
        } else if (first instanceof ChainConvolution) {
            order = List.of("b", "W");
        } else if (first instanceof ChainMinibatch) {
            order = List.of(MinibatchDiscriminationLayer.T);
        } else if (first instanceof ChainVirtualBatchNorm) {
            order = List.of(VirtualBatchNormLayer.GAMMA, VirtualBatchNormLayer.BETA, VirtualBatchNormLayer.MEAN,
                    VirtualBatchNormLayer.VARIANCE);
        } else if (first instanceof ChainBatchNorm b) {
            order = List.of("gamma", "beta", "mean", b.logStd() ? "log10stdev" : "var");
        }
        if (!order.isEmpty() && !order.equals(new ArrayList<>(table.keySet()))) {
            return false;
        }
        INDArray flat = net.params();
        long at = offset;
        for (INDArray p : table.values()) {
            if (p.offset() - flat.offset() != at) {
                return false;
            }
            at += p.length();
        }
        return true;
    }
}
