package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max or average pooling of a chain over square windows without padding (DL4J's {@code SubsamplingLayer} in mode
 * "truncate", NCHW, as the lab builds it): libnd4j's {@code maxpool2d} / {@code avgpool2d} and their {@code _bp}
 * ops with the arguments DL4J's layer gives them.
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
                if (max) {
                    // R(output) would gather R(input) at each window's maximum: no single libnd4j op does that
                    throw new UnsupportedOperationException("use average pooling or a strided convolution");
                }
                INDArray rOutput = Nd4j.create(input.dataType(), out);
                INDArray rOutputGradient = Nd4j.create(input.dataType(), out);
                return ChainLayer.linear(rOutput, rOutputGradient,
                        Kernel.of(op, new INDArray[] {rInput}, rOutput, args),
                        Kernel.of(op + "_bp", new INDArray[] {input, rOutputGradient}, rInputGradient, args));
            }
        };
    }
}
