package org.latentlab.engine;

import org.latentlab.model.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DenseChain} compiled for a fixed batch size and data type: the flat parameters (DL4J's layout), their
 * gradient, a parameter direction and the Hessian-vector product each live in one preallocated vector with a W and
 * a b view per layer; activations, derivatives, deltas and the R-operator's arrays are preallocated per layer; every
 * op of the passes is a {@link Kernel} built here once (fused {@code xw_plus_b} for the layers, {@code matmul} with
 * accumulation for the products), so the passes allocate nothing.
 *
 * <p>Passes, for layers a_l = f(z_l), z_l = a_{l−1} W_l + b_l:
 * <ul>
 *   <li>{@link #forward}: the output for the input batch;</li>
 *   <li>{@link #backward}: from dL/d(output) in {@link #outputGradient()}, the gradient to the flat parameters
 *       (summed over the batch, as DL4J's) and to the input;</li>
 *   <li>{@link #rForward} and {@link #rBackward}, Pearlmutter's R-operator R{·} = d/dt (·)(θ + t v): along a
 *       parameter direction v, R z_l = R a_{l−1} W_l + a_{l−1} V_l + v_b, R a_l = f′(z_l) ⊙ R z_l; then, from
 *       R{dL/d(output)} = (∂²L/∂out²) R(output) in {@link #rOutputGradient()},
 *       R δ_l = f″(z_l) ⊙ R z_l ⊙ dL/da_l + f′(z_l) ⊙ R{dL/da_l}, R{∂L/∂W_l} = a_{l−1}ᵀ R δ_l + R a_{l−1}ᵀ δ_l,
 *       R{∂L/∂b_l} = Σ_rows R δ_l and R{dL/da_{l−1}} = R δ_l W_lᵀ + δ_l V_lᵀ: the exact product H·v.</li>
 * </ul>
 * Along an input direction u as well ({@link #rForwardAlongInput}), R a₀ = u adds u W₀ to R z₀ and uᵀ δ₀ to
 * R{∂L/∂W₀}: the derivative of the parameter gradient along an input direction, which a gradient penalty needs.
 * The R passes use the forward and backward pass last run (the point θ), so many products at one θ cost one R pass
 * pair each. A plan is not thread-safe. The R-operator's arrays, kernels and passes live in {@link DenseCurvature},
 * the activations' ops in {@link DenseActivations}.
 */
public final class DensePlan implements AutoCloseable {

    private final DenseChain chain;
    private final int batch;
    private final DataType type;
    private final int depth;

    private final INDArray params;
    private final INDArray gradient;

    private final INDArray input;
    private final INDArray inputGradient;
    private final INDArray ones;
    /** Per layer: W and b as views of the parameters. */
    private final INDArray[] w;
    private final INDArray[] b;
    /** a[0] is the input; a[l + 1], z[l] and the rest belong to layer l. */
    private final INDArray[] a;
    private final INDArray[] z;
    private final INDArray[] d1;
    private final INDArray[] d2;
    private final INDArray[] g2;
    /** da[l] = dL/d a[l + 1] (the last one is the output gradient). */
    private final INDArray[] da;
    private final INDArray[] delta;

    private final Kernel[] affine;
    private final Kernel[] activate;
    private final LeakyReLU[] leaky;
    private final Kernel[] toDelta;
    private final Kernel[] weightGrad;
    private final Kernel[] biasGrad;
    private final Kernel[] backInput;
    private final List<Kernel> all = new ArrayList<>();
    /** The R-operator's arrays and kernels, built on the first curvature pass (training plans never need them). */
    private DenseCurvature curvature;

    private boolean derivativesFresh;
    private boolean secondOrderFresh;

    /** Compiles {@code chain} for batches of {@code batch} rows in {@code type} (FLOAT or DOUBLE), with its own θ. */
    public DensePlan(DenseChain chain, int batch, DataType type) {
        this(chain, batch, Nd4j.create(type, 1, chain.parameters()), Nd4j.create(type, 1, chain.parameters()));
    }

    /**
     * Compiles {@code chain} for batches of {@code batch} rows over given flat parameter and gradient vectors
     * ([1, P] each, DL4J's layout, in the data type the plan computes in): plans for several batch sizes, and a
     * DL4J network, can share one θ and one gradient this way.
     */
    public DensePlan(DenseChain chain, int batch, INDArray parameters, INDArray gradientVector) {
        DataType type = parameters.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("the engine computes in FLOAT or DOUBLE, not " + type);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("a batch needs at least one row, not " + batch);
        }
        int p = chain.parameters();
        if (parameters.length() != p || gradientVector.length() != p || gradientVector.dataType() != type) {
            throw new IllegalArgumentException("the chain has " + p + " parameters; given vectors of "
                    + parameters.length() + " and " + gradientVector.length());
        }
        this.chain = chain;
        this.batch = batch;
        this.type = type;
        this.depth = chain.layers().size();
        params = parameters;
        gradient = gradientVector;
        input = Nd4j.create(type, batch, chain.inputs());
        inputGradient = Nd4j.create(type, batch, chain.inputs());
        ones = Nd4j.ones(type, 1, batch);

        w = new INDArray[depth];
        b = new INDArray[depth];
        a = new INDArray[depth + 1];
        a[0] = input;
        z = new INDArray[depth];
        d1 = new INDArray[depth];
        d2 = new INDArray[depth];
        g2 = new INDArray[depth];
        da = new INDArray[depth];
        delta = new INDArray[depth];
        affine = new Kernel[depth];
        activate = new Kernel[depth];
        leaky = new LeakyReLU[depth];
        toDelta = new Kernel[depth];
        weightGrad = new Kernel[depth];
        biasGrad = new Kernel[depth];
        backInput = new Kernel[depth];

        for (int l = 0; l < depth; l++) {
            DenseChain.Layer layer = chain.layers().get(l);
            int out = layer.outputs();
            w[l] = chain.weights(params, l);
            b[l] = chain.bias(params, l);
            INDArray gw = chain.weights(gradient, l);
            INDArray gb = chain.bias(gradient, l).reshape(1, out);

            z[l] = Nd4j.create(type, batch, out);
            a[l + 1] = layer.activation() == Activation.IDENTITY ? z[l] : Nd4j.create(type, batch, out);
            d1[l] = layer.activation() == Activation.IDENTITY ? Nd4j.ones(type, batch, out)
                    : Nd4j.create(type, batch, out);
            boolean curved = DenseActivations.curved(layer);
            d2[l] = curved ? Nd4j.create(type, batch, out) : null;
            g2[l] = curved ? Nd4j.create(type, batch, out) : null;
            da[l] = Nd4j.create(type, batch, out);
            // an identity layer's delta is its output gradient itself
            delta[l] = layer.activation() == Activation.IDENTITY ? da[l] : Nd4j.create(type, batch, out);

            affine[l] = keep(Kernel.of("xw_plus_b", new INDArray[] {a[l], w[l], b[l]}, z[l]));
            activate[l] = keep(DenseActivations.forward(layer, z[l], a[l + 1]));
            leaky[l] = DenseActivations.leaky(layer, z[l], a[l + 1]);
            toDelta[l] = keep(DenseActivations.backward(layer, z[l], da[l], delta[l]));
            weightGrad[l] = keep(Kernel.gemm(a[l], true, delta[l], false, gw, 1, 0));
            biasGrad[l] = keep(Kernel.gemm(ones, false, delta[l], false, gb, 1, 0));
            INDArray below = l == 0 ? inputGradient : da[l - 1];
            backInput[l] = keep(Kernel.gemm(delta[l], false, w[l], true, below, 1, 0));
        }
    }

    private DenseCurvature curvature() {
        if (curvature == null) {
            curvature = new DenseCurvature(chain, batch, type, a, w, d1, g2, delta, ones);
        }
        return curvature;
    }

    private Kernel keep(Kernel k) {
        if (k != null) {
            all.add(k);
        }
        return k;
    }

    public DenseChain chain() {
        return chain;
    }

    public int batch() {
        return batch;
    }

    public DataType dataType() {
        return type;
    }

    /** The live flat parameters [1, P] in DL4J's layout: write into them (e.g. {@code assign}) to set θ. */
    public INDArray parameters() {
        return params;
    }

    /** The live gradient [1, P] of the last {@link #backward}. */
    public INDArray gradient() {
        return gradient;
    }

    /** The live parameter direction v [1, P] that {@link #rForward} follows. */
    public INDArray direction() {
        return curvature().direction;
    }

    /** The live product H·v [1, P] of the last {@link #rBackward}. */
    public INDArray hessianVector() {
        return curvature().product;
    }

    /** The live input batch [batch, inputs]; {@link #forward(INDArray)} copies into it. */
    public INDArray input() {
        return input;
    }

    /** The live output [batch, outputs] of the last forward pass. */
    public INDArray output() {
        return a[depth];
    }

    /** dL/d(output), to be written before {@link #backward()}. */
    public INDArray outputGradient() {
        return da[depth - 1];
    }

    /** dL/d(input) of the last backward pass. */
    public INDArray inputGradient() {
        return inputGradient;
    }

    /** R(output) of the last {@link #rForward}. */
    public INDArray rOutput() {
        return curvature().output();
    }

    /** R{dL/d(output)} = (∂²L/∂out²)·R(output), to be written before {@link #rBackward()}. */
    public INDArray rOutputGradient() {
        return curvature().outputGradient();
    }

    /** Copies {@code x} (any floating type, [batch, inputs]) into the input and runs the forward pass. */
    public INDArray forward(INDArray x) {
        if (x != input) {
            input.assign(x);
        }
        return forward();
    }

    /** The forward pass on the current input and parameters; returns the live output. */
    public INDArray forward() {
        affine[0].run();
        return forwardFromFirstPreActivation();
    }

    /**
     * The live pre-activation z₀ = x·W₀ + b₀ [batch, outputs of the first layer], which
     * {@link #forwardFromFirstPreActivation()} starts from.
     */
    public INDArray firstPreActivation() {
        return z[0];
    }

    /**
     * The forward pass from a first-layer pre-activation written into {@link #firstPreActivation()}, the first
     * layer's product skipped: for callers that know z₀ more cheaply (a loss-surface plane, where z₀ is linear in
     * the plane's coordinates). The other layers use the current parameters; returns the live output.
     */
    public INDArray forwardFromFirstPreActivation() {
        for (int l = 0; l < depth; l++) {
            if (l > 0) {
                affine[l].run();
            }
            if (leaky[l] != null) {
                Nd4j.getExecutioner().exec(leaky[l]);
            } else if (activate[l] != null) {
                activate[l].run();
            }
        }
        derivativesFresh = false;
        secondOrderFresh = false;
        return output();
    }

    /**
     * The backward pass from {@link #outputGradient()} to the input alone (no parameter gradient): fills and returns
     * the live {@link #inputGradient()}. With k copies of x as the input and the identity as the output gradient,
     * row i is ∇ₓ outᵢ: the Jacobian of the output in one pass.
     */
    public INDArray backwardToInput() {
        for (int l = depth - 1; l >= 0; l--) {
            if (toDelta[l] != null) {
                toDelta[l].run();
            }
            backInput[l].run();
        }
        secondOrderFresh = false;
        return inputGradient;
    }

    /** Copies {@code dOut} into {@link #outputGradient()} and runs the backward pass; returns the live gradient. */
    public INDArray backward(INDArray dOut) {
        outputGradient().assign(dOut);
        return backward();
    }

    /**
     * The backward pass from {@link #outputGradient()} at the last forward pass: fills {@link #gradient()} (summed
     * over the batch) and {@link #inputGradient()}.
     */
    public INDArray backward() {
        for (int l = depth - 1; l >= 0; l--) {
            if (toDelta[l] != null) {
                toDelta[l].run();
            }
            weightGrad[l].run();
            biasGrad[l].run();
            backInput[l].run();
        }
        secondOrderFresh = false;
        return gradient;
    }

    /** Copies v into {@link #direction()} and runs {@link #rForward()}. */
    public INDArray rForward(INDArray v) {
        curvature().direction.assign(v);
        return rForward();
    }

    /** R-forward along {@link #direction()} at the last forward pass; returns the live R(output). */
    public INDArray rForward() {
        return rForward(false);
    }

    /**
     * R-forward along {@link #direction()} and the input direction u [batch, inputs] (R x = u; set the direction to
     * 0 for u alone) at the last forward pass; returns the live R(output). The following {@link #rBackward} then
     * gives the derivative of the parameter gradient along (v, u).
     */
    public INDArray rForwardAlongInput(INDArray u) {
        curvature().rInput.assign(u);
        return rForward(true);
    }

    private INDArray rForward(boolean input) {
        derivatives();
        return curvature().forward(input);
    }

    /**
     * R-backward from {@link #rOutputGradient()}, after {@link #backward()} and {@link #rForward()} at the same
     * point: fills and returns the live {@link #hessianVector()}.
     */
    public INDArray rBackward() {
        DenseCurvature c = curvature();
        secondOrder();
        return c.backward();
    }

    /**
     * After {@link #rBackward()} along a parameter direction alone: fills and returns the live R{dL/d(input)}
     * [batch, inputs] = R δ₀ W₀ᵀ + δ₀ V₀ᵀ, the derivative of the input gradient along v (which
     * {@link #rBackward()} itself does not form: the Hessian-vector product does not need it).
     */
    public INDArray rInputGradient() {
        return curvature().inputGradient();
    }

    /** f′(z) and f″(z) of every layer at the last forward pass, once per pass. */
    private void derivatives() {
        if (derivativesFresh) {
            return;
        }
        for (int l = 0; l < depth; l++) {
            DenseActivations.firstDerivative(chain.layers().get(l), z[l], a[l + 1], d1[l]);
        }
        derivativesFresh = true;
    }

    /**
     * f″(z) of the curved layers and f″(z) ⊙ dL/da, once per backward pass and only for the R-operator (training
     * never needs them).
     */
    private void secondOrder() {
        if (secondOrderFresh) {
            return;
        }
        for (int l = 0; l < depth; l++) {
            if (DenseActivations.secondDerivative(chain.layers().get(l), a[l + 1], d1[l], d2[l])) {
                d2[l].mul(da[l], g2[l]);
            }
        }
        secondOrderFresh = true;
    }

    @Override
    public void close() {
        all.forEach(Kernel::close);
        if (curvature != null) {
            curvature.close();
        }
    }
}
