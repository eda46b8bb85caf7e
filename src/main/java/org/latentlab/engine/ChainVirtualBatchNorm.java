package org.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Virtual batch normalisation (Salimans et al. 2016, "Improved techniques for training GANs", section 3.4) in a
 * chain, the lab's {@code VirtualBatchNormLayer}: per unit, γ, β, and the stored reference mean μ_r and variance
 * σ_r² (DL4J's layout: those four vectors in that order).
 *
 * <p>Training mode: a batch of n ≥ R rows whose first R are the reference batch's activations a_r and the rest the
 * examples x_i. The reference statistics are those of the R rows, μ = mean a, v = mean (a − μ)² (the stored ones are
 * not read). Reference rows are batch-normalised with them, ŷ_r = (a_r − μ) / s, s = √(v + ε); example i with the R
 * rows and itself: d_i = x_i − μ, c = R / (R + 1), s_i = √(c (v + d_i² / (R + 1)) + ε), ŷ_i = c d_i / s_i (the
 * paper's μ_i = (R μ + x_i) / (R + 1), σ_i² = ν_i − μ_i², rearranged). y = γ ŷ + β.
 *
 * <p>Backward, with h = γ ⊙ dL/dy: dL/dx_i = h_i (c − ŷ_i² / (R + 1)) / s_i; the statistics collect
 * G_μ = −Σ_r h_r / s − Σ_i dL/dx_i and G_v = −½ (Σ_r h_r ŷ_r / s² + c Σ_i h_i ŷ_i / s_i²), and reach the reference
 * rows through ∂μ/∂a_r = 1/R, ∂v/∂a_r = 2 (a_r − μ) / R: dL/da_r = h_r / s + G_μ / R + 2 G_v (a_r − μ) / R. So a
 * generator's parameters receive the examples' loss through the reference batch too. dL/dγ = Σ dL/dy ⊙ ŷ,
 * dL/dβ = Σ dL/dy over all n rows; the stored statistics' gradient is 0 (their optimiser is a no-op).
 *
 * <p>Each training-mode forward pass also writes μ and v into the stored statistics (a pass of the reference batch
 * alone, n = R, does only that): the state of a generator is then always the reference statistics of its last
 * training-mode pass, and the trainer makes one such pass after each update of the generator. Nothing is learned
 * from the stored values in training mode, so writing them changes no output or gradient of that mode.
 *
 * <p>Inference mode ({@link #compileInference}): each row an example alone with the stored statistics, the formula
 * above with μ = μ_r and v = σ_r², and its input gradient h (c − ŷ² / (R + 1)) / s_i. When the stored statistics are
 * those of the reference batch at the current parameters, an example's inference output equals its training-mode
 * output. No R-operator (second derivatives are not taken through this layer).
 *
 * @param features  the units normalised (the input is a vector)
 * @param reference R, the reference batch's size
 */
record ChainVirtualBatchNorm(String name, int features, int reference, double epsilon) implements ChainLayer {

    @Override
    public long parameters() {
        return 4L * features;
    }

    @Override
    public long[] inputShape() {
        return new long[] {features};
    }

    @Override
    public long[] outputShape() {
        return new long[] {features};
    }

    private double shrink() {
        return reference / (reference + 1.0);
    }

    @Override
    public Pass compile(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                        INDArray inputGradient) {
        if (batch < reference) {
            throw new IllegalArgumentException("virtual batch norm '" + name + "' takes its reference batch of "
                    + reference + " rows first in training mode; a batch of " + batch + " rows is too small");
        }
        return new Training(batch, params, gradient, offset, input, inputGradient);
    }

    @Override
    public Pass compileInference(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                                 INDArray inputGradient) {
        return new Inference(batch, params, offset, input, inputGradient);
    }

    private static INDArray rows(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /** The training-mode pass: reference rows first, gradients through the reference statistics. */
    private final class Training implements Pass {
        private final int n;
        private final INDArray input;
        private final INDArray inputGradient;
        private final INDArray gamma;
        private final INDArray beta;
        private final INDArray gammaGradient;
        private final INDArray betaGradient;
        private final INDArray stateGradient;
        private final INDArray storedMean;
        private final INDArray storedVariance;
        private final INDArray output;
        private final INDArray outputGradient;
        /** [n, F]: x − μ, ŷ, the per-row scale (s on reference rows, s_i on examples), scratch. */
        private final INDArray centred;
        private final INDArray normalised;
        private final INDArray scale;
        private final INDArray work;
        /** [F]: μ, v, s, G_μ, G_v. */
        private final INDArray mean;
        private final INDArray variance;
        private final INDArray std;
        private final INDArray meanGradient;
        private final INDArray varianceGradient;

        Training(int n, INDArray params, INDArray gradient, long offset, INDArray input, INDArray inputGradient) {
            this.n = n;
            this.input = input;
            this.inputGradient = inputGradient;
            long f = features;
            gamma = DenseChain.segment(params, offset, offset + f).reshape(1, f);
            beta = DenseChain.segment(params, offset + f, offset + 2 * f).reshape(1, f);
            gammaGradient = DenseChain.segment(gradient, offset, offset + f).reshape(1, f);
            betaGradient = DenseChain.segment(gradient, offset + f, offset + 2 * f).reshape(1, f);
            stateGradient = DenseChain.segment(gradient, offset + 2 * f, offset + 4 * f);
            storedMean = DenseChain.segment(params, offset + 2 * f, offset + 3 * f).reshape(1, f);
            storedVariance = DenseChain.segment(params, offset + 3 * f, offset + 4 * f).reshape(1, f);
            DataType type = input.dataType();
            output = Nd4j.create(type, n, f);
            outputGradient = Nd4j.create(type, n, f);
            centred = Nd4j.create(type, n, f);
            normalised = Nd4j.create(type, n, f);
            scale = Nd4j.create(type, n, f);
            work = Nd4j.create(type, n, f);
            mean = Nd4j.create(type, 1, f);
            variance = Nd4j.create(type, 1, f);
            std = Nd4j.create(type, 1, f);
            meanGradient = Nd4j.create(type, 1, f);
            varianceGradient = Nd4j.create(type, 1, f);
        }

        private INDArray reference(INDArray a) {
            return rows(a, 0, ChainVirtualBatchNorm.this.reference);
        }

        private INDArray examples(INDArray a) {
            return rows(a, ChainVirtualBatchNorm.this.reference, n);
        }

        private boolean hasExamples() {
            return n > ChainVirtualBatchNorm.this.reference;
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
            int r = ChainVirtualBatchNorm.this.reference;
            double c = shrink();
            mean.assign(reference(input).mean(0).reshape(1, features));
            centred.assign(input).subiRowVector(mean);
            work.assign(centred).muli(centred);
            variance.assign(reference(work).mean(0).reshape(1, features));
            std.assign(variance).addi(epsilon);
            Transforms.sqrt(std, false);
            storedMean.assign(mean);
            storedVariance.assign(variance);
            reference(scale).assign(0).addiRowVector(std);
            if (hasExamples()) {
                // s_i² = c v + ε + c d_i² / (R + 1)
                INDArray s = examples(scale);
                s.assign(examples(work)).muli(c / (r + 1)).addiRowVector(variance.mul(c).addi(epsilon));
                Transforms.sqrt(s, false);
            }
            normalised.assign(centred).divi(scale);
            if (hasExamples()) {
                examples(normalised).muli(c);
            }
            output.assign(normalised).muliRowVector(gamma).addiRowVector(beta);
        }

        @Override
        public void backward(boolean toParameters) {
            int r = ChainVirtualBatchNorm.this.reference;
            double c = shrink();
            if (toParameters) {
                betaGradient.assign(outputGradient.sum(0).reshape(1, features));
                gammaGradient.assign(outputGradient.mul(normalised).sum(0).reshape(1, features));
                stateGradient.assign(0);
            }
            // h = γ dL/dy; direct terms: h_r / s on reference rows, h_i (c − ŷ_i² / (R + 1)) / s_i on examples
            INDArray h = work.assign(outputGradient).muliRowVector(gamma);
            inputGradient.assign(h).divi(scale);
            if (hasExamples()) {
                INDArray factor = examples(normalised).mul(examples(normalised)).muli(-1.0 / (r + 1)).addi(c);
                examples(inputGradient).muli(factor);
            }
            meanGradient.assign(inputGradient.sum(0).reshape(1, features)).negi();
            // G_v = −½ Σ h ŷ k / scale², k = 1 on reference rows and c on examples
            h.muli(normalised).divi(scale).divi(scale);
            if (hasExamples()) {
                examples(h).muli(c);
            }
            varianceGradient.assign(h.sum(0).reshape(1, features)).muli(-0.5);
            INDArray referenceGradient = reference(inputGradient);
            referenceGradient.addiRowVector(meanGradient.div(r));
            referenceGradient.addi(reference(centred).mulRowVector(varianceGradient.mul(2.0 / r)));
        }

        @Override
        public void close() {
        }
    }

    /** The inference-mode pass: each example alone with the stored statistics, input gradient only. */
    private final class Inference implements Pass {
        private final INDArray input;
        private final INDArray inputGradient;
        private final INDArray gamma;
        private final INDArray beta;
        private final INDArray storedMean;
        private final INDArray storedVariance;
        private final INDArray output;
        private final INDArray outputGradient;
        private final INDArray normalised;
        private final INDArray scale;

        Inference(int n, INDArray params, long offset, INDArray input, INDArray inputGradient) {
            this.input = input;
            this.inputGradient = inputGradient;
            long f = features;
            gamma = DenseChain.segment(params, offset, offset + f).reshape(1, f);
            beta = DenseChain.segment(params, offset + f, offset + 2 * f).reshape(1, f);
            storedMean = DenseChain.segment(params, offset + 2 * f, offset + 3 * f).reshape(1, f);
            storedVariance = DenseChain.segment(params, offset + 3 * f, offset + 4 * f).reshape(1, f);
            DataType type = input.dataType();
            output = Nd4j.create(type, n, f);
            outputGradient = Nd4j.create(type, n, f);
            normalised = Nd4j.create(type, n, f);
            scale = Nd4j.create(type, n, f);
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
            int r = reference;
            double c = shrink();
            // the stored statistics are read afresh: the parameters may have been replaced
            normalised.assign(input).subiRowVector(storedMean);
            scale.assign(normalised).muli(normalised).muli(c / (r + 1))
                    .addiRowVector(storedVariance.mul(c).addi(epsilon));
            Transforms.sqrt(scale, false);
            normalised.divi(scale).muli(c);
            output.assign(normalised).muliRowVector(gamma).addiRowVector(beta);
        }

        @Override
        public void backward(boolean toParameters) {
            if (toParameters) {
                throw new IllegalStateException("an inference pass computes the input gradient only");
            }
            INDArray factor = normalised.mul(normalised).muli(-1.0 / (reference + 1)).addi(shrink());
            inputGradient.assign(outputGradient).muliRowVector(gamma).muli(factor).divi(scale);
        }

        @Override
        public void close() {
        }
    }
}
