package org.latentlab.engine;

import org.latentlab.model.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
 * The R passes use the forward and backward pass last run (the point θ), so many products at one θ cost one R pass
 * pair each. A plan is not thread-safe; it is one concept (the passes of a dense chain) and reads in one sitting.
 */
public final class DensePlan implements AutoCloseable {

    private final DenseChain chain;
    private final int batch;
    private final DataType type;
    private final int depth;

    private final INDArray params;
    private final INDArray gradient;
    private final INDArray direction;
    private final INDArray product;

    private final INDArray input;
    private final INDArray inputGradient;
    private final INDArray ones;
    /** a[0] is the input; a[l + 1], z[l] and the rest belong to layer l. */
    private final INDArray[] a;
    private final INDArray[] z;
    private final INDArray[] d1;
    private final INDArray[] d2;
    private final INDArray[] g2;
    /** da[l] = dL/d a[l + 1] (the last one is the output gradient). */
    private final INDArray[] da;
    private final INDArray[] delta;
    private final INDArray[] rz;
    private final INDArray[] ra;
    private final INDArray[] rda;
    private final INDArray[] rdelta;
    private final INDArray[] scratch;

    private final Kernel[] affine;
    private final Kernel[] activate;
    private final Kernel[] toDelta;
    private final Kernel[] weightGrad;
    private final Kernel[] biasGrad;
    private final Kernel[] backInput;
    private final Kernel[] rAffine;
    private final Kernel[] rAccumulate;
    private final Kernel[] rActivate;
    private final Kernel[] rToDelta;
    private final Kernel[] rCurvature;
    private final Kernel[] rAddCurvature;
    private final Kernel[] rWeight;
    private final Kernel[] rWeightAccumulate;
    private final Kernel[] rBias;
    private final Kernel[] rBackInput;
    private final Kernel[] rBackInputAccumulate;
    private final List<Kernel> all = new ArrayList<>();

    private boolean derivativesFresh;

