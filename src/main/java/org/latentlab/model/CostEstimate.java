package org.latentlab.model;


import java.util.ArrayList;
import java.util.List;

/**
 * What a network costs, per layer and in total: parameters, activation memory for a batch and arithmetic per
 * example. Estimates from the shapes alone, before DL4J builds anything. For a layer taking {@code in} (C_in
 * channels of H_in x W_in, or a vector of n_in values) and giving {@code out}:
 *
 * <pre>
 * parameters      dense      n_in * units + units                     (weights, biases)
 *                 conv2d     k * k * C_in * filters + filters
 *                 deconv2d   k * k * C_in * filters + filters
 *                 batchnorm  4 * C   (C = channels of an image, else the vector's size): gamma, beta, and the
 *                            running mean and variance, which DL4J counts as parameters (trainable: 2 * C)
 *                 others     0
 *                 RBM layer  dense + n_in: each RBM's visible bias b, used going down (p(v|h)), is a parameter too
 * FLOPs/example   dense      2 * n_in * units + units                  (a multiply-add is 2; + bias)
 *                 conv2d     2 * k * k * C_in * filters * H_out * W_out + |out|
 *                 deconv2d   2 * k * k * C_in * filters * H_in * W_in + |out|   (each input value spreads a
 *                            k x k x filters patch)
 *                 batchnorm  2 * |out|                                 (scale and shift, inference)
 *                 activation |out| for a non-identity activation, fused into dense / conv / deconv or on its own
 *                 pool2d     k * k * |out|                          (a compare or an add per window value)
 *                 dropout, upsample, reshape, flatten: 0               (inference: no arithmetic)
 * activations     4 bytes (float32) * batch * |out| for every layer's output, plus the input batch; reshape and
 *                 flatten make no copy (0). This is what one forward pass keeps for backpropagation.
 * </pre>
 *
 * The parameter counts equal DL4J's {@code numParams()} of the compiled network (tested on every template).
 */
public final class CostEstimate {

    /** Bytes of one float32 value. */
    public static final int BYTES_PER_VALUE = 4;

    /**
     * The cost of one layer.
     *
     * @param nodeId          the canvas node, or null for a layer of a network file
     * @param activationBytes bytes of this layer's output for one batch
     * @param flops           floating-point operations per example, forward
     */
    public record LayerCost(String nodeId, String name, String type, Shape input, Shape output, long parameters,
                            long trainable, long activationBytes, long flops) {
    }

    /**
     * The cost of a network: its layers (for a graph, those whose shapes are known; {@code complete} says whether
     * that is all of them) and the bytes of its input batch.
     */
    public record NetworkCost(List<LayerCost> layers, int batchSize, long inputBytes, boolean complete) {

        public NetworkCost {
            layers = List.copyOf(layers);
        }

        public long parameters() {
            return layers.stream().mapToLong(LayerCost::parameters).sum();
        }

        public long trainable() {
            return layers.stream().mapToLong(LayerCost::trainable).sum();
        }

        /** Input batch plus every layer's output batch, in bytes. */
        public long activationBytes() {
            return inputBytes + layers.stream().mapToLong(LayerCost::activationBytes).sum();
        }

        /** FLOPs per example for one forward pass. */
        public long flops() {
            return layers.stream().mapToLong(LayerCost::flops).sum();
        }

        /** FLOPs for one forward pass of the batch. */
        public long flopsPerBatch() {
            return flops() * batchSize;
        }
    }

    private CostEstimate() {
    }

    /** The cost of one layer that receives {@code in}. */
    public static LayerCost layer(String nodeId, LayerSpec l, Shape in, int batchSize) {
        return layer(nodeId, l, in, batchSize, false);
    }

