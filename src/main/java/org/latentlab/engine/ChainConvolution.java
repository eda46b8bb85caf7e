package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution or transposed convolution of a chain, z = conv(x) + b with no activation (a following
 * {@link ChainActivation} applies it), on {@link ConvLayerKernels} (DL4J's layout: b, then W).
 */
record ChainConvolution(String name, ConvLayerKernels.Geometry geometry) implements ChainLayer {

    @Override
    public long parameters() {
        return geometry.parameters();
    }

    @Override
    public long[] inputShape() {
        return new long[] {geometry.inChannels(), geometry.inHeight(), geometry.inWidth()};
    }

    @Override
    public long[] outputShape() {
        return new long[] {geometry.filters(), geometry.outHeight(), geometry.outWidth()};
    }

    @Override
    public Pass compile(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                        INDArray inputGradient) {
        ConvLayerKernels kernels = new ConvLayerKernels(geometry, batch, params, gradient, offset, input,
                inputGradient);
        return new Pass() {
            @Override
            public INDArray output() {
                return kernels.output();
            }

            @Override
            public INDArray outputGradient() {
                return kernels.outputGradient();
            }

            @Override
            public void forward() {
                kernels.forward();
            }

            @Override
            public void backward(boolean toParameters) {
                // one libnd4j op gives the input's and the parameters' gradients together
                if (toParameters) {
                    kernels.backward();
                } else {
                    kernels.backwardToInput();
                }
            }

            @Override
            public RPass curvature(long offset, INDArray direction, INDArray product, INDArray rInput,
                                   INDArray rInputGradient) {
                return kernels.curvature(offset, direction, product, rInput, rInputGradient);
            }

            @Override
            public void close() {
                kernels.close();
            }
        };
    }
}
