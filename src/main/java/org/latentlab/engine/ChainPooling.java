package org.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Max or average pooling of a chain over square windows without padding (DL4J's {@code SubsamplingLayer} in mode
 * "truncate", NCHW, as the lab builds it): libnd4j's {@code maxpool2d} / {@code avgpool2d} and their {@code _bp}
 * ops with the arguments DL4J's layer gives them. Both have Pearlmutter's R-operator: average pooling is linear, and
 * max pooling is linear too wherever no two values of a window are equal (its routing is fixed there), so R(output)
 * is R(input) at each window's maximum and R{dL/d(input)} the backward op on the R arrays.
 *
 * @param max whether it takes the maximum (else the mean) of each window
 */
record ChainPooling(String name, boolean max, int channels, int height, int width, int kernel, int stride)
        implements ChainLayer {

    ChainPooling {
        if (height < kernel || width < kernel) {
            throw new IllegalArgumentException("a pooling window of " + kernel + " does not fit " + height + "x"
                    + width);
        }
    }

    @Override
    public long parameters() {
        return 0;
    }

    @Override
    public long[] inputShape() {
        return new long[] {channels, height, width};
    }

    @Override
    public long[] outputShape() {
        return new long[] {channels, (height - kernel) / stride + 1, (width - kernel) / stride + 1};
    }

    @Override
    public Pass compile(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                        INDArray inputGradient) {
        long[] o = outputShape();
        long[] out = {batch, o[0], o[1], o[2]};
        INDArray output = Nd4j.create(input.dataType(), out);
        INDArray outputGradient = Nd4j.create(input.dataType(), out);
        // kernel, stride, padding 0, dilation 1, mode "truncate", divisor without padding (none here), NCHW
        long[] args = {kernel, kernel, stride, stride, 0, 0, 1, 1, 0, 0, 0};
        String op = max ? "maxpool2d" : "avgpool2d";
        Kernel forward = Kernel.of(op, new INDArray[] {input}, output, args);
        Kernel backward = Kernel.of(op + "_bp", new INDArray[] {input, outputGradient}, inputGradient, args);
        return new Pass() {
            @Override
            public INDArray output() {
                return output;
            }

            @Override
            public INDArray outputGradient() {
                return outputGradient;
            }

            @Override
            public void forward() {
                forward.run();
            }

            @Override
            public void backward(boolean toParameters) {
                backward.run();
            }

            @Override
            public void close() {
                forward.close();
                backward.close();
            }

            @Override
            public RPass curvature(long offset, INDArray direction, INDArray product, INDArray rInput,
                                   INDArray rInputGradient) {
                INDArray rOutput = Nd4j.create(input.dataType(), out);
                INDArray rOutputGradient = Nd4j.create(input.dataType(), out);
                // R{dL/d(input)}: the routing is fixed almost everywhere, so max pooling's too is the same op as
                // backward on the R arrays
                Kernel rBackward = Kernel.of(op + "_bp", new INDArray[] {input, rOutputGradient}, rInputGradient,
                        args);
                if (!max) {
                    return ChainLayer.linear(rOutput, rOutputGradient,
                            Kernel.of(op, new INDArray[] {rInput}, rOutput, args), rBackward);
                }
                List<Kernel> rForward = gatherAtMaxima(input, rInput, rOutput);
                return new RPass() {
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
                        rForward.forEach(Kernel::run);
                    }

                    @Override
                    public void rBackward(boolean alongParameters) {
                        rBackward.run();
                    }

                    @Override
                    public void close() {
                        rForward.forEach(Kernel::close);
                        rBackward.close();
                    }
                };
            }
        };
    }

    /**
     * R(output) of max pooling: R(input) at each window's maximum of the input, the element {@code maxpool2d_bp}
     * routes the gradient to, which is the first maximum in the window's row-major order. {@code im2col} lays each
     * window of the input and of R(input) out along one axis, [b, c, k·k, oH, oW], in that same order;
     * {@code argmax} over it (which also keeps the first of equal maxima), {@code onehot} of that index times
     * R(input)'s columns, summed over the axis, is the element. Overlapping windows (a stride below the kernel)
     * work the same. The maxima are found again at each call: the input may have moved since the last one.
     */
    private List<Kernel> gatherAtMaxima(INDArray input, INDArray rInput, INDArray rOutput) {
        DataType type = input.dataType();
        long[] o = outputShape();
        long batch = input.size(0);
        long window = (long) kernel * kernel;
        long[] windows = {batch, channels, kernel, kernel, o[1], o[2]};
        long[] columns = {batch, channels, window, o[1], o[2]};
        INDArray inputWindows = Nd4j.create(type, windows);
        INDArray rWindows = Nd4j.create(type, windows);
        INDArray inputColumns = inputWindows.reshape(columns);
        INDArray rColumns = rWindows.reshape(columns);
        INDArray maximum = Nd4j.create(DataType.INT64, batch, channels, o[1], o[2]);
        INDArray mask = Nd4j.create(type, columns);
        // kernel, stride, padding 0, dilation 1, mode "truncate"
        long[] im2col = {kernel, kernel, stride, stride, 0, 0, 1, 1, 0};
        return List.of(
                Kernel.of("im2col", new INDArray[] {input}, inputWindows, im2col),
                Kernel.of("argmax", new INDArray[] {inputColumns}, maximum, 2),
                Kernel.of("onehot", new INDArray[] {maximum}, new INDArray[] {mask}, new long[] {2, window},
                        new double[] {1, 0}),
                Kernel.of("im2col", new INDArray[] {rInput}, rWindows, im2col),
                Kernel.multiply(mask, rColumns, rColumns),
                Kernel.of("reduce_sum", new INDArray[] {rColumns}, rOutput, 2));
    }
}
