package org.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

/**
 * Batch normalisation in training mode (Ioffe and Szegedy 2015), as DL4J's {@code BatchNormalization} layer does
 * it: per feature (dense input) or per channel over the batch and all positions (NCHW input), the batch mean μ and
 * biased variance σ², y = γ (x − μ) / √(σ² + ε) + β; backward with μ and σ² functions of the batch. Forward is
 * libnd4j's {@code moments} and {@code batchnorm}; backward two reductions, a normalisation and broadcast products
 * (libnd4j's {@code batchnorm_bp} loses about half the digits in double), with the per-channel arithmetic in place.
 *
 * <p>DL4J's layout: γ, β, the running mean, then the running log₁₀ σ (or the running variance σ², per the layer's
 * configuration), each one value per channel. DL4J moves the running statistics through the gradient: their
 * optimiser is a no-op, so θ −= gradient applies what the backward pass writes there, (1 − decay)(running mean − μ)
 * for the mean and, for log₁₀ σ, ½ log₁₀(running σ² / new σ²) with new σ² = decay · running σ² + (1 − decay) σ²
 * (for the variance, (1 − decay)(running σ² − σ²)). This layer writes the same, so a step is DL4J's.
 *
 * <p>In inference mode ({@link #compileInference}) it normalises with the running statistics, as DL4J's layer in
 * {@code output(x, false)}: σ² = (10^{log₁₀ σ})² (or the running variance), y = γ (x − running mean) / √(σ² + ε) + β,
 * a fixed affine map per channel whose input gradient is γ / √(σ² + ε) · dL/dy.
 *
 * <p>In training mode the layer has Pearlmutter's R-operator ({@link ChainBatchNormCurvature}), through the batch
 * statistics; in inference mode it has none (inference plans take no second derivatives).
 *
 * @param shape    one example: {features} or {channels, height, width}
 * @param logStd   whether the running statistic is log₁₀ σ (DL4J's default) rather than σ²
 */
