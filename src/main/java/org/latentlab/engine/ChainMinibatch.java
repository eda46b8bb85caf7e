package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

/**
 * Minibatch discrimination (Salimans et al. 2016) in a chain, the lab's {@code MinibatchDiscriminationLayer}: rows
 * M = x·T ([n, B, C] for a batch of n, T of DL4J's layout [A, B·C] in 'c' order), distances
 * D_ijb = Σ_c |M_ibc − M_jbc|, closeness E = exp(−D), features o_ib = Σ_j E_ijb, output [x, o].
 *
 * <p>Backward, with S = sign(M_i − M_j) and g = dL/do: dL/dM_k = −Σ_j E_kj (g_k + g_j) S_kj (E is symmetric),
 * dL/dT = xᵀ·dL/dM, dL/dx = dL/d(output)'s first A columns + dL/dM·Tᵀ. The R-operator holds S fixed (|·| is linear
 * almost everywhere): R M = Rx·T + x·RT, R D_ij = Σ_c S_ij (RM_i − RM_j), R E = −E ⊙ R D, R o = Σ_j R E; and
 * R{dL/dM} = −Σ_j [R E (g_k + g_j) + E (Rg_k + Rg_j)] S.
 *
 * @param features A, the input's size
 */
record ChainMinibatch(String name, int features, int kernels, int dims) implements ChainLayer {

    private int width() {
        return kernels * dims;
    }

    @Override
    public long parameters() {
        return (long) features * width();
    }

    @Override
    public long[] inputShape() {
        return new long[] {features};
    }

    @Override
    public long[] outputShape() {
        return new long[] {features + kernels};
    }

    @Override
    public Pass compile(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                        INDArray inputGradient) {
        return new Compiled(batch, params, gradient, offset, input, inputGradient);
    }

