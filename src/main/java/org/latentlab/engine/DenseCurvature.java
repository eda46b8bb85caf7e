package org.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The R-operator's part of a {@link DensePlan} (Pearlmutter 1994, R{·} = d/dt (·)(θ + t v)): the parameter
 * direction v, the product H·v, the R arrays per layer and their kernels, and the R-forward and R-backward passes
 * over them. It reads the plan's point θ (activations a, f′(z), f″(z) ⊙ dL/da, the deltas δ, the weights W) from the
 * arrays it is built over, which the plan keeps current; the plan builds it on its first curvature pass (training
 * plans never need it). For layers a_l = f(z_l), z_l = a_{l−1} W_l + b_l:
 * R z_l = R a_{l−1} W_l + a_{l−1} V_l + v_b, R a_l = f′(z_l) ⊙ R z_l;
 * R δ_l = f″(z_l) ⊙ R z_l ⊙ dL/da_l + f′(z_l) ⊙ R{dL/da_l}, R{∂L/∂W_l} = a_{l−1}ᵀ R δ_l + R a_{l−1}ᵀ δ_l,
 * R{∂L/∂b_l} = Σ_rows R δ_l and R{dL/da_{l−1}} = R δ_l W_lᵀ + δ_l V_lᵀ. Along an input direction u, R a₀ = u adds
 * u W₀ to R z₀ and uᵀ δ₀ to R{∂L/∂W₀}.
 */
final class DenseCurvature implements AutoCloseable {

    private final int depth;
    final INDArray direction;
    final INDArray product;
    /** R a₀ = u, an input direction (used only by {@link #forward(boolean)} along the input). */
    final INDArray rInput;
    private final Kernel rInputAccumulate;
    private final Kernel rWeightFromInput;
    /** R{dL/dx} = R δ₀ W₀ᵀ + δ₀ V₀ᵀ, run only by {@link #inputGradient()}. */
    private final INDArray rInputGradient;
    private final Kernel rBackToInput;
    private final Kernel rBackToInputAccumulate;
    private final INDArray[] rz;
    private final INDArray[] ra;
    private final INDArray[] rda;
    private final INDArray[] rdelta;
    private final INDArray[] scratch;
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
    /** Whether the last R-forward followed an input direction too. */
    private boolean alongInput;

    /**
     * Builds the R arrays and kernels over a plan's arrays: per layer its input a[l] (a[0] the input batch), W as a
     * view of θ, f′(z) in d1, f″(z) ⊙ dL/da in g2 (curved layers only) and δ; {@code ones} is a [1, batch] row.
     */
    DenseCurvature(DenseChain chain, int batch, DataType type, INDArray[] a, INDArray[] w, INDArray[] d1,
                   INDArray[] g2, INDArray[] delta, INDArray ones) {
        depth = chain.layers().size();
        rz = new INDArray[depth];
        ra = new INDArray[depth];
        rda = new INDArray[depth];
        rdelta = new INDArray[depth];
        scratch = new INDArray[depth];
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
        direction = Nd4j.create(type, 1, chain.parameters());
        product = Nd4j.create(type, 1, chain.parameters());
        for (int l = 0; l < depth; l++) {
            DenseChain.Layer layer = chain.layers().get(l);
            int out = layer.outputs();
            INDArray vw = chain.weights(direction, l);
            INDArray vb = chain.bias(direction, l);
            INDArray hw = chain.weights(product, l);
            INDArray hb = chain.bias(product, l).reshape(1, out);
            boolean curved = DenseActivations.curved(layer);
            rz[l] = Nd4j.create(type, batch, out);
            ra[l] = Nd4j.create(type, batch, out);
            rda[l] = Nd4j.create(type, batch, out);
            rdelta[l] = Nd4j.create(type, batch, out);
            scratch[l] = curved ? Nd4j.create(type, batch, out) : null;

            rAffine[l] = keep(Kernel.of("xw_plus_b", new INDArray[] {a[l], vw, vb}, rz[l]));
            rAccumulate[l] = l == 0 ? null : keep(Kernel.gemm(ra[l - 1], false, w[l], false, rz[l], 1, 1));
            rActivate[l] = keep(Kernel.multiply(d1[l], rz[l], ra[l]));
            rToDelta[l] = keep(Kernel.multiply(d1[l], rda[l], rdelta[l]));
            rCurvature[l] = curved ? keep(Kernel.multiply(g2[l], rz[l], scratch[l])) : null;
            rAddCurvature[l] = curved ? keep(Kernel.add(rdelta[l], scratch[l], rdelta[l])) : null;
            rWeight[l] = keep(Kernel.gemm(a[l], true, rdelta[l], false, hw, 1, 0));
            rWeightAccumulate[l] = l == 0 ? null
                    : keep(Kernel.gemm(ra[l - 1], true, delta[l], false, hw, 1, 1));
            rBias[l] = keep(Kernel.gemm(ones, false, rdelta[l], false, hb, 1, 0));
            rBackInput[l] = l == 0 ? null : keep(Kernel.gemm(rdelta[l], false, w[l], true, rda[l - 1], 1, 0));
            rBackInputAccumulate[l] = l == 0 ? null
                    : keep(Kernel.gemm(delta[l], false, vw, true, rda[l - 1], 1, 1));
        }
        rInput = Nd4j.create(type, batch, chain.inputs());
        rInputAccumulate = keep(Kernel.gemm(rInput, false, w[0], false, rz[0], 1, 1));
        rWeightFromInput = keep(Kernel.gemm(rInput, true, delta[0], false, chain.weights(product, 0), 1, 1));
        rInputGradient = Nd4j.create(type, batch, chain.inputs());
        rBackToInput = keep(Kernel.gemm(rdelta[0], false, w[0], true, rInputGradient, 1, 0));
        rBackToInputAccumulate = keep(Kernel.gemm(delta[0], false, chain.weights(direction, 0), true,
                rInputGradient, 1, 1));
    }

    private Kernel keep(Kernel k) {
        if (k != null) {
            all.add(k);
        }
        return k;
    }

    /** R(output) of the last {@link #forward}. */
    INDArray output() {
        return ra[depth - 1];
    }

    /** R{dL/d(output)}, to be written before {@link #backward()}. */
    INDArray outputGradient() {
        return rda[depth - 1];
    }

    /**
     * R-forward along {@link #direction}, and along {@link #rInput} too when {@code input}, with f′(z) of the
     * plan's last forward pass in place; returns the live R(output).
     */
    INDArray forward(boolean input) {
        alongInput = input;
        for (int l = 0; l < depth; l++) {
            rAffine[l].run();
            if (rAccumulate[l] != null) {
                rAccumulate[l].run();
            }
            if (l == 0 && input) {
                rInputAccumulate.run();
            }
            rActivate[l].run();
        }
        return output();
    }

    /**
     * R-backward from {@link #outputGradient()}, with the plan's δ and f″(z) ⊙ dL/da of its last backward pass in
     * place: fills and returns the live {@link #product}.
     */
    INDArray backward() {
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
            if (l == 0 && alongInput) {
                rWeightFromInput.run();
            }
            rBias[l].run();
            if (rBackInput[l] != null) {
                rBackInput[l].run();
                rBackInputAccumulate[l].run();
            }
        }
        return product;
    }

    /** After {@link #backward()}: fills and returns the live R{dL/d(input)} = R δ₀ W₀ᵀ + δ₀ V₀ᵀ. */
    INDArray inputGradient() {
        rBackToInput.run();
        rBackToInputAccumulate.run();
        return rInputGradient;
    }

    @Override
    public void close() {
        all.forEach(Kernel::close);
    }
}
