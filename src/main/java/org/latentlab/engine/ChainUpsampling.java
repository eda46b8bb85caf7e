package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest-neighbour upsampling of a chain by an integer factor (DL4J's {@code Upsampling2D}, NCHW): libnd4j's
 * {@code upsampling2d} and {@code upsampling2d_bp}, the ops DL4J's layer calls.
 */
record ChainUpsampling(String name, int channels, int height, int width, int scale) implements ChainLayer {

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
        return new long[] {channels, (long) height * scale, (long) width * scale};
    }

    @Override
    public Pass compile(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                        INDArray inputGradient) {
        long[] out = {batch, channels, (long) height * scale, (long) width * scale};
        INDArray output = Nd4j.create(input.dataType(), out);
        INDArray outputGradient = Nd4j.create(input.dataType(), out);
        Kernel forward = Kernel.of("upsampling2d", new INDArray[] {input}, output, scale, scale, 1);
        Kernel backward = Kernel.of("upsampling2d_bp", new INDArray[] {input, outputGradient}, inputGradient, 1);
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
                return ChainLayer.linear(rOutput, rOutputGradient,
                        Kernel.of("upsampling2d", new INDArray[] {rInput}, rOutput, scale, scale, 1),
                        Kernel.of("upsampling2d_bp", new INDArray[] {rInput, rOutputGradient}, rInputGradient, 1));
            }
        };
    }
}
