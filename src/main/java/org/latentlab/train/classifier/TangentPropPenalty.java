package org.latentlab.train.classifier;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.engine.DenseChain;
import org.latentlab.engine.DensePlan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Tangent Prop penalty P(θ) = (λ/n) Σᵢ Σⱼ ‖J(xᵢ) tᵢⱼ‖² of a classifier's logits ℓ(x; θ) (Simard et al. 1992),
 * J = ∂ℓ/∂x, and its exact gradient ∂P/∂θ, for a network of dense layers (an MLP; networks with convolutions,
 * pooling, batch normalisation or dropout are refused).
 *
 * <p>Each row m of a batch holds a point x and one tangent t at it. The directional derivative J(x) t is one
 * forward-mode pass, Pearlmutter's R-operator along the input direction R{x} = t at fixed θ:
 * R z_l = R a_{l−1} W_l, R a_l = f′(z_l) ⊙ R z_l, R{ℓ} = R z_L. The gradient follows from the same operator: with
 * e_m = (2λ/n) J(x_m) t_m held fixed, ∂P/∂θ = Σ_m ∂/∂θ [e_m · J(x_m) t_m] = d/ds ∂/∂θ [Σ_m e_m · ℓ(x_m + s t_m)] at
 * s = 0, the derivative of the parameter gradient of L = Σ e ⊙ ℓ along the input direction t: one backward pass
 * from e, then the R-backward pass of {@link DensePlan} (which, for R{x} = t, adds tᵀ δ₀ to R{∂L/∂W₀}). No finite
 * differences are taken: the gradient is exact to rounding.
 *
 * <p>The passes run on plans of their own over the network's live parameters (one per batch size), so the
 * network's gradient and optimiser state are left alone. Not thread-safe: one owner thread, the one training the
 * network.
 */
public final class TangentPropPenalty implements AutoCloseable {

    private final DenseChain chain;
    private final INDArray params;
    private final double lambda;
    private final INDArray gradient;
    private final INDArray scratch;
    private final Map<Integer, DensePlan> plans = new HashMap<>();

    /**
     * @param network a classifier of dense layers (its parameters are read live, never written)
     * @throws LabException naming what to change when the network is not a chain of dense layers
     */
    public TangentPropPenalty(MultiLayerNetwork network, double lambda) {
        Optional<String> why = unsupported(network);
        if (why.isPresent()) {
            throw new LabException(why.get());
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0, not " + lambda);
        }
        this.chain = DenseChain.of(network).orElseThrow();
        this.params = network.params();
        this.lambda = lambda;
        DataType type = params.dataType();
        this.gradient = Nd4j.create(type, 1, chain.parameters());
        this.scratch = Nd4j.create(type, 1, chain.parameters());
    }

    /** Empty when Tangent Prop can train this network; else one line saying what to change. */
    public static Optional<String> unsupported(MultiLayerNetwork network) {
        DataType type = network.params().dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            return Optional.of("Tangent Prop computes in FLOAT or DOUBLE, not " + type);
        }
        if (DenseChain.of(network).isEmpty()) {
            return Optional.of("Tangent Prop runs on a classifier of dense layers (an MLP) so far: its forward-mode"
                    + " pass has no convolution, pooling, batch normalisation or dropout; use a dense network");
        }
        return Optional.empty();
    }

    public double lambda() {
        return lambda;
    }

    /**
     * P for the rows of a batch (no gradient).
     *
     * @param points   [m, d]: row r the image the tangent of row r belongs to
     * @param tangents [m, d]
     * @param images   n, the images in the batch (P is divided by it)
     */
    public double value(INDArray points, INDArray tangents, int images) {
        INDArray r = directionalDerivative(points, tangents);
        return lambda / images * r.norm2Number().doubleValue() * r.norm2Number().doubleValue();
    }

    /**
     * J(x) t for every row: [m, classes], a live array of this penalty (the next call overwrites it).
     */
    public INDArray directionalDerivative(INDArray points, INDArray tangents) {
        DensePlan plan = plan(points, tangents);
        plan.forward(points);
        plan.direction().assign(0);
        return plan.rForwardAlongInput(tangents);
    }

    /**
     * P for the rows of a batch, with ∂P/∂θ (DL4J's flat layout) left in {@link #gradient()}.
     *
     * @see #value
     */
    public double valueAndGradient(INDArray points, INDArray tangents, int images) {
        DensePlan plan = plan(points, tangents);
        plan.forward(points);
        plan.direction().assign(0);
        INDArray r = plan.rForwardAlongInput(tangents);
        double norm = r.norm2Number().doubleValue();
        double value = lambda / images * norm * norm;
        plan.outputGradient().assign(r).muli(2 * lambda / images);
        plan.backward();
        plan.rForwardAlongInput(tangents);
        plan.rOutputGradient().assign(0);
        gradient.assign(plan.rBackward());
        return value;
    }

    /** ∂P/∂θ of the last {@link #valueAndGradient}, [1, P], live. */
    public INDArray gradient() {
        return gradient;
    }

    private DensePlan plan(INDArray points, INDArray tangents) {
        if (points.rank() != 2 || !java.util.Arrays.equals(points.shape(), tangents.shape())
                || points.size(1) != chain.inputs()) {
            throw new IllegalArgumentException("points and tangents must both be [m, " + chain.inputs() + "], not "
                    + java.util.Arrays.toString(points.shape()) + " and " + java.util.Arrays.toString(tangents.shape()));
        }
        int rows = (int) points.size(0);
        DensePlan plan = plans.get(rows);
        if (plan == null) {
            if (plans.size() >= 4) {
                close();
            }
            plan = new DensePlan(chain, rows, params, scratch);
            plans.put(rows, plan);
        }
        return plan;
    }

    @Override
    public void close() {
        plans.values().forEach(DensePlan::close);
        plans.clear();
    }
}