record ChainBatchNorm(String name, long[] shape, double epsilon, double decay, boolean logStd)
        implements ChainLayer {

    private static final double HALF_ON_LN10 = 0.5 / Math.log(10);

    ChainBatchNorm {
        shape = shape.clone();
    }

    private int channels() {
        return (int) shape[0];
    }

    @Override
    public long parameters() {
        return 4L * channels();
    }

    @Override
    public long[] inputShape() {
        return shape.clone();
    }

    @Override
    public long[] outputShape() {
        return shape.clone();
    }

    @Override
    public Pass compile(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                        INDArray inputGradient) {
        return new Compiled(params, gradient, offset, input, inputGradient);
    }

    @Override
    public Pass compileInference(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                                 INDArray inputGradient) {
        return new Inference(params, offset, input, inputGradient);
    }

    /** The inference-mode pass: the running statistics, input gradient only. */
    private final class Inference implements Pass {
        private final INDArray output;
        private final INDArray outputGradient;
        private final INDArray gamma;
        private final INDArray runningStat;
        /** σ² from the running statistic; γ / √(σ² + ε). */
        private final INDArray variance;
        private final INDArray gain;
        private final Kernel normalise;
        private final Kernel scale;

        Inference(INDArray params, long offset, INDArray input, INDArray inputGradient) {
            DataType type = params.dataType();
            int c = channels();
            gamma = DenseChain.segment(params, offset, offset + c);
            INDArray beta = DenseChain.segment(params, offset + c, offset + 2L * c);
            INDArray runningMean = DenseChain.segment(params, offset + 2L * c, offset + 3L * c);
            runningStat = DenseChain.segment(params, offset + 3L * c, offset + 4L * c);
            output = Nd4j.create(type, input.shape());
            outputGradient = Nd4j.create(type, input.shape());
            variance = logStd ? Nd4j.create(type, c) : runningStat;
            gain = Nd4j.create(type, c);
            normalise = Kernel.of("batchnorm", new INDArray[] {input, runningMean, variance, gamma, beta},
                    new INDArray[] {output}, new long[] {1, 1, 1}, new double[] {epsilon});
            scale = Kernel.multiply(outputGradient, perChannel(gain), inputGradient);
        }

        /** A per-channel vector shaped to broadcast over the layer's input. */
        private INDArray perChannel(INDArray v) {
            return shape.length == 1 ? v.reshape(1, channels()) : v.reshape(1, channels(), 1, 1);
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
            if (logStd) {
                // σ² = (10^s)² = exp(2 ln10 · s), read afresh: the parameters may have been replaced
                variance.assign(runningStat).muli(2 * Math.log(10));
                Transforms.exp(variance, false);
            }
            normalise.run();
        }

        @Override
        public void backward(boolean toParameters) {
            if (toParameters) {
                throw new IllegalStateException("an inference pass computes the input gradient only");
            }
            gain.assign(variance).addi(epsilon);
            Transforms.sqrt(gain, false);
            gain.rdivi(gamma);
            scale.run();
        }

        @Override
        public RPass curvature(long offset, INDArray direction, INDArray product, INDArray rInput,
                               INDArray rInputGradient) {
            throw new UnsupportedOperationException("a plan compiled for inference computes input gradients only;"
                    + " second derivatives are taken in training mode");
        }

        @Override
        public void close() {
            normalise.close();
            scale.close();
        }
    }

    private final class Compiled implements Pass {
        private final INDArray output;
        private final INDArray outputGradient;
        private final INDArray mean;
        private final INDArray variance;
        private final INDArray gamma;
        private final INDArray runningMean;
        private final INDArray runningStat;
        private final INDArray gammaGradient;
        private final INDArray betaGradient;
        private final INDArray meanStep;
        private final INDArray statStep;
        private final INDArray scratch;
        private final INDArray scratch2;
        private final INDArray input;
        private final INDArray normalised;
        private final long[] axes;
        /** Per channel: Σ dL/dy / N, Σ dL/dy · x̂ / N, γ / σ. */
        private final INDArray meanOfGradient;
        private final INDArray meanOfScaled;
        private final INDArray gain;
        private final double count;
        private final Kernel moments;
        private final Kernel normalise;
        private final List<Kernel> backward;
        private final List<Kernel> finish;

        Compiled(INDArray params, INDArray gradient, long offset, INDArray input, INDArray inputGradient) {
            DataType type = params.dataType();
            int c = channels();
            gamma = DenseChain.segment(params, offset, offset + c);
            INDArray beta = DenseChain.segment(params, offset + c, offset + 2L * c);
            runningMean = DenseChain.segment(params, offset + 2L * c, offset + 3L * c);
            runningStat = DenseChain.segment(params, offset + 3L * c, offset + 4L * c);
            gammaGradient = DenseChain.segment(gradient, offset, offset + c);
            betaGradient = DenseChain.segment(gradient, offset + c, offset + 2L * c);
            meanStep = DenseChain.segment(gradient, offset + 2L * c, offset + 3L * c);
            statStep = DenseChain.segment(gradient, offset + 3L * c, offset + 4L * c);
            output = Nd4j.create(type, input.shape());
            outputGradient = Nd4j.create(type, input.shape());
            this.input = input;
            normalised = Nd4j.create(type, input.shape());
            INDArray work = Nd4j.create(type, input.shape());
            mean = Nd4j.create(type, c);
            variance = Nd4j.create(type, c);
            scratch = Nd4j.create(type, c);
            scratch2 = Nd4j.create(type, c);
            meanOfGradient = Nd4j.create(type, c);
            meanOfScaled = Nd4j.create(type, c);
            gain = Nd4j.create(type, c);
            count = input.length() / (double) c;
            axes = shape.length == 1 ? new long[] {0} : new long[] {0, 2, 3};
            moments = Kernel.of("moments", new INDArray[] {input}, new INDArray[] {mean, variance}, axes);
            normalise = Kernel.of("batchnorm", new INDArray[] {input, mean, variance, gamma, beta},
                    new INDArray[] {output}, new long[] {1, 1, 1}, new double[] {epsilon});
            // dL/dx = γ/σ · (g − Σg/N − x̂ · Σ(g·x̂)/N), g = dL/dy, x̂ = (x − μ)/σ, σ = √(σ² + ε): DL4J's
            // backward in fewer ops (libnd4j's batchnorm_bp loses digits in double)
            backward = List.of(
                    Kernel.of("reduce_sum", new INDArray[] {outputGradient}, betaGradient, axes),
                    Kernel.of("batchnorm", new INDArray[] {input, mean, variance}, new INDArray[] {normalised},
                            new long[] {0, 0, 1}, new double[] {epsilon}),
                    Kernel.multiply(outputGradient, normalised, work),
                    Kernel.of("reduce_sum", new INDArray[] {work}, gammaGradient, axes));
            finish = List.of(
                    Kernel.multiply(normalised, perChannel(meanOfScaled), work),
                    Kernel.of("subtract", new INDArray[] {outputGradient, work}, work),
                    Kernel.of("subtract", new INDArray[] {work, perChannel(meanOfGradient)}, work),
                    Kernel.multiply(work, perChannel(gain), inputGradient));
        }

        /** A per-channel vector shaped to broadcast over the layer's input. */
        private INDArray perChannel(INDArray v) {
            return shape.length == 1 ? v.reshape(1, channels()) : v.reshape(1, channels(), 1, 1);
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
            moments.run();
            normalise.run();
        }

        @Override
        public void backward(boolean toParameters) {
            backward.forEach(Kernel::run);
            meanOfGradient.assign(betaGradient).muli(1 / count);
            meanOfScaled.assign(gammaGradient).muli(1 / count);
            gain.assign(variance).addi(epsilon);
            Transforms.sqrt(gain, false);
            gain.rdivi(gamma);
            finish.forEach(Kernel::run);
            if (toParameters) {
                runningStatistics();
            }
        }

        /** The running statistics' "gradients", DL4J's (one value per channel: a few small ops). */
        private void runningStatistics() {
            meanStep.assign(runningMean).subi(mean).muli(1 - decay);
            if (logStd) {
                // running σ² = (10^log₁₀σ)², new σ² = decay · running σ² + (1 − decay) σ²
                scratch.assign(runningStat).muli(Math.log(10));
                Transforms.exp(scratch, false);
                scratch.muli(scratch);
                scratch2.assign(variance).muli(1 - decay);
                statStep.assign(scratch).muli(decay).addi(scratch2);
                scratch.divi(statStep);
                Transforms.log(scratch, false);
                statStep.assign(scratch).muli(HALF_ON_LN10);
            } else {
                statStep.assign(runningStat).subi(variance).muli(1 - decay);
            }
        }

        /** Pearlmutter's R-operator of this pass: see {@link ChainBatchNormCurvature}. */
        @Override
        public RPass curvature(long offset, INDArray direction, INDArray product, INDArray rInput,
                               INDArray rInputGradient) {
            return new ChainBatchNormCurvature(channels(), axes, epsilon, this::perChannel, input, normalised,
                    variance, gamma, outputGradient, meanOfGradient, meanOfScaled, offset, direction, product,
                    rInput, rInputGradient);
        }

        @Override
        public void close() {
            List.of(moments, normalise).forEach(Kernel::close);
            backward.forEach(Kernel::close);
            finish.forEach(Kernel::close);
        }
    }
}