    /** Compiles {@code chain} for batches of {@code batch} rows in {@code type} (FLOAT or DOUBLE). */
    public DensePlan(DenseChain chain, int batch, DataType type) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("the engine computes in FLOAT or DOUBLE, not " + type);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("a batch needs at least one row, not " + batch);
        }
        this.chain = chain;
        this.batch = batch;
        this.type = type;
        this.depth = chain.layers().size();
        int p = chain.parameters();
        params = Nd4j.create(type, 1, p);
        gradient = Nd4j.create(type, 1, p);
        direction = Nd4j.create(type, 1, p);
        product = Nd4j.create(type, 1, p);
        input = Nd4j.create(type, batch, chain.inputs());
        inputGradient = Nd4j.create(type, batch, chain.inputs());
        ones = Nd4j.ones(type, 1, batch);

        a = new INDArray[depth + 1];
        a[0] = input;
        z = new INDArray[depth];
        d1 = new INDArray[depth];
        d2 = new INDArray[depth];
        g2 = new INDArray[depth];
        da = new INDArray[depth];
        delta = new INDArray[depth];
        rz = new INDArray[depth];
        ra = new INDArray[depth];
        rda = new INDArray[depth];
        rdelta = new INDArray[depth];
        scratch = new INDArray[depth];
        affine = new Kernel[depth];
        activate = new Kernel[depth];
        toDelta = new Kernel[depth];
        weightGrad = new Kernel[depth];
        biasGrad = new Kernel[depth];
        backInput = new Kernel[depth];
        rAffine = new Kernel[depth];
        rAccumulate = new Kernel[depth];
        rActivate = new Kernel[depth];
        rToDelta = new Kernel[depth];
        rCurvature = new Kernel[depth];
        rAddCurvature = new Kernel[depth];
        rWeight = new Kernel[depth];
        rWeightAccumulate = new Kernel[depth];
        rBias = new Kernel[depth];
        rBackInput = new Kernel[depth];
        rBackInputAccumulate = new Kernel[depth];

        int offset = 0;
        for (int l = 0; l < depth; l++) {
            DenseChain.Layer layer = chain.layers().get(l);
            int in = layer.inputs();
            int out = layer.outputs();
            INDArray w = weights(params, offset, in, out);
            INDArray b = bias(params, offset + in * out, out);
            INDArray gw = weights(gradient, offset, in, out);
            INDArray gb = bias(gradient, offset + in * out, out).reshape(1, out);
            INDArray vw = weights(direction, offset, in, out);
            INDArray vb = bias(direction, offset + in * out, out);
            INDArray hw = weights(product, offset, in, out);
            INDArray hb = bias(product, offset + in * out, out).reshape(1, out);
            offset += layer.parameters();

            z[l] = Nd4j.create(type, batch, out);
            a[l + 1] = layer.activation() == Activation.IDENTITY ? z[l] : Nd4j.create(type, batch, out);
            d1[l] = layer.activation() == Activation.IDENTITY ? Nd4j.ones(type, batch, out)
                    : Nd4j.create(type, batch, out);
            boolean curved = layer.activation() == Activation.TANH || layer.activation() == Activation.SIGMOID;
            d2[l] = curved ? Nd4j.create(type, batch, out) : null;
            g2[l] = curved ? Nd4j.create(type, batch, out) : null;
            da[l] = Nd4j.create(type, batch, out);
            delta[l] = Nd4j.create(type, batch, out);
            rz[l] = Nd4j.create(type, batch, out);
            ra[l] = Nd4j.create(type, batch, out);
            rda[l] = Nd4j.create(type, batch, out);
            rdelta[l] = Nd4j.create(type, batch, out);
            scratch[l] = curved ? Nd4j.create(type, batch, out) : null;

            affine[l] = keep(Kernel.of("xw_plus_b", new INDArray[] {a[l], w, b}, z[l]));
            activate[l] = keep(activation(layer, z[l], a[l + 1]));
            toDelta[l] = keep(Kernel.multiply(d1[l], da[l], delta[l]));
            weightGrad[l] = keep(Kernel.gemm(a[l], true, delta[l], false, gw, 1, 0));
            biasGrad[l] = keep(Kernel.gemm(ones, false, delta[l], false, gb, 1, 0));
            INDArray below = l == 0 ? inputGradient : da[l - 1];
            backInput[l] = keep(Kernel.gemm(delta[l], false, w, true, below, 1, 0));

            rAffine[l] = keep(Kernel.of("xw_plus_b", new INDArray[] {a[l], vw, vb}, rz[l]));
            rAccumulate[l] = l == 0 ? null : keep(Kernel.gemm(ra[l - 1], false, w, false, rz[l], 1, 1));
            rActivate[l] = keep(Kernel.multiply(d1[l], rz[l], ra[l]));
            rToDelta[l] = keep(Kernel.multiply(d1[l], rda[l], rdelta[l]));
            rCurvature[l] = curved ? keep(Kernel.multiply(g2[l], rz[l], scratch[l])) : null;
            rAddCurvature[l] = curved ? keep(Kernel.add(rdelta[l], scratch[l], rdelta[l])) : null;
            rWeight[l] = keep(Kernel.gemm(a[l], true, rdelta[l], false, hw, 1, 0));
            rWeightAccumulate[l] = l == 0 ? null : keep(Kernel.gemm(ra[l - 1], true, delta[l], false, hw, 1, 1));
            rBias[l] = keep(Kernel.gemm(ones, false, rdelta[l], false, hb, 1, 0));
            rBackInput[l] = l == 0 ? null : keep(Kernel.gemm(rdelta[l], false, w, true, rda[l - 1], 1, 0));
            rBackInputAccumulate[l] = l == 0 ? null
                    : keep(Kernel.gemm(delta[l], false, vw, true, rda[l - 1], 1, 1));
        }
    }

    private Kernel keep(Kernel k) {
        if (k != null) {
            all.add(k);
        }
        return k;
    }

    /** W of one layer: the [nIn, nOut] 'f'-order view of the flat vector at {@code offset} (DL4J's layout). */
    private static INDArray weights(INDArray flat, int offset, int in, int out) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + in * out))
                .reshape('f', in, out);
    }

    private static INDArray bias(INDArray flat, int offset, int out) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + out));
    }

    private static Kernel activation(DenseChain.Layer layer, INDArray in, INDArray out) {
        return switch (layer.activation()) {
            case IDENTITY -> null;
            case RELU -> Kernel.withFloats("relu", new INDArray[] {in}, out, 0.0);
            case LEAKYRELU -> Kernel.withFloats("lrelu", new INDArray[] {in}, out, layer.alpha());
            case TANH -> Kernel.of("tanh", new INDArray[] {in}, out);
            case SIGMOID -> Kernel.of("sigmoid", new INDArray[] {in}, out);
        };
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
        return direction;
    }

    /** The live product H·v [1, P] of the last {@link #rBackward}. */
    public INDArray hessianVector() {
        return product;
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
        return ra[depth - 1];
    }

    /** R{dL/d(output)} = (∂²L/∂out²)·R(output), to be written before {@link #rBackward()}. */
    public INDArray rOutputGradient() {
        return rda[depth - 1];
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
        for (int l = 0; l < depth; l++) {
            affine[l].run();
            if (activate[l] != null) {
                activate[l].run();
            }
        }
        derivativesFresh = false;
        return output();
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
            if (activate[l] != null) {
                activate[l].run();
            }
        }
        derivativesFresh = false;
        return output();
    }

    /**
     * The backward pass from {@link #outputGradient()} to the input alone (no parameter gradient): fills and returns
     * the live {@link #inputGradient()}. With k copies of x as the input and the identity as the output gradient,
     * row i is ∇ₓ outᵢ: the Jacobian of the output in one pass.
     */
    public INDArray backwardToInput() {
        derivatives();
        for (int l = depth - 1; l >= 0; l--) {
            toDelta[l].run();
            backInput[l].run();
        }
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
        derivatives();
        for (int l = depth - 1; l >= 0; l--) {
            toDelta[l].run();
            weightGrad[l].run();
            biasGrad[l].run();
            backInput[l].run();
            if (g2[l] != null) {
                d2[l].mul(da[l], g2[l]);
            }
        }
        return gradient;
    }

    /** Copies v into {@link #direction()} and runs {@link #rForward()}. */
    public INDArray rForward(INDArray v) {
        direction.assign(v);
        return rForward();
    }

    /** R-forward along {@link #direction()} at the last forward pass; returns the live R(output). */
    public INDArray rForward() {
        derivatives();
        for (int l = 0; l < depth; l++) {
            rAffine[l].run();
            if (rAccumulate[l] != null) {
                rAccumulate[l].run();
            }
            rActivate[l].run();
        }
        return rOutput();
    }

    /**
     * R-backward from {@link #rOutputGradient()}, after {@link #backward()} and {@link #rForward()} at the same
     * point: fills and returns the live {@link #hessianVector()}.
     */
    public INDArray rBackward() {
        for (int l = depth - 1; l >= 0; l--) {
            rToDelta[l].run();
            if (rCurvature[l] != null) {
                rCurvature[l].run();
                rAddCurvature[l].run();
            }
            rWeight[l].run();
            if (rWeightAccumulate[l] != null) {
                rWeightAccumulate[l].run();
            }
            rBias[l].run();
            if (rBackInput[l] != null) {
                rBackInput[l].run();
                rBackInputAccumulate[l].run();
            }
        }
        return product;
    }

    /** f′(z) and f″(z) of every layer at the last forward pass, once per pass. */
    private void derivatives() {
        if (derivativesFresh) {
            return;
        }
        for (int l = 0; l < depth; l++) {
            DenseChain.Layer layer = chain.layers().get(l);
            INDArray out = a[l + 1];
            switch (layer.activation()) {
                case IDENTITY -> {
                }
                case RELU -> Nd4j.exec(new Step(z[l], d1[l]));
                case LEAKYRELU -> {
                    // 1 where z ≥ 0 (DL4J's convention at the kink), α where z < 0
                    d1[l].assign(z[l]).negi();
                    Nd4j.exec(new Step(d1[l], d1[l]));
                    d1[l].muli(layer.alpha() - 1).addi(1);
                }
                case TANH -> {
                    out.mul(out, d1[l]).rsubi(1);
                    out.mul(d1[l], d2[l]).muli(-2);
                }
                case SIGMOID -> {
                    out.rsub(1, d1[l]).muli(out);
                    out.mul(-2, d2[l]).addi(1).muli(d1[l]);
                }
            }
        }
        derivativesFresh = true;
    }

    @Override
    public void close() {
        all.forEach(Kernel::close);
    }
}
