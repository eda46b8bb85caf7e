package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout (Srivastava et al. 2014) in training mode, as DL4J's {@code Dropout} does it on a
 * {@code DropoutLayer} or on a layer's input: a mask of ones turned by ND4J's {@code DropOutInverted} random op into
 * 1/p where a unit is kept (probability p) and 0 where it is dropped, drawn from ND4J's random generator at every
 * forward pass; output = input ⊙ mask, dL/d(input) = dL/d(output) ⊙ mask. With the generator in the same state the
 * mask is DL4J's own, so a step is DL4J's.
 *
 * <p>For a fixed mask the layer is linear: its R-operator is the same product on the R arrays, so the curvature of a
 * network with dropout is that of the sub-network the last forward pass drew. In inference mode it passes its input
 * through.
 *
 * @param shape  one example: {features} or {channels, height, width}
 * @param retain the probability p of keeping a unit (DL4J's {@code p})
 */
record ChainDropout(String name, long[] shape, double retain) implements ChainLayer {

    ChainDropout {
        if (!(retain > 0 && retain <= 1)) {
            throw new IllegalArgumentException("dropout '" + name + "' keeps units with probability " + retain
                    + "; it must lie in (0, 1]");
        }
        shape = shape.clone();
    }

    @Override
    public long parameters() {
        return 0;
    }

    @Override
    public long[] inputShape() {
        return shape.clone();
    }

    @Override
    public long[] outputShape() {
        return shape.clone();
    }

    @Override
    public Pass compile(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                        INDArray inputGradient) {
        INDArray mask = input.ulike();
        return pass(input, inputGradient, mask, () -> {
            mask.assign(1);
            Nd4j.getExecutioner().exec(new DropOutInverted(mask, mask, retain));
        });
    }

    @Override
    public Pass compileInference(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                                 INDArray inputGradient) {
        INDArray ones = input.ulike().assign(1);
        return pass(input, inputGradient, ones, () -> { });
    }

    /** Multiplies by {@code mask}, which {@code draw} fills before each forward product. */
    private static Pass pass(INDArray input, INDArray inputGradient, INDArray mask, Runnable draw) {
        INDArray output = input.ulike();
        INDArray outputGradient = input.ulike();
        Kernel forward = Kernel.multiply(input, mask, output);
        Kernel backward = Kernel.multiply(outputGradient, mask, inputGradient);
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
                draw.run();
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
                INDArray rOutput = rInput.ulike();
                INDArray rOutputGradient = rInput.ulike();
                return ChainLayer.linear(rOutput, rOutputGradient, Kernel.multiply(rInput, mask, rOutput),
                        Kernel.multiply(rOutputGradient, mask, rInputGradient));
            }
        };
    }
}
