package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * scale · Σᵢ −Σₖ yᵢₖ log pᵢₖ with p = softmax(ℓ) per row: gradient scale·(sᵢ pᵢ − yᵢ) with sᵢ = Σₖ yᵢₖ (1 for
 * one-hot rows), Hessian-vector product per row scale·sᵢ·(p ⊙ r − p (p·r)).
 */
final class SoftmaxCrossEntropyHead implements LossHead {

    private final double scale;
    private INDArray logP;
    private INDArray p;
    private INDArray weight;
    private INDArray product;
    private INDArray rowDot;
    private INDArray projection;

    SoftmaxCrossEntropyHead(double scale) {
        this.scale = scale;
    }

    @Override
    public double valueAndGradient(INDArray out, INDArray target, INDArray gradient) {
        if (p == null || !p.equalShapes(out) || p.dataType() != out.dataType()) {
            logP = out.ulike();
            p = out.ulike();
            product = out.ulike();
            projection = out.ulike();
            weight = Nd4j.create(out.dataType(), out.size(0));
            rowDot = Nd4j.create(out.dataType(), out.size(0));
        }
        Nd4j.exec(new LogSoftMax(out, logP));
        Transforms.exp(p.assign(logP), false);
        target.sum(weight, 1);
        Nd4j.getExecutioner().exec(new BroadcastMulOp(p, weight, gradient, 0));
        gradient.subi(target).muli(scale);
        weight.muli(scale);
        return -scale * logP.mul(target, product).sumNumber().doubleValue();
    }

    @Override
    public double value(INDArray out, INDArray target, INDArray scratch) {
        // −scale Σ y ⊙ log softmax(ℓ): no probabilities, no gradient
        Nd4j.exec(new LogSoftMax(out, scratch));
        return -scale * scratch.muli(target).sumNumber().doubleValue();
    }

    @Override
    public void hessianVector(INDArray direction, INDArray result) {
        p.mul(direction, product);
        product.sum(rowDot, 1);
        Nd4j.getExecutioner().exec(new BroadcastMulOp(p, rowDot, projection, 0));
        product.sub(projection, result);
        Nd4j.getExecutioner().exec(new BroadcastMulOp(result, weight, result, 0));
    }

    @Override
    public String describe() {
        return "softmax cross-entropy";
    }
}
