package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/** scale · Σ (out − y)²: gradient 2·scale·(out − y), Hessian 2·scale·I. */
final class SquaredErrorHead implements LossHead {

    private final double scale;

    SquaredErrorHead(double scale) {
        this.scale = scale;
    }

    @Override
    public double valueAndGradient(INDArray out, INDArray target, INDArray gradient) {
        out.sub(target, gradient);
        double norm = gradient.norm2Number().doubleValue();
        gradient.muli(2 * scale);
        return scale * norm * norm;
    }

    @Override
    public void hessianVector(INDArray direction, INDArray result) {
        direction.mul(2 * scale, result);
    }

    @Override
    public String describe() {
        return "squared error";
    }
}
