package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One network run on two batches as two separate passes, the loss taken over both outputs stacked: what a GAN's D
 * loss is when D holds layers that couple a batch's examples (batch normalisation, minibatch discrimination), since
 * the trainer runs real and generated examples as two batches. Two {@link ChainPlan}s share the parameters and keep
 * a gradient each; the gradient and the Hessian-vector product are the sums of the two passes'.
 */
final class BatchPairPasses implements CurvaturePasses {

    private final ChainPlan first;
    private final ChainPlan second;
    private final INDArray params;
    private final INDArray firstGradient;
    private final INDArray secondGradient;
    private final INDArray firstInput;
    private final INDArray secondInput;
    private final int n1;
    private final int n2;
    private final INDArray output;
    private final INDArray outputGradient;
    private final INDArray rOutput;
    private final INDArray rOutputGradient;
    private final INDArray gradient;
    private final INDArray direction;
    private final INDArray product;

    BatchPairPasses(ChainPlan first, ChainPlan second, INDArray params, INDArray firstGradient,
                    INDArray secondGradient, INDArray firstInput, INDArray secondInput) {
        this.first = first;
        this.second = second;
        this.params = params;
        this.firstGradient = firstGradient;
        this.secondGradient = secondGradient;
        this.firstInput = firstInput;
        this.secondInput = secondInput;
        this.n1 = first.batch();
        this.n2 = second.batch();
        long outputs = first.chain().outputSize();
        this.output = Nd4j.create(params.dataType(), n1 + n2, outputs);
        this.outputGradient = output.ulike();
        this.rOutput = output.ulike();
        this.rOutputGradient = output.ulike();
        this.gradient = params.ulike();
        this.direction = params.ulike().assign(0);
        this.product = params.ulike();
        first.compileCurvature();
        second.compileCurvature();
    }

    private INDArray top(INDArray a) {
        return a.get(NDArrayIndex.interval(0, n1), NDArrayIndex.all());
    }

    private INDArray bottom(INDArray a) {
        return a.get(NDArrayIndex.interval(n1, n1 + n2), NDArrayIndex.all());
    }

    @Override
    public long parameterCount() {
        return params.length();
    }

    @Override
    public INDArray parameters() {
        return params;
    }

    @Override
    public INDArray forward() {
        top(output).assign(first.forward(firstInput));
        bottom(output).assign(second.forward(secondInput));
        return output;
    }

    @Override
    public INDArray outputGradient() {
        return outputGradient;
    }

    @Override
    public INDArray backward() {
        first.backward(top(outputGradient));
        second.backward(bottom(outputGradient));
        return gradient.assign(firstGradient).addi(secondGradient);
    }

    @Override
    public INDArray gradient() {
        return gradient;
    }

    @Override
    public INDArray direction() {
        return direction;
    }

    @Override
    public INDArray rForward() {
        first.direction().assign(direction);
        second.direction().assign(direction);
        top(rOutput).assign(first.rForward(true));
        bottom(rOutput).assign(second.rForward(true));
        return rOutput;
    }

    @Override
    public INDArray rOutputGradient() {
        return rOutputGradient;
    }

    @Override
    public INDArray rBackward() {
        first.rOutputGradient().assign(top(rOutputGradient));
        second.rOutputGradient().assign(bottom(rOutputGradient));
        product.assign(first.rBackward(true));
        return product.addi(second.rBackward(true));
    }

    @Override
    public String describe() {
        return "a chain of " + first.chain().layers().size() + " layers on two batches";
    }

    @Override
    public void close() {
        first.close();
        second.close();
    }
}
