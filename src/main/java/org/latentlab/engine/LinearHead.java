package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Losses linear in the output, or piecewise so, whose Hessian in the output is zero wherever it exists:
 * <ul>
 *   <li>linear: scale · Σ y ⊙ out, gradient scale · y (a Wasserstein critic's −s_real + s_fake with y = ∓1);</li>
 *   <li>hinge: scale · Σ max(0, 1 − y ⊙ out), gradient −scale · y where y ⊙ out &lt; 1, else 0 (y = ±1).</li>
 * </ul>
 * Their curvature comes from the network alone: (∂²L/∂out²) · v = 0.
 */
final class LinearHead implements LossHead {

    private final double scale;
    private final boolean hinge;
    private INDArray margin;

    LinearHead(double scale, boolean hinge) {
        this.scale = scale;
        this.hinge = hinge;
    }

    @Override
    public double valueAndGradient(INDArray out, INDArray target, INDArray gradient) {
        if (!hinge) {
            gradient.assign(target).muli(scale);
            return scale * out.mul(target).sumNumber().doubleValue();
        }
        if (margin == null || !margin.equalShapes(out) || margin.dataType() != out.dataType()) {
            margin = out.ulike();
        }
        // m = 1 − y ⊙ out; L = scale · Σ max(0, m); dL/dout = −scale · y · [m > 0]
        out.mul(target, margin).rsubi(1);
        Transforms.relu(margin, false);
        double value = scale * margin.sumNumber().doubleValue();
        gradient.assign(margin.gt(0).castTo(out.dataType()).muli(target).muli(-scale));
        return value;
    }

    @Override
    public void hessianVector(INDArray direction, INDArray result) {
        result.assign(0);
    }

    @Override
    public String describe() {
        return hinge ? "hinge loss" : "linear score";
    }
}
