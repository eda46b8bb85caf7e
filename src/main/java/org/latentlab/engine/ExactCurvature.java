package org.latentlab.engine;

import org.nd4j.linalg.api.blas.Level1;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * A loss of a {@link DensePlan}'s output on one fixed batch, as a function of the flat parameters θ: its value, its
 * gradient and exact Hessian-vector products H(θ)·v by the R-operator. The forward and backward passes run once
 * per θ (kept until another θ is asked for); each product then costs one R-forward and one R-backward pass, about
 * the price of one gradient, where central differences cost two gradients and lose half the digits.
 *
 * <p>θ and v come and go as {@code double[]}, the geometry code's vectors; the plan may compute in FLOAT, but only
 * DOUBLE keeps the products exact to rounding. Owns its plan: {@link #close()} closes it.
 */
public final class ExactCurvature implements AutoCloseable {

    private final DensePlan plan;
    private final LossHead head;
    private final INDArray target;
    private double[] point;
    private double loss;

    /**
     * @param plan   the compiled network (its batch size is the batch's)
     * @param head   the loss of the output
     * @param input  the batch [batch, inputs], copied into the plan
     * @param target what the head compares the output with, [batch, outputs] (copied)
     */
    public ExactCurvature(DensePlan plan, LossHead head, INDArray input, INDArray target) {
        if (input.size(0) != plan.batch() || target.size(0) != plan.batch()) {
            throw new IllegalArgumentException("the plan takes batches of " + plan.batch() + " rows, not "
                    + input.size(0) + " inputs and " + target.size(0) + " targets");
        }
        this.plan = plan;
        this.head = head;
        plan.input().assign(input.reshape(plan.batch(), plan.chain().inputs()));
        this.target = target.reshape(plan.batch(), plan.chain().outputs()).castTo(plan.dataType()).dup();
    }

    public int dimension() {
        return plan.chain().parameters();
    }

    public DensePlan plan() {
        return plan;
    }

    /** The loss at θ. */
    public double loss(double[] theta) {
        at(theta);
        return loss;
    }

    /** ∇L(θ), a fresh array. */
    public double[] gradient(double[] theta) {
        at(theta);
        return plan.gradient().toDoubleVector();
    }

    /** H(θ)·v, a fresh array. */
    public double[] hessianVector(double[] theta, double[] v) {
        if (v.length != dimension()) {
            throw new IllegalArgumentException("v has " + v.length + " values, expected " + dimension());
        }
        at(theta);
        write(plan.direction(), v);
        plan.rForward();
        head.hessianVector(plan.rOutput(), plan.rOutputGradient());
        plan.rBackward();
        return plan.hessianVector().toDoubleVector();
    }

    /**
     * The loss on the plane origin + a·d₁ + b·d₂ as a function of (a, b), for a loss-surface scan. The first layer's
     * pre-activation is linear in (a, b) on a fixed batch: P₀ = X·W₀ + b₀ at the origin and P₁, P₂ along d₁, d₂ are
     * computed here once, so a cell costs z₀ = P₀ + a·P₁ + b·P₂ and the compiled forward pass of the layers above
     * and of the loss alone (no array allocated per cell). The function uses this object's plan: do not interleave it
     * with other calls.
     */
    public DoubleBinaryOperator onPlane(double[] origin, double[] d1, double[] d2) {
        if (origin.length != dimension() || d1.length != dimension() || d2.length != dimension()) {
            throw new IllegalArgumentException("a plane of " + dimension() + " parameters, not " + origin.length);
        }
        double[][] axes = {origin, d1, d2};
        INDArray[] first = new INDArray[3];
        for (int i = 0; i < 3; i++) {
            write(plan.parameters(), axes[i]);
            plan.forward();
            first[i] = plan.firstPreActivation().dup();
        }
        point = null;
        double[] cell = new double[dimension()];
        INDArray z0 = plan.firstPreActivation();
        long size = z0.length();
        Level1 blas = Nd4j.getBlasWrapper().level1();
        return (a, b) -> {
            point = null;
            for (int k = 0; k < cell.length; k++) {
                cell[k] = origin[k] + a * d1[k] + b * d2[k];
            }
            write(plan.parameters(), cell);
            z0.assign(first[0]);
            if (a != 0) {
                blas.axpy(size, a, first[1], z0);
            }
            if (b != 0) {
                blas.axpy(size, b, first[2], z0);
            }
            plan.forwardFromFirstPreActivation();
            return head.value(plan.output(), target, plan.outputGradient());
        };
    }

    /** Runs the forward and backward passes at θ unless they already ran there. */
    private void at(double[] theta) {
        if (theta.length != dimension()) {
            throw new IllegalArgumentException("θ has " + theta.length + " values, expected " + dimension());
        }
        if (point != null && Arrays.equals(point, theta)) {
            return;
        }
        write(plan.parameters(), theta);
        plan.forward();
        loss = head.valueAndGradient(plan.output(), target, plan.outputGradient());
        plan.backward();
        point = theta.clone();
    }

    private static void write(INDArray flat, double[] values) {
        if (flat.dataType() == DataType.DOUBLE) {
            flat.data().setData(values);
        } else {
            flat.assign(Nd4j.createFromArray(values).reshape(flat.shape()));
        }
    }

    public String describe() {
        return head.describe() + " of a dense chain, exact products by the R-operator";
    }

    @Override
    public void close() {
        plan.close();
    }
}
