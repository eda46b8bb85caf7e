package org.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

/**
 * Virtual batch normalisation (Salimans et al. 2016, "Improved techniques for training GANs", section 3.4) in a
 * chain, the lab's {@code VirtualBatchNormLayer}: per channel, γ, β, and the stored reference mean μ_r and variance
 * σ_r² (DL4J's layout: those four vectors in that order). A vector input has one channel per unit and one position;
 * an image input [C, H, W] has C channels of P = H·W positions, and its statistics are taken per channel over
 * examples and positions, as batch normalisation does (and as the paper's reference code does for images, per
 * feature map).
 *
 * <p>An example's statistics are those of the reference batch and the example together, the example weighing
 * k = 1/(R + 1) and the reference batch c = R/(R + 1) (the paper's μ_i = (R μ_r + m_i)/(R + 1),
 * ν_i = (R ν_r + q_i)/(R + 1), σ_i² = ν_i − μ_i², with m_i and q_i the example's own mean and mean of squares over
 * its positions, as the reference code's {@code VBN} combines them). Rearranged without the cancellation in ν − μ²:
 * with e_i = m_i − μ_r and w_i the example's own variance over its positions,
 * σ_i² = c (σ_r² + k e_i²) + k w_i and ŷ_ip = (x_ip − μ_r − k e_i) / s_i, s_i = √(σ_i² + ε); y = γ ŷ + β. For a
 * vector (P = 1, w_i = 0) this is c d_i / √(c (σ_r² + d_i²/(R + 1)) + ε), the form of DL4J's layer.
 *
 * <p>Training mode: a batch of n ≥ R rows whose first R are the reference batch's activations a_r and the rest the
 * examples. The reference statistics are those of the R rows, μ = mean a, v = mean (a − μ)² over rows and positions
 * (the stored ones are not read); reference rows are batch-normalised with them, ŷ_r = (a_r − μ) / s,
 * s = √(v + ε); examples as above with μ_r = μ, σ_r² = v.
 *
 * <p>Backward, with h = γ ⊙ dL/dy, and per example and channel H_i = Σ_p h_ip, Q_i = Σ_p h_ip ŷ_ip: the direct
 * input gradient of an example is (h_ip − (k/P)(H_i + Q_i ŷ_ip)) / s_i (for a vector h_i (c − k ŷ_i²) / s_i) and of
 * a reference row h_rp / s. The statistics collect G_μ = −Σ (all direct input gradients) (the output is unchanged
 * when input and μ move together) and G_v = −½ (Σ_rp h_rp ŷ_rp / s² + c Σ_i Q_i / s_i²), and reach the reference rows
 * through ∂μ/∂a_rp = 1/(RP), ∂v/∂a_rp = 2 (a_rp − μ)/(RP): dL/da_rp = h_rp / s + G_μ/(RP) + 2 G_v s ŷ_rp/(RP). So a
 * generator's parameters receive the examples' loss through the reference batch too. dL/dγ = Σ dL/dy ⊙ ŷ,
 * dL/dβ = Σ dL/dy over all rows and positions; the stored statistics' gradient is 0 (their optimiser is a no-op).
 * All of it is a few whole-array libnd4j ops (reductions over rows and positions, broadcasts per channel), each
 * with its context built once.
 *
 * <p>Each training-mode forward pass also writes μ and v into the stored statistics (a pass of the reference batch
 * alone, n = R, does only that): the state of a generator is then always the reference statistics of its last
 * training-mode pass, and the trainer makes one such pass after each update of the generator. Nothing is learned
 * from the stored values in training mode, so writing them changes no output or gradient of that mode.
 *
 * <p>Inference mode ({@link #compileInference}): each row an example alone with the stored statistics, the formula
 * above with μ = μ_r and v = σ_r², and the direct input gradient. When the stored statistics are those of the
 * reference batch at the current parameters, an example's inference output equals its training-mode output. No
 * R-operator (second derivatives are not taken through this layer).
 *
 * <p>One concept in one file, a little over 400 lines: the two modes share the examples' part ({@code Examples}).
 *
 * @param shape     one example: {features} or {channels, height, width}
 * @param reference R, the reference batch's size
 */
