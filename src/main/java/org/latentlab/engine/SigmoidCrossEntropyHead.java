package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * scale · Σ [max(ℓ, 0) − ℓ·y + log(1 + e^−|ℓ|)] from logits ℓ (stable for any ℓ): gradient scale·(σ(ℓ) − y),
 * Hessian diagonal scale·σ(ℓ)(1 − σ(ℓ)).
 */
final class SigmoidCrossEntropyHead implements LossHead {

    private final double scale;
    private INDArray sigma;
    private INDArray curvature;
    private INDArray scratch;

    SigmoidCrossEntropyHead(double scale) {
        this.scale = scale;
    }

    @Override
    public double valueAndGradient(INDArray out, INDArray target, INDArray gradient) {
        if (sigma == null || !sigma.equalShapes(out) || sigma.dataType() != out.dataType()) {
            sigma = out.ulike();
            curvature = out.ulike();
            scratch = out.ulike();
        }
        Nd4j.exec(new Sigmoid(out, sigma));
        sigma.sub(target, gradient).muli(scale);
        sigma.rsub(1, curvature).muli(sigma).muli(scale);
        // max(ℓ, 0) − ℓ·y + log1p(exp(−|ℓ|))
        scratch.assign(out);
        Transforms.abs(scratch, false).negi();
        Transforms.exp(scratch, false);
        Transforms.log1p(scratch, false);
        double value = scratch.sumNumber().doubleValue();
        Transforms.relu(scratch.assign(out), false);
        value += scratch.sumNumber().doubleValue();
        value -= out.mul(target, scratch).sumNumber().doubleValue();
        return scale * value;
    }

    @Override
    public void hessianVector(INDArray direction, INDArray result) {
        curvature.mul(direction, result);
    }

    @Override
    public String describe() {
        return "sigmoid cross-entropy";
    }
}
