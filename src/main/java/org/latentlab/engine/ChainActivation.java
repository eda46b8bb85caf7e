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
        // oneDNN's elementwise kernels: the DCGAN trained 19 % faster with them (NativeBuild)
        Kernel backward = derivative(backwardIn, inputGradient).withHelpers();
        if (forward != null) {
            forward.withHelpers();
        }
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

            @Override
            public RPass curvature(long offset, INDArray direction, INDArray product, INDArray rInput,
                                   INDArray rInputGradient) {
                return new Curvature(input, output, outputGradient, rInput, rInputGradient);
            }
        };
    }

    /** {@code out = f′(z) ⊙ g} for {@code in = {z, g}}: the fused {@code *_bp} op DL4J's activations use. */
    private Kernel derivative(INDArray[] in, INDArray out) {
        return switch (activation) {
            case RELU -> Kernel.withFloats("relu_bp", in, out, 0.0);
            case LEAKYRELU -> Kernel.withFloats("lrelu_bp", in, out, alpha);
            case TANH -> Kernel.of("tanh_bp", in, out);
            case SIGMOID -> Kernel.of("sigmoid_bp", in, out);
            case IDENTITY -> throw new IllegalStateException();
        };
    }

    /**
     * The R-operator of a = f(z): R a = f′(z) ⊙ R z and R{dL/dz} = f′(z) ⊙ R{dL/da} + f″(z) ⊙ R z ⊙ dL/da, with
     * f″ = 0 for the piecewise linear ReLUs, −2a(1 − a²) for tanh and a(1 − a)(1 − 2a) for the sigmoid (from the
     * output a). Both f′ products run as the same {@code *_bp} op as the backward pass.
     */
    private final class Curvature implements RPass {
        private final INDArray output;
        private final INDArray outputGradient;
        private final INDArray rInput;
        private final INDArray rInputGradient;
        private final INDArray rOutput;
        private final INDArray rOutputGradient;
        private final INDArray scratch;
        private final Kernel rForward;
        private final Kernel rBackward;

        Curvature(INDArray input, INDArray output, INDArray outputGradient, INDArray rInput,
                  INDArray rInputGradient) {
            this.output = output;
            this.outputGradient = outputGradient;
            this.rInput = rInput;
            this.rInputGradient = rInputGradient;
            rOutput = Nd4j.create(input.dataType(), input.shape());
            rOutputGradient = Nd4j.create(input.dataType(), input.shape());
            boolean curved = activation == Activation.TANH || activation == Activation.SIGMOID;
            scratch = curved ? Nd4j.create(input.dataType(), input.shape()) : null;
            rForward = derivative(new INDArray[] {input, rInput}, rOutput);
            rBackward = derivative(new INDArray[] {input, rOutputGradient}, rInputGradient);
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
            rForward.run();
        }

        @Override
        public void rBackward(boolean alongParameters) {
            rBackward.run();
            if (scratch == null) {
                return;
            }
            if (activation == Activation.TANH) {
                output.mul(output, scratch).subi(1).muli(output).muli(2); // 2a(a² − 1)
            } else {
                output.mul(2, scratch).subi(3).muli(output).addi(1).muli(output); // a(1 − 3a + 2a²)
            }
            rInputGradient.addi(scratch.muli(rInput).muli(outputGradient));
        }

        @Override
        public void close() {
            rForward.close();
            rBackward.close();
        }
    }
}
