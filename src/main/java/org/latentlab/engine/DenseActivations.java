package org.latentlab.engine;

import org.latentlab.model.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The activations of a {@link DensePlan}'s layers as ND4J ops, a = f(z): the forward kernel, the fused backward
 * kernel δ = f′(z) ⊙ dL/da (the ops DL4J's activations use), and f′(z), f″(z) written into preallocated arrays for
 * Pearlmutter's R-operator. Only tanh and the sigmoid are curved (f″ ≠ 0); the piecewise linear ones have f″ = 0
 * almost everywhere.
 */
final class DenseActivations {

    private DenseActivations() {
    }

    /** Whether the layer's activation has a second derivative that is not 0 (tanh, sigmoid). */
    static boolean curved(DenseChain.Layer layer) {
        return layer.activation() == Activation.TANH || layer.activation() == Activation.SIGMOID;
    }

    /** a = f(z) as a kernel; none for the identity (a is z itself) and for the leaky ReLU (see {@link #leaky}). */
    static Kernel forward(DenseChain.Layer layer, INDArray in, INDArray out) {
        return switch (layer.activation()) {
            case IDENTITY -> null;
            case RELU -> Kernel.withFloats("relu", new INDArray[] {in}, out, 0.0);
            case LEAKYRELU -> null; // ND4J's scalar op, see leaky
            case TANH -> Kernel.of("tanh", new INDArray[] {in}, out);
            case SIGMOID -> Kernel.of("sigmoid", new INDArray[] {in}, out);
        };
    }

    /**
     * The leaky ReLU's forward op, none for other activations. DL4J's leaky ReLU runs as ND4J's scalar op with the
     * slope in double (libnd4j's lrelu rounds it to float): the same op here, so a double network's output is
     * DL4J's to the last bit.
     */
    static LeakyReLU leaky(DenseChain.Layer layer, INDArray in, INDArray out) {
        return layer.activation() == Activation.LEAKYRELU ? new LeakyReLU(in, out, layer.alpha()) : null;
    }

    /**
     * δ = f′(z) ⊙ dL/da in one fused op from the pre-activation (the ops DL4J's activations use), none for the
     * identity.
     */
    static Kernel backward(DenseChain.Layer layer, INDArray z, INDArray da, INDArray delta) {
        return switch (layer.activation()) {
            case IDENTITY -> null;
            case RELU -> Kernel.of("relu_bp", new INDArray[] {z, da}, delta);
            case LEAKYRELU -> Kernel.withFloats("lrelu_bp", new INDArray[] {z, da}, delta, layer.alpha());
            case TANH -> Kernel.of("tanh_bp", new INDArray[] {z, da}, delta);
            case SIGMOID -> Kernel.of("sigmoid_bp", new INDArray[] {z, da}, delta);
        };
    }

    /**
     * f′(z) into {@code d1}, from the pre-activation z or the output a = f(z); nothing for the identity, whose
     * {@code d1} holds ones from the start.
     */
    static void firstDerivative(DenseChain.Layer layer, INDArray z, INDArray out, INDArray d1) {
        switch (layer.activation()) {
            case IDENTITY -> {
            }
            case RELU -> Nd4j.exec(new Step(z, d1));
            case LEAKYRELU -> {
                // 1 where z ≥ 0 (DL4J's convention at the kink), α where z < 0
                d1.assign(z).negi();
                Nd4j.exec(new Step(d1, d1));
                d1.muli(layer.alpha() - 1).addi(1);
            }
            case TANH -> out.mul(out, d1).rsubi(1);
            case SIGMOID -> out.rsub(1, d1).muli(out);
        }
    }

    /**
     * f″(z) into {@code d2} from the output a = f(z) and f′(z) in {@code d1}, for a curved layer; returns false
     * (and writes nothing) for the others.
     */
    static boolean secondDerivative(DenseChain.Layer layer, INDArray out, INDArray d1, INDArray d2) {
        switch (layer.activation()) {
            case TANH -> out.mul(d1, d2).muli(-2);
            case SIGMOID -> out.mul(-2, d2).addi(1).muli(d1);
            default -> {
                return false;
            }
        }
        return true;
    }
}
