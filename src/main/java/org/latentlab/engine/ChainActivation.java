package org.latentlab.engine;

import org.latentlab.model.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An elementwise nonlinearity of a chain: DL4J's activation layer, or the activation of a dense or convolution
 * layer. Forward through libnd4j's op ({@code relu}, {@code tanh}, {@code sigmoid}; leaky ReLU as DL4J runs it, see
 * below); backward through
 * its fused {@code *_bp} op, which takes the pre-activation and dL/d(output).
 *
 * @param alpha the negative slope of leaky ReLU (ignored otherwise)
 */
record ChainActivation(String name, long[] shape, Activation activation, double alpha) implements ChainLayer {

    ChainActivation {
        if (activation == Activation.IDENTITY) {
            throw new IllegalArgumentException("the identity needs no layer");
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
        INDArray output = Nd4j.create(input.dataType(), input.shape());
        INDArray outputGradient = Nd4j.create(input.dataType(), input.shape());
        INDArray[] forwardIn = {input};
        INDArray[] backwardIn = {input, outputGradient};
        Kernel forward = switch (activation) {
            case RELU -> Kernel.withFloats("relu", forwardIn, output, 0.0);
            case LEAKYRELU -> null; // below
            case TANH -> Kernel.of("tanh", forwardIn, output);
            case SIGMOID -> Kernel.of("sigmoid", forwardIn, output);
            case IDENTITY -> throw new IllegalStateException();
        };
        Kernel backward = switch (activation) {
            case RELU -> Kernel.withFloats("relu_bp", backwardIn, inputGradient, 0.0);
            case LEAKYRELU -> Kernel.withFloats("lrelu_bp", backwardIn, inputGradient, alpha);
            case TANH -> Kernel.of("tanh_bp", backwardIn, inputGradient);
            case SIGMOID -> Kernel.of("sigmoid_bp", backwardIn, inputGradient);
            case IDENTITY -> throw new IllegalStateException();
        };
        // DL4J's leaky ReLU runs forward as ND4J's scalar op with the slope in double (libnd4j's lrelu rounds it to
        // float) and backward as lrelu_bp: the same ops here, so a double network's output is DL4J's to the last bit
        LeakyReLU leaky = activation == Activation.LEAKYRELU ? new LeakyReLU(input, output, alpha) : null;
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
                if (leaky != null) {
                    Nd4j.getExecutioner().exec(leaky);
                } else {
                    forward.run();
                }
            }

            @Override
            public void backward(boolean toParameters) {
                backward.run();
            }

            @Override
            public void close() {
                if (forward != null) {
                    forward.close();
                }
                backward.close();
            }
        };
    }
}
