package org.latentlab.engine;

import org.latentlab.model.LayerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One 2-D convolution or transposed convolution layer, NCHW, compiled for a fixed batch size and data type into
 * libnd4j's own ops ({@code conv2d} / {@code conv2d_bp}, {@code deconv2d} / {@code deconv2d_bp}) with their
 * contexts built once. The weights and bias are views of a flat parameter vector in exactly DL4J's layout for the
 * layer (the bias first, nOut values, then W in 'c' order: [nOut, nIn, k, k] for a convolution, [nIn, nOut, k, k]
 * for a transposed one), and the backward pass writes its gradient into the same views of a flat gradient vector.
 *
 * <p>Passes: {@link #forward()} computes z = conv(x) + b from {@link #input()} into {@link #output()} (the caller
 * applies the activation); {@link #backward()} takes dL/dz in {@link #outputGradient()} and writes dL/dW and dL/db
 * (summed over the batch, as DL4J's) into the gradient views and dL/dx into {@link #inputGradient()}. Padding
 * "same" pads as DL4J's {@code ConvolutionMode.Same} (the odd row or column at the bottom or right), "valid" does
 * not pad. Not thread-safe.
 */
final class ConvLayerKernels implements AutoCloseable {

    /** The shape of one layer: input channels and size, filters, square kernel, stride and padding. */
    record Geometry(boolean transposed, int inChannels, int inHeight, int inWidth, int filters, int kernel,
                    int stride, Padding padding) {

        static Geometry of(LayerSpec layer, Shape in) {
            if (layer instanceof LayerSpec.Conv2D c) {
                return new Geometry(false, in.channels(), in.height(), in.width(), c.filters(), c.kernel(),
                        c.stride(), c.padding());
            }
            if (layer instanceof LayerSpec.Deconv2D d) {
                return new Geometry(true, in.channels(), in.height(), in.width(), d.filters(), d.kernel(),
                        d.stride(), d.padding());
            }
            throw new IllegalArgumentException("not a convolution layer: " + layer.type());
        }

        boolean same() {
            return padding == Padding.SAME;
        }

        int outHeight() {
            return outSize(inHeight);
        }

        int outWidth() {
            return outSize(inWidth);
        }

        private int outSize(int in) {
            if (transposed) {
                return same() ? in * stride : (in - 1) * stride + kernel;
            }
            return same() ? (in + stride - 1) / stride : (in - kernel) / stride + 1;
        }

        /** Bias and weights, DL4J's {@code numParams()} for the layer. */
        long parameters() {
            return filters + (long) inChannels * filters * kernel * kernel;
        }

        /** W's shape in DL4J's layout, which is also the ops' weight format 1. */
        long[] weightShape() {
            return transposed ? new long[] {inChannels, filters, kernel, kernel}
                    : new long[] {filters, inChannels, kernel, kernel};
        }

        /**
         * The ops' integer arguments: kernel, stride, padding, dilation, mode ("same" lets the op compute the
         * padding), NCHW, weight format 1. A transposed convolution with padding "same" pads k − s in all; when
         * that is even it is given as (k − s) / 2 on each side in mode "valid", the same result, because libnd4j
         * hands transposed convolutions to oneDNN (where the build has it) only with explicit padding. Except the
         * forward pass of one with a single filter: oneDNN's is slower than libnd4j's own there (24 ms against
         * 3.3 ms for the DCGAN's last layer at batch 64 on one core), while its backward pass is faster.
         *
         * @param forward for the forward op (else the backward one)
         */
        long[] opArguments(boolean forward) {
            long pad = 0;
            long mode = same() ? 1 : 0;
            if (transposed && same() && kernel >= stride && (kernel - stride) % 2 == 0
                    && !(forward && filters == 1)) {
                pad = (kernel - stride) / 2;
                mode = 0;
            }
            return new long[] {kernel, kernel, stride, stride, pad, pad, 1, 1, mode, 0, 1};
        }
    }

    private final Geometry geometry;
    private final INDArray input;
    private final INDArray inputGradient;
    private final INDArray output;
    private final INDArray outputGradient;
    private final INDArray weights;
    private final INDArray bias;
    private final INDArray weightGradient;
    private final INDArray biasGradient;
    private final Kernel forward;
    private final Kernel backward;
    /** The backward pass to the input alone: the parameter gradient goes to scratch arrays. */
    private final Kernel backwardToInput;
    private final INDArray scratchWeightGradient;
    private final INDArray scratchBiasGradient;
    private final List<Kernel> all = new ArrayList<>();

    /**
     * Compiles the layer for batches of {@code batch}, reading its parameters from {@code params} and writing its
     * gradient into {@code gradient} (both flat vectors, [P] or [1, P], of one type) from {@code offset} on. The input
     * and its gradient are the caller's arrays ([batch, c, h, w] of {@code type}, 'c' order, e.g. the layer
     * below's output and output gradient) or, when null, allocated here.
     */
    ConvLayerKernels(Geometry geometry, int batch, INDArray params, INDArray gradient, long offset,
                     INDArray input, INDArray inputGradient) {
        DataType type = params.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("the engine computes in FLOAT or DOUBLE, not " + type);
        }
        if (gradient.dataType() != type) {
            throw new IllegalArgumentException("parameters in " + type + " but gradient in " + gradient.dataType());
        }
        if (geometry.outHeight() < 1 || geometry.outWidth() < 1) {
            throw new IllegalArgumentException("a kernel of " + geometry.kernel() + " does not fit a "
                    + geometry.inHeight() + "x" + geometry.inWidth() + " input");
        }
        this.geometry = geometry;
        long[] in = {batch, geometry.inChannels(), geometry.inHeight(), geometry.inWidth()};
        long[] out = {batch, geometry.filters(), geometry.outHeight(), geometry.outWidth()};
        this.input = input != null ? require(input, in, type, "input") : Nd4j.create(type, in);
        this.inputGradient = inputGradient != null ? require(inputGradient, in, type, "input gradient")
                : Nd4j.create(type, in);
        this.output = Nd4j.create(type, out);
        this.outputGradient = Nd4j.create(type, out);

        int filters = geometry.filters();
        long weightsAt = offset + filters;
        long weightCount = geometry.parameters() - filters;
        bias = view(params, offset, filters).reshape(filters);
        weights = view(params, weightsAt, weightCount).reshape('c', geometry.weightShape());
        biasGradient = view(gradient, offset, filters).reshape(filters);
        weightGradient = view(gradient, weightsAt, weightCount).reshape('c', geometry.weightShape());
        for (INDArray v : new INDArray[] {bias, weights, biasGradient, weightGradient}) {
            if (!v.isView()) {
                throw new IllegalStateException("parameter view became a copy: " + v.shapeInfoToString());
            }
        }

        String name = geometry.transposed() ? "deconv2d" : "conv2d";
        forward = keep(Kernel.of(name, new INDArray[] {this.input, weights, bias}, output,
                geometry.opArguments(true)).withHelpers());
        backward = keep(Kernel.of(name + "_bp", new INDArray[] {this.input, weights, bias, outputGradient},
                new INDArray[] {this.inputGradient, weightGradient, biasGradient}, geometry.opArguments(false))
                .withHelpers());
        scratchWeightGradient = Nd4j.create(type, geometry.weightShape());
        scratchBiasGradient = Nd4j.create(type, filters);
        backwardToInput = keep(backwardKernel(this.input, weights, outputGradient, this.inputGradient,
                scratchWeightGradient, scratchBiasGradient));
    }

    /**
     * The backward op on given arrays: dL/dx from {@code w} and {@code g} into {@code gx}, dL/dW from {@code x} and
     * {@code g} into {@code gw}, dL/db into {@code gb}.
     */
    private Kernel backwardKernel(INDArray x, INDArray w, INDArray g, INDArray gx, INDArray gw, INDArray gb) {
        String name = geometry.transposed() ? "deconv2d_bp" : "conv2d_bp";
        return Kernel.of(name, new INDArray[] {x, w, bias, g}, new INDArray[] {gx, gw, gb},
                geometry.opArguments(false)).withHelpers();
    }

    private Kernel forwardKernel(INDArray x, INDArray w, INDArray b, INDArray out) {
        return Kernel.of(geometry.transposed() ? "deconv2d" : "conv2d", new INDArray[] {x, w, b}, out,
                geometry.opArguments(true)).withHelpers();
    }

    /** The layer for {@code layer} (a conv2d or deconv2d spec) on inputs of shape {@code in}, arrays allocated. */
    static ConvLayerKernels of(LayerSpec layer, Shape in, int batch, INDArray params, INDArray gradient,
                               long offset) {
        return new ConvLayerKernels(Geometry.of(layer, in), batch, params, gradient, offset, null, null);
    }

    private Kernel keep(Kernel k) {
        all.add(k);
        return k;
    }

    private static INDArray require(INDArray a, long[] shape, DataType type, String what) {
        if (!Arrays.equals(a.shape(), shape) || a.dataType() != type || a.ordering() != 'c') {
            throw new IllegalArgumentException("the " + what + " must be " + type + " " + Arrays
                    .toString(shape) + " in 'c' order, not " + a.shapeInfoToString());
        }
        return a;
    }

    /** {@code length} values of a flat vector ([P] or [1, P]) from {@code offset} on, as a view. */
    private static INDArray view(INDArray flat, long offset, long length) {
        boolean row = flat.rank() == 2 && flat.rows() == 1;
        if (!(row || flat.rank() == 1) || offset + length > flat.length()) {
            throw new IllegalArgumentException("the flat vector " + flat.shapeInfoToString() + " has no "
                    + length + " values at " + offset);
        }
        return row ? flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + length))
                : flat.get(NDArrayIndex.interval(offset, offset + length));
    }

    Geometry geometry() {
        return geometry;
    }

    /** z = conv(x) + b into {@link #output()}. */
    INDArray forward() {
        forward.run();
        return output;
    }

    /**
     * From dL/dz in {@link #outputGradient()}: dL/dW and dL/db into the gradient views, dL/dx into
     * {@link #inputGradient()}. Reads the input the last {@link #forward()} saw.
     */
    INDArray backward() {
        backward.run();
        return inputGradient;
    }

    /** Like {@link #backward()} but leaves the flat gradient as it was (dL/dx alone). */
    INDArray backwardToInput() {
        backwardToInput.run();
        return inputGradient;
    }

    INDArray input() {
        return input;
    }

    INDArray inputGradient() {
        return inputGradient;
    }

    INDArray output() {
        return output;
    }

    INDArray outputGradient() {
        return outputGradient;
    }

    @Override
    public void close() {
        all.forEach(Kernel::close);
    }

    /**
     * The layer's R-operator (see {@link ChainLayer.Pass#curvature}), z = conv(x, W) + b being linear in x and in
     * (W, b) apart: R z = conv(R x, W) (+ conv(x, V) + v_b along a parameter direction); with δ = dL/dz,
     * R{∂L/∂W} = weight-gradient(x, R δ) + weight-gradient(R x, δ), R{∂L/∂b} = Σ R δ and
     * R{dL/dx} = input-gradient(W, R δ) (+ input-gradient(V, δ)), each pair of terms one backward op.
     */
    ChainLayer.RPass curvature(long at, INDArray direction, INDArray product, INDArray rInput,
                               INDArray rInputGradient) {
        return new Curvature(at, direction, product, rInput, rInputGradient);
    }

    private final class Curvature implements ChainLayer.RPass {
        private final INDArray rInputGradient;
        private final INDArray rOutput;
        private final INDArray rOutputGradient;
        private final INDArray productWeights;
        private final INDArray scratchOutput;
        private final INDArray scratchInputGradient;
        private final INDArray scratchWeights;
        private final Kernel rForward;
        private final Kernel rForwardWithBias;
        private final Kernel rAlongWeights;
        private final Kernel rBackward;
        private final Kernel rFromInput;
        private final Kernel rAlongWeightsBackward;
        private final List<Kernel> kernels;

        Curvature(long at, INDArray direction, INDArray product, INDArray rInput, INDArray rInputGradient) {
            DataType type = output.dataType();
            int filters = geometry.filters();
            long count = geometry.parameters() - filters;
            INDArray vb = view(direction, at, filters).reshape(filters);
            INDArray v = view(direction, at + filters, count).reshape('c', geometry.weightShape());
            INDArray hb = view(product, at, filters).reshape(filters);
            productWeights = view(product, at + filters, count).reshape('c', geometry.weightShape());
            require(rInput, input.shape(), type, "R input");
            require(rInputGradient, input.shape(), type, "R input gradient");
            this.rInputGradient = rInputGradient;
            rOutput = Nd4j.create(type, output.shape());
            rOutputGradient = Nd4j.create(type, output.shape());
            scratchOutput = Nd4j.create(type, output.shape());
            scratchInputGradient = Nd4j.create(type, input.shape());
            scratchWeights = Nd4j.create(type, geometry.weightShape());
            INDArray scratchBias = Nd4j.create(type, filters);
            INDArray zeroBias = Nd4j.zeros(type, filters);
            rForward = forwardKernel(rInput, weights, zeroBias, rOutput);
            rForwardWithBias = forwardKernel(rInput, weights, vb, rOutput);
            rAlongWeights = forwardKernel(input, v, zeroBias, scratchOutput);
            rBackward = backwardKernel(input, weights, rOutputGradient, rInputGradient, productWeights, hb);
            rFromInput = backwardKernel(rInput, weights, outputGradient, scratchInputGradient, scratchWeights,
                    scratchBias);
            rAlongWeightsBackward = backwardKernel(rInput, v, outputGradient, scratchInputGradient,
                    scratchWeights, scratchBias);
            kernels = List.of(rForward, rForwardWithBias, rAlongWeights, rBackward, rFromInput,
                    rAlongWeightsBackward);
        }

        @Override
        public INDArray rOutput() {
            return rOutput;
        }

        @Override
        public INDArray rOutputGradient() {
            return rOutputGradient;
        }

        @Override
        public void rForward(boolean alongParameters) {
            if (!alongParameters) {
                rForward.run();
                return;
            }
            rForwardWithBias.run();
            rAlongWeights.run();
            rOutput.addi(scratchOutput);
        }

        @Override
        public void rBackward(boolean alongParameters) {
            rBackward.run();
            // one op gives weight-gradient(R x, δ) and, with V as the weights, input-gradient(V, δ)
            (alongParameters ? rAlongWeightsBackward : rFromInput).run();
            productWeights.addi(scratchWeights);
            if (alongParameters) {
                rInputGradient.addi(scratchInputGradient);
            }
        }

        @Override
        public void close() {
            kernels.forEach(Kernel::close);
        }
    }
}
