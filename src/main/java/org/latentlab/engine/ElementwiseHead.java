package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * scale · Σ ℓ(out, y) over every value for a scalar loss ℓ given with its derivatives: gradient scale · ℓ'(out, y),
 * Hessian diagonal scale · ℓ''(out, y). Evaluated on the host, one value at a time: meant for a score per example
 * (a GAN discriminator's output), not for wide outputs.
 */
final class ElementwiseHead implements LossHead {

    private final double scale;
    private final ElementwiseLoss loss;
    private final String name;
    private INDArray curvature;

    ElementwiseHead(double scale, ElementwiseLoss loss, String name) {
        this.scale = scale;
        this.loss = loss;
        this.name = name;
    }

    @Override
    public double valueAndGradient(INDArray out, INDArray target, INDArray gradient) {
        double[] o = flat(out);
        double[] y = flat(target.length() == out.length() ? target : target.broadcast(out.shape()));
        double[] g = new double[o.length];
        double[] c = new double[o.length];
        double value = 0;
        for (int i = 0; i < o.length; i++) {
            value += loss.value(o[i], y[i]);
            g[i] = scale * loss.derivative(o[i], y[i]);
            c[i] = scale * loss.secondDerivative(o[i], y[i]);
        }
        gradient.assign(Nd4j.create(g, out.shape(), out.dataType()));
        curvature = Nd4j.create(c, out.shape(), out.dataType());
        return scale * value;
    }

    private static double[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toDoubleVector();
    }

    @Override
    public void hessianVector(INDArray direction, INDArray result) {
        curvature.mul(direction, result);
    }

    @Override
    public String describe() {
        return name;
    }
}