    /** The cost of one layer; an RBM layer counts its visible biases too. */
    public static LayerCost layer(String nodeId, LayerSpec l, Shape in, int batchSize, boolean rbm) {
        checkBatch(batchSize);
        Shape out = l.outputShape(in);
        long outSize = out.size();
        long params = 0;
        long trainable;
        long flops = 0;
        if (l instanceof LayerSpec.Dense d) {
            params = (long) in.size() * d.units() + d.units();
            flops = 2L * in.size() * d.units() + d.units() + activationFlops(d.activation(), outSize);
        } else if (l instanceof LayerSpec.Conv2D c) {
            long k2 = (long) c.kernel() * c.kernel();
            params = k2 * in.channels() * c.filters() + c.filters();
            flops = 2 * k2 * in.channels() * c.filters() * out.height() * out.width() + outSize
                    + activationFlops(c.activation(), outSize);
        } else if (l instanceof LayerSpec.Deconv2D c) {
            long k2 = (long) c.kernel() * c.kernel();
            params = k2 * in.channels() * c.filters() + c.filters();
            flops = 2 * k2 * in.channels() * c.filters() * in.height() * in.width() + outSize
                    + activationFlops(c.activation(), outSize);
        } else if (l instanceof LayerSpec.BatchNorm) {
            long channels = in.isImage() ? in.channels() : in.size();
            params = 4 * channels;
            flops = 2 * outSize;
        } else if (l instanceof LayerSpec.Act a) {
            flops = activationFlops(a.activation(), outSize);
        } else if (l instanceof LayerSpec.Pool2D p) {
            flops = (long) p.kernel() * p.kernel() * outSize;
        } else if (l instanceof LayerSpec.VirtualBatchNorm) {
            // γ, β (learned), the reference batch's mean and variance (kept)
            params = 4L * (in.isImage() ? in.channels() : in.size());
            flops = 6 * outSize;
        } else if (l instanceof LayerSpec.Maxout m) {
            long affine = (long) m.units() * m.pieces();
            params = (long) in.size() * affine + affine;
            // the pieces' affine maps, then the maximum of each unit's pieces
            flops = 2L * in.size() * affine + 2 * affine;
        } else if (l instanceof LayerSpec.MinibatchDiscrimination m) {
            long bc = (long) m.kernels() * m.dims();
            params = in.size() * bc;
            // per example: its rows M = f·T, and the L1 distances to the rows of every example of the batch
            flops = 2L * in.size() * bc + 3L * Math.max(1, batchSize) * bc;
        }
        trainable = l instanceof LayerSpec.BatchNorm || l instanceof LayerSpec.VirtualBatchNorm ? params / 2 : params;
        if (rbm && l instanceof LayerSpec.Dense) {
            params += in.size();
            trainable += in.size();
        }
        boolean view = l instanceof LayerSpec.Reshape || l instanceof LayerSpec.Flatten;
        long bytes = view ? 0 : (long) BYTES_PER_VALUE * batchSize * outSize;
        return new LayerCost(nodeId, l.name(), l.type(), in, out, params, trainable, bytes, flops);
    }

    /** The cost of a network file. */
    public static NetworkCost of(NetworkSpec spec, int batchSize) {
        return of(spec, batchSize, false);
    }

    private static NetworkCost of(NetworkSpec spec, int batchSize, boolean rbm) {
        checkBatch(batchSize);
        List<LayerCost> out = new ArrayList<>();
        Shape in = spec.input();
        for (LayerSpec l : spec.layers()) {
            LayerCost c = layer(null, l, in, batchSize, rbm);
            out.add(c);
            in = c.output();
        }
        return new NetworkCost(out, batchSize, inputBytes(spec.input(), batchSize), true);
    }

    private static long activationFlops(Activation a, long values) {
        return a == Activation.IDENTITY ? 0 : values;
    }

    public static long inputBytes(Shape in, int batchSize) {
        return (long) BYTES_PER_VALUE * batchSize * in.size();
    }

    /** Refuses a batch size below 1. */
    public static void checkBatch(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be >= 1, not " + batchSize);
        }
    }
}