record ChainVirtualBatchNorm(String name, long[] shape, int reference, double epsilon) implements ChainLayer {

    private static final long[] OVER_ROWS_AND_POSITIONS = {0, 2, 3};
    private static final long[] OVER_POSITIONS = {2, 3};

    ChainVirtualBatchNorm {
        if (shape.length != 1 && shape.length != 3) {
            throw new IllegalArgumentException("virtual batch norm '" + name + "' takes a vector or an image, not "
                    + java.util.Arrays.toString(shape));
        }
        shape = shape.clone();
    }

    private int channels() {
        return (int) shape[0];
    }

    /** P, the positions of one channel (1 for a vector). */
    private long positions() {
        return shape.length == 1 ? 1 : shape[1] * shape[2];
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

    /** {@code a} (rows first, one example's shape after) as [rows, C, H, W] (H = W = 1 for a vector): a view. */
    private INDArray image(INDArray a) {
        long h = shape.length == 1 ? 1 : shape[1];
        long w = shape.length == 1 ? 1 : shape[2];
        INDArray v = a.reshape('c', a.size(0), channels(), h, w);
        if (v.data().address() != a.data().address() || v.offset() != a.offset()) {
            throw new IllegalStateException("a reshape copied " + a.shapeInfoToString());
        }
        return v;
    }

    private static INDArray rows(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** A per-channel vector [C] as [1, C, 1, 1]; a per-example one [m, C] as [m, C, 1, 1]. */
    private static INDArray broadcast(INDArray v) {
        return v.rank() == 1 ? v.reshape(1, v.length(), 1, 1) : v.reshape(v.size(0), v.size(1), 1, 1);
    }

    /**
     * The examples' part of either mode: each of m rows with the statistics μ, v [C] (the live reference statistics
     * in training, the stored ones in inference); its forward writes ŷ, its backward the direct input gradient and
     * the per-example sums Q_i / s_i² that training's G_v needs.
     */
    private final class Examples implements AutoCloseable {
        private final INDArray variance;
        /** [m, C]: the example's mean over its positions, then e_i, then k e_i; its variance w_i, then k w_i. */
        private final INDArray ownMean;
        private final INDArray ownVariance;
        /** [m, C]: μ + k e_i; s_i; [C]: c v + ε. */
        private final INDArray shift;
        private final INDArray scale;
        private final INDArray floor;
        /** [m, C]: H_i, Q_i (and, scaled, k/P · Q_i). */
        private final INDArray sumH;
        private final INDArray sumQ;
        private final INDArray scaledQ;
        private final List<Kernel> forward = new ArrayList<>();
        private final List<Kernel> backward = new ArrayList<>();
        private final double scaleBy;

        /**
         * @param x            the examples' input [m, C, H, W]
         * @param normalised   ŷ, written by the forward pass
         * @param h            γ ⊙ dL/dy, read by the backward pass
         * @param hy           h ⊙ ŷ, read by the backward pass
         * @param gradient     the direct input gradient, written by the backward pass
         */
        Examples(INDArray x, INDArray mean, INDArray variance, INDArray normalised, INDArray h, INDArray hy,
                 INDArray gradient) {
            this.variance = variance;
            DataType type = x.dataType();
            long m = x.size(0);
            int c = channels();
            ownMean = Nd4j.create(type, m, c);
            ownVariance = Nd4j.create(type, m, c);
            shift = Nd4j.create(type, m, c);
            scale = Nd4j.create(type, m, c);
            floor = Nd4j.create(type, c);
            sumH = Nd4j.create(type, m, c);
            sumQ = Nd4j.create(type, m, c);
            scaledQ = Nd4j.create(type, m, c);
            INDArray perChannelMean = mean.reshape(1, c);
            double k = 1.0 / (reference + 1);
            scaleBy = k / positions();
            forward.add(Kernel.of("moments", new INDArray[] {x}, new INDArray[] {ownMean, ownVariance},
                    OVER_POSITIONS));
            // e_i = m_i − μ (in ownMean); s_i² = c k e_i² + k w_i + (c v + ε)
            forward.add(Kernel.of("subtract", new INDArray[] {ownMean, perChannelMean}, ownMean));
            forward.add(Kernel.multiply(ownMean, ownMean, scale));
            forward.add(Kernel.add(scale, ownVariance, scale));
            forward.add(Kernel.of("add", new INDArray[] {scale, floor.reshape(1, c)}, scale));
            // shift = μ + k e_i
            forward.add(Kernel.of("add", new INDArray[] {ownMean, perChannelMean}, shift));
            forward.add(Kernel.of("subtract", new INDArray[] {x, broadcast(shift)}, normalised));
            forward.add(Kernel.of("divide", new INDArray[] {normalised, broadcast(scale)}, normalised));
            // (h − (k/P)(H_i + Q_i ŷ)) / s_i
            backward.add(Kernel.of("reduce_sum", new INDArray[] {h}, sumH, OVER_POSITIONS));
            backward.add(Kernel.of("reduce_sum", new INDArray[] {hy}, sumQ, OVER_POSITIONS));
            backward.add(Kernel.multiply(normalised, broadcast(scaledQ), gradient));
            backward.add(Kernel.of("add", new INDArray[] {gradient, broadcast(sumH)}, gradient));
            backward.add(Kernel.of("subtract", new INDArray[] {h, gradient}, gradient));
            backward.add(Kernel.of("divide", new INDArray[] {gradient, broadcast(scale)}, gradient));
        }

        void forward() {
            double c = reference / (reference + 1.0);
            double k = 1.0 / (reference + 1);
            floor.assign(variance).muli(c).addi(epsilon);
            forward.get(0).run();
            forward.get(1).run();
            // scale = c k e², plus k w, plus c v + ε
            forward.get(2).run();
            scale.muli(c * k);
            ownVariance.muli(k);
            forward.get(3).run();
            forward.get(4).run();
            Transforms.sqrt(scale, false);
            ownMean.muli(k);
            for (int i = 5; i < forward.size(); i++) {
                forward.get(i).run();
            }
        }

        /** The direct input gradient; leaves Q_i / s_i² in {@link #sumQ} for training's G_v. */
        void backward() {
            backward.get(0).run();
            backward.get(1).run();
            scaledQ.assign(sumQ).muli(scaleBy);
            sumH.muli(scaleBy);
            for (int i = 2; i < backward.size(); i++) {
                backward.get(i).run();
            }
            sumQ.divi(scale).divi(scale);
        }

        @Override
        public void close() {
            forward.forEach(Kernel::close);
            backward.forEach(Kernel::close);
        }
    }

    /** The training-mode pass: reference rows first, gradients through the reference statistics. */
    private final class Training implements Pass {
        private final int n;
        private final INDArray gammaGradient;
        private final INDArray betaGradient;
        private final INDArray stateGradient;
        private final INDArray storedMean;
        private final INDArray storedVariance;
        private final INDArray output;
        private final INDArray outputGradient;
        /** [C]: μ, v, s, G_μ, G_v, and the reference rows' correction factors. */
        private final INDArray mean;
        private final INDArray variance;
        private final INDArray std;
        private final INDArray meanGradient;
        private final INDArray varianceGradient;
        private final INDArray slope;
        private final INDArray intercept;
        private final INDArray perExample;
        private final Examples examples;
        private final Kernel moments;
        private final List<Kernel> forward = new ArrayList<>();
        private final List<Kernel> parameterGradients = new ArrayList<>();
        private final List<Kernel> backward = new ArrayList<>();
        private final Kernel sumOfInputGradient;
        private final Kernel sumOfReferenceHy;
        private final Kernel sumOfExamplesQ;
        private final List<Kernel> correction = new ArrayList<>();

        Training(int n, INDArray params, INDArray gradient, long offset, INDArray input, INDArray inputGradient) {
            this.n = n;
            int c = channels();
            INDArray gamma = DenseChain.segment(params, offset, offset + c);
            INDArray beta = DenseChain.segment(params, offset + c, offset + 2L * c);
            gammaGradient = DenseChain.segment(gradient, offset, offset + c);
            betaGradient = DenseChain.segment(gradient, offset + c, offset + 2L * c);
            stateGradient = DenseChain.segment(gradient, offset + 2L * c, offset + 4L * c);
            storedMean = DenseChain.segment(params, offset + 2L * c, offset + 3L * c);
            storedVariance = DenseChain.segment(params, offset + 3L * c, offset + 4L * c);
            DataType type = input.dataType();
            output = Nd4j.create(type, input.shape());
            outputGradient = Nd4j.create(type, input.shape());
            INDArray x = image(input);
            INDArray y = image(output);
            INDArray g = image(outputGradient);
            INDArray dx = image(inputGradient);
            INDArray normalised = Nd4j.create(type, x.shape());
            INDArray h = Nd4j.create(type, x.shape());
            INDArray hy = Nd4j.create(type, x.shape());
            mean = Nd4j.create(type, c);
            variance = Nd4j.create(type, c);
            std = Nd4j.create(type, c);
            meanGradient = Nd4j.create(type, c);
            varianceGradient = Nd4j.create(type, c);
            slope = Nd4j.create(type, c);
            intercept = Nd4j.create(type, c);
            perExample = Nd4j.create(type, c);
            int r = reference;
            INDArray referenceInput = rows(x, 0, r);
            INDArray referenceNormalised = rows(normalised, 0, r);
            INDArray referenceGradient = rows(dx, 0, r);
            examples = n > r ? new Examples(rows(x, r, n), mean, variance, rows(normalised, r, n), rows(h, r, n),
                    rows(hy, r, n), rows(dx, r, n)) : null;
            moments = Kernel.of("moments", new INDArray[] {referenceInput}, new INDArray[] {mean, variance},
                    OVER_ROWS_AND_POSITIONS);
            forward.add(Kernel.of("batchnorm", new INDArray[] {referenceInput, mean, variance},
                    new INDArray[] {referenceNormalised}, new long[] {0, 0, 1}, new double[] {epsilon}));
            forward.add(Kernel.multiply(normalised, broadcast(gamma), y));
            forward.add(Kernel.of("add", new INDArray[] {y, broadcast(beta)}, y));
            parameterGradients.add(Kernel.of("reduce_sum", new INDArray[] {g}, betaGradient,
                    OVER_ROWS_AND_POSITIONS));
            parameterGradients.add(Kernel.multiply(g, normalised, hy));
            parameterGradients.add(Kernel.of("reduce_sum", new INDArray[] {hy}, gammaGradient,
                    OVER_ROWS_AND_POSITIONS));
            backward.add(Kernel.multiply(g, broadcast(gamma), h));
            backward.add(Kernel.multiply(h, normalised, hy));
            backward.add(Kernel.of("divide", new INDArray[] {rows(h, 0, r), broadcast(std)}, referenceGradient));
            sumOfInputGradient = Kernel.of("reduce_sum", new INDArray[] {dx}, meanGradient, OVER_ROWS_AND_POSITIONS);
            sumOfReferenceHy = Kernel.of("reduce_sum", new INDArray[] {rows(hy, 0, r)}, varianceGradient,
                    OVER_ROWS_AND_POSITIONS);
            sumOfExamplesQ = examples == null ? null
                    : Kernel.of("reduce_sum", new INDArray[] {examples.sumQ}, perExample, 0);
            INDArray correctionWork = rows(hy, 0, r);
            correction.add(Kernel.multiply(referenceNormalised, broadcast(slope), correctionWork));
            correction.add(Kernel.of("add", new INDArray[] {referenceGradient, correctionWork}, referenceGradient));
            correction.add(Kernel.of("add", new INDArray[] {referenceGradient, broadcast(intercept)},
                    referenceGradient));
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
            std.assign(variance).addi(epsilon);
            Transforms.sqrt(std, false);
            storedMean.assign(mean);
            storedVariance.assign(variance);
            forward.get(0).run();
            if (examples != null) {
                examples.forward();
            }
            forward.get(1).run();
            forward.get(2).run();
        }

        @Override
        public void backward(boolean toParameters) {
            if (toParameters) {
                parameterGradients.forEach(Kernel::run);
                stateGradient.assign(0);
            }
            backward.forEach(Kernel::run);
            if (examples != null) {
                examples.backward();
            }
            // G_μ = −Σ direct input gradients; G_v = −½ (Σ_ref h ŷ / s² + c Σ_i Q_i / s_i²)
            sumOfInputGradient.run();
            sumOfReferenceHy.run();
            varianceGradient.divi(std).divi(std);
            if (examples != null) {
                sumOfExamplesQ.run();
                varianceGradient.addi(perExample.muli(reference / (reference + 1.0)));
            }
            double rp = (double) reference * positions();
            // dL/da_rp += G_μ/(RP) + 2 G_v s ŷ_rp/(RP), G_v = −½ (...): slope = −s (...)/(RP), intercept = −Σ/(RP)
            slope.assign(varianceGradient).muli(std).muli(-1.0 / rp);
            intercept.assign(meanGradient).muli(-1.0 / rp);
            correction.forEach(Kernel::run);
        }

        @Override
        public void close() {
            moments.close();
            forward.forEach(Kernel::close);
            parameterGradients.forEach(Kernel::close);
            backward.forEach(Kernel::close);
            sumOfInputGradient.close();
            sumOfReferenceHy.close();
            if (sumOfExamplesQ != null) {
                sumOfExamplesQ.close();
            }
            correction.forEach(Kernel::close);
            if (examples != null) {
                examples.close();
            }
        }
    }

    /** The inference-mode pass: each example alone with the stored statistics, input gradient only. */
    private final class Inference implements Pass {
        private final INDArray output;
        private final INDArray outputGradient;
        private final Examples examples;
        private final List<Kernel> forward = new ArrayList<>();
        private final List<Kernel> backward = new ArrayList<>();

        Inference(int n, INDArray params, long offset, INDArray input, INDArray inputGradient) {
            int c = channels();
            INDArray gamma = DenseChain.segment(params, offset, offset + c);
            INDArray beta = DenseChain.segment(params, offset + c, offset + 2L * c);
            INDArray storedMean = DenseChain.segment(params, offset + 2L * c, offset + 3L * c);
            INDArray storedVariance = DenseChain.segment(params, offset + 3L * c, offset + 4L * c);
            DataType type = input.dataType();
            output = Nd4j.create(type, input.shape());
            outputGradient = Nd4j.create(type, input.shape());
            INDArray x = image(input);
            INDArray y = image(output);
            INDArray g = image(outputGradient);
            INDArray normalised = Nd4j.create(type, x.shape());
            INDArray h = Nd4j.create(type, x.shape());
            INDArray hy = Nd4j.create(type, x.shape());
            // the stored statistics are read afresh at each pass: the parameters may have been replaced
            examples = new Examples(x, storedMean, storedVariance, normalised, h, hy, image(inputGradient));
            forward.add(Kernel.multiply(normalised, broadcast(gamma), y));
            forward.add(Kernel.of("add", new INDArray[] {y, broadcast(beta)}, y));
            backward.add(Kernel.multiply(g, broadcast(gamma), h));
            backward.add(Kernel.multiply(h, normalised, hy));
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
            examples.forward();
            forward.forEach(Kernel::run);
        }

        @Override
        public void backward(boolean toParameters) {
            if (toParameters) {
                throw new IllegalStateException("an inference pass computes the input gradient only");
            }
            backward.forEach(Kernel::run);
            examples.backward();
        }

        @Override
        public void close() {
            forward.forEach(Kernel::close);
            backward.forEach(Kernel::close);
            examples.close();
        }
    }
}