    /**
     * Inference mode (the views' scores of single points, a heat map's grid): each example on its own, so its
     * closeness to itself, o = 1 for every kernel, and a score that depends on the point alone; it also keeps a grid
     * of thousands of points from the n² pairwise tensors. The input gradient is the first A columns'.
     */
    @Override
    public Pass compileInference(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                                 INDArray inputGradient) {
        INDArray output = Nd4j.create(input.dataType(), batch, features + kernels);
        INDArray outputGradient = output.ulike();
        output.get(NDArrayIndex.all(), NDArrayIndex.interval(features, features + kernels)).assign(1);
        INDArray passThrough = output.get(NDArrayIndex.all(), NDArrayIndex.interval(0, features));
        INDArray gradientOfInput = outputGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, features));
        return new Pass() {
            @Override
            public INDArray output() {
                return output;
            }

            @Override
            public INDArray outputGradient() {
                return outputGradient;
            }

            @Override
            public void forward() {
                passThrough.assign(input);
            }

            @Override
            public void backward(boolean toParameters) {
                inputGradient.assign(gradientOfInput);
            }

            @Override
            public void close() {
            }
        };
    }

    private final class Compiled implements Pass {
        private final int n;
        private final INDArray input;
        private final INDArray inputGradient;
        private final INDArray t;
        private final INDArray tGradient;
        private final INDArray output;
        private final INDArray outputGradient;
        /** [n, B·C] and its [n, B, C] view. */
        private final INDArray rows;
        private final INDArray rows3;
        /** [n, n, B, C]: M_i − M_j, its sign, scratch. */
        private final INDArray difference;
        private final INDArray sign;
        private final INDArray pairs;
        /** [n, n, B]: distances, closeness, weights of the backward pass. */
        private final INDArray distance;
        private final INDArray closeness;
        private final INDArray weight;
        /** [n, B]: o, g = dL/do (contiguous copy), dL/dM [n, B·C]. */
        private final INDArray features;
        private final INDArray g;
        private final INDArray rowGradient;
        private final List<Kernel> forward;
        private final List<Kernel> backward;
        private final Kernel inputPart;
        private final Kernel parameterPart;

        Compiled(int n, INDArray params, INDArray gradient, long offset, INDArray input, INDArray inputGradient) {
            this.n = n;
            this.input = input;
            this.inputGradient = inputGradient;
            long end = offset + parameters();
            this.t = DenseChain.segment(params, offset, end).reshape('c', ChainMinibatch.this.features, width());
            this.tGradient = DenseChain.segment(gradient, offset, end).reshape('c', ChainMinibatch.this.features,
                    width());
            var type = input.dataType();
            output = Nd4j.create(type, n, ChainMinibatch.this.features + kernels);
            outputGradient = Nd4j.create(type, n, ChainMinibatch.this.features + kernels);
            rows = Nd4j.create(type, n, width());
            rows3 = rows.reshape(n, kernels, dims);
            difference = Nd4j.create(type, n, n, kernels, dims);
            sign = difference.ulike();
            pairs = difference.ulike();
            distance = Nd4j.create(type, n, n, kernels);
            closeness = distance.ulike();
            weight = distance.ulike();
            this.features = Nd4j.create(type, n, kernels);
            g = this.features.ulike();
            rowGradient = rows.ulike();
            forward = List.of(
                    Kernel.gemm(input, false, t, false, rows, 1, 0),
                    Kernel.of("subtract", new INDArray[] {rows3.reshape(n, 1, kernels, dims),
                            rows3.reshape(1, n, kernels, dims)}, difference));
            // W = E ⊙ (g_k + g_j); dL/dM = −Σ_j W S; dL/dT = xᵀ dL/dM
            backward = List.of(
                    Kernel.add(g.reshape(n, 1, kernels), g.reshape(1, n, kernels), weight),
                    Kernel.multiply(weight, closeness, weight),
                    Kernel.multiply(sign, weight.reshape(n, n, kernels, 1), pairs),
                    Kernel.of("reduce_sum", new INDArray[] {pairs}, rowGradient.reshape(n, kernels, dims), 1));
            inputPart = Kernel.gemm(rowGradient, false, t, true, inputGradient, 1, 1);
            parameterPart = Kernel.gemm(input, true, rowGradient, false, tGradient, 1, 0);
        }

        private INDArray left(INDArray a) {
            return a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, ChainMinibatch.this.features));
        }

        private INDArray right(INDArray a) {
            return a.get(NDArrayIndex.all(), NDArrayIndex.interval(ChainMinibatch.this.features,
                    ChainMinibatch.this.features + kernels));
        }

        @Override
        public INDArray output() {
            return output;
        }

        @Override
        public INDArray outputGradient() {
            return outputGradient;
        }

        @Override
        public void forward() {
            forward.forEach(Kernel::run);
            Nd4j.exec(new Sign(difference, sign));
            difference.muli(sign); // |M_i − M_j|
            difference.sum(distance, 3);
            closeness.assign(distance).negi();
            Transforms.exp(closeness, false);
            closeness.sum(features, 1);
            left(output).assign(input);
            right(output).assign(features);
        }

        @Override
        public void backward(boolean toParameters) {
            g.assign(right(outputGradient));
            backward.forEach(Kernel::run);
            rowGradient.negi();
            if (toParameters) {
                parameterPart.run();
            }
            inputGradient.assign(left(outputGradient));
            inputPart.run();
        }

        @Override
        public RPass curvature(long offset, INDArray direction, INDArray product, INDArray rInput,
                               INDArray rInputGradient) {
            long end = offset + parameters();
            INDArray rt = DenseChain.segment(direction, offset, end).reshape('c', ChainMinibatch.this.features,
                    width());
            INDArray rtProduct = DenseChain.segment(product, offset, end).reshape('c',
                    ChainMinibatch.this.features, width());
            INDArray rOutput = output.ulike();
            INDArray rOutputGradient = output.ulike();
            INDArray rRows = rows.ulike();
            INDArray rRows3 = rRows.reshape(n, kernels, dims);
            INDArray rDifference = difference.ulike();
            INDArray rDistance = distance.ulike();
            INDArray rCloseness = distance.ulike();
            INDArray rWeight = distance.ulike();
            INDArray rg = features.ulike();
            INDArray rFeatures = features.ulike();
            INDArray rRowGradient = rows.ulike();
            INDArray rPairs = difference.ulike();
            List<Kernel> rows = List.of(Kernel.gemm(rInput, false, t, false, rRows, 1, 0),
                    Kernel.gemm(input, false, rt, false, rRows, 1, 1));
            List<Kernel> products = List.of(Kernel.gemm(rInput, true, rowGradient, false, rtProduct, 1, 0),
                    Kernel.gemm(input, true, rRowGradient, false, rtProduct, 1, 1),
                    Kernel.gemm(rRowGradient, false, t, true, rInputGradient, 1, 1),
                    Kernel.gemm(rowGradient, false, rt, true, rInputGradient, 1, 1));
            return new RPass() {
                @Override
                public INDArray rOutput() {
                    return rOutput;
                }

                @Override
                public INDArray rOutputGradient() {
                    return rOutputGradient;
                }

                @Override
                public void rForward(boolean alongParameters) {
                    rows.get(0).run();
                    if (alongParameters) {
                        rows.get(1).run();
                    }
                    rRows3.reshape(n, 1, kernels, dims).sub(rRows3.reshape(1, n, kernels, dims), rDifference);
                    rDifference.muli(sign).sum(rDistance, 3);
                    rCloseness.assign(rDistance).muli(closeness).negi();
                    rCloseness.sum(rFeatures, 1);
                    left(rOutput).assign(rInput);
                    right(rOutput).assign(rFeatures);
                }

                @Override
                public void rBackward(boolean alongParameters) {
                    rg.assign(right(rOutputGradient));
                    // R W = R E ⊙ (g_k + g_j) + E ⊙ (Rg_k + Rg_j)
                    g.reshape(n, 1, kernels).add(g.reshape(1, n, kernels), rWeight);
                    rWeight.muli(rCloseness);
                    rg.reshape(n, 1, kernels).add(rg.reshape(1, n, kernels), weight);
                    rWeight.addi(weight.muli(closeness));
                    sign.mul(rWeight.reshape(n, n, kernels, 1), rPairs);
                    rPairs.sum(rRowGradient.reshape(n, kernels, dims), 1);
                    rRowGradient.negi();
                    // R{dL/dT} = Rxᵀ dL/dM + xᵀ R{dL/dM}
                    products.get(0).run();
                    products.get(1).run();
                    // R{dL/dx} = R{first A columns} + R{dL/dM} Tᵀ + dL/dM RTᵀ
                    rInputGradient.assign(left(rOutputGradient));
                    products.get(2).run();
                    if (alongParameters) {
                        products.get(3).run();
                    }
                }

                @Override
                public void close() {
                    rows.forEach(Kernel::close);
                    products.forEach(Kernel::close);
                }
            };
        }

        @Override
        public void close() {
            forward.forEach(Kernel::close);
            backward.forEach(Kernel::close);
            inputPart.close();
            parameterPart.close();
        }
    }
}
