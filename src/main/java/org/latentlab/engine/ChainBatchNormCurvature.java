package org.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Pearlmutter's R-operator of batch normalisation in training mode ({@link ChainBatchNorm}), per channel over the N
 * values of the batch (and of every position for NCHW data), with μ = mean x, σ² the biased variance,
 * s = √(σ² + ε), x̂ = (x − μ) / s and y = γ x̂ + β, all functions of the whole batch:
 *
 * <ul>
 *   <li>R-forward: R s = mean(x̂ · R x), so R x̂ = (R x − mean(R x) − x̂ · mean(x̂ · R x)) / s and
 *       R y = R γ · x̂ + γ · R x̂ + R β (R γ, R β the parameter direction's, 0 along the input alone);</li>
 *   <li>R-backward, from R g = R{dL/dy} and g = dL/dy: R{∂L/∂β} = Σ R g, R{∂L/∂γ} = Σ (R g · x̂ + g · R x̂) and, with
 *       dL/dx = γ / s · h, h = g − mean(g) − x̂ · mean(g · x̂) and ρ = R s / s,
 *       R{dL/dx} = (R γ − γ ρ) / s · h
 *       + γ / s · (R g − mean(R g) − R x̂ · mean(g · x̂) − x̂ · mean(R g · x̂ + g · R x̂)).</li>
 * </ul>
 *
 * <p>The running mean and running statistic take no part in the training-mode loss: their slots of the product are
 * 0 and the direction's values there are ignored (DL4J moves them through the gradient, but those steps are not
 * derivatives). Full-size work runs as libnd4j ops built once over preallocated arrays; the per-channel arithmetic
 * runs in place on small arrays. Reads the forward pass's input, batch statistics and output gradient, and what the
 * backward pass left: x̂, mean(g) and mean(g · x̂). Not thread-safe.
 */
final class ChainBatchNormCurvature implements ChainLayer.RPass {

    private final double epsilon;
    private final double count;
    private final INDArray variance;
    private final INDArray gamma;
    private final INDArray directionGamma;
    private final INDArray directionBeta;
    private final INDArray productRunning;
    private final INDArray rOutput;
    private final INDArray rOutputGradient;
    /** Per channel: 1 / s, mean(x̂ · R x), γ and the direction's R γ, R β; mean(R g), mean(R g · x̂ + g · R x̂). */
    private final INDArray inverseStd;
    private final INDArray rStd;
    private final INDArray gammaNow;
    private final INDArray rGamma;
    private final INDArray rBeta;
    private final INDArray meanOfRGradient;
    private final INDArray meanOfRScaled;
    /** Per channel: γ / s and (R γ − γ ρ) / s. */
    private final INDArray gain;
    private final INDArray rGain;
    private final INDArray productGamma;
    private final INDArray productBeta;
    private final List<Kernel> statistics = new ArrayList<>();
    private final List<Kernel> forward = new ArrayList<>();
    private final List<Kernel> alongDirection = new ArrayList<>();
    private final List<Kernel> sums = new ArrayList<>();
    private final List<Kernel> backward = new ArrayList<>();

    /**
     * @param perChannel      a per-channel vector shaped to broadcast over the layer's input (a view)
     * @param normalised      x̂, as the backward pass leaves it
     * @param meanOfGradient  mean(g) per channel, as the backward pass leaves it
     * @param meanOfScaled    mean(g · x̂) per channel, as the backward pass leaves it
     */
    ChainBatchNormCurvature(int channels, long[] axes, double epsilon, UnaryOperator<INDArray> perChannel,
                            INDArray input, INDArray normalised, INDArray variance, INDArray gamma,
                            INDArray outputGradient, INDArray meanOfGradient, INDArray meanOfScaled,
                            long offset, INDArray direction, INDArray product, INDArray rInput,
                            INDArray rInputGradient) {
        DataType type = input.dataType();
        int c = channels;
        this.epsilon = epsilon;
        this.count = input.length() / (double) c;
        this.variance = variance;
        this.gamma = gamma;
        directionGamma = DenseChain.segment(direction, offset, offset + c);
        directionBeta = DenseChain.segment(direction, offset + c, offset + 2L * c);
        productGamma = DenseChain.segment(product, offset, offset + c);
        productBeta = DenseChain.segment(product, offset + c, offset + 2L * c);
        productRunning = DenseChain.segment(product, offset + 2L * c, offset + 4L * c);
        rOutput = Nd4j.create(type, input.shape());
        rOutputGradient = Nd4j.create(type, input.shape());
        INDArray rNormalised = Nd4j.create(type, input.shape());
        INDArray a = Nd4j.create(type, input.shape());
        INDArray b = Nd4j.create(type, input.shape());
        INDArray d = Nd4j.create(type, input.shape());
        INDArray rMean = Nd4j.create(type, c);
        rStd = Nd4j.create(type, c);
        inverseStd = Nd4j.create(type, c);
        gammaNow = Nd4j.create(type, c);
        rGamma = Nd4j.create(type, c);
        rBeta = Nd4j.create(type, c);
        meanOfRGradient = Nd4j.create(type, c);
        meanOfRScaled = Nd4j.create(type, c);
        gain = Nd4j.create(type, c);
        rGain = Nd4j.create(type, c);

        // mean(R x) and R s = mean(x̂ · R x)
        statistics.add(Kernel.of("reduce_mean", new INDArray[] {rInput}, rMean, axes));
        statistics.add(Kernel.multiply(normalised, rInput, a));
        statistics.add(Kernel.of("reduce_mean", new INDArray[] {a}, rStd, axes));
        // R x̂ = (R x − x̂ · R s − mean(R x)) / s; R y = γ · R x̂
        forward.add(Kernel.multiply(normalised, perChannel.apply(rStd), a));
        forward.add(Kernel.of("subtract", new INDArray[] {rInput, a}, a));
        forward.add(Kernel.of("subtract", new INDArray[] {a, perChannel.apply(rMean)}, a));
        forward.add(Kernel.multiply(a, perChannel.apply(inverseStd), rNormalised));
        forward.add(Kernel.multiply(rNormalised, perChannel.apply(gammaNow), rOutput));
        // + R γ · x̂ + R β
        alongDirection.add(Kernel.multiply(normalised, perChannel.apply(rGamma), a));
        alongDirection.add(Kernel.add(rOutput, a, rOutput));
        alongDirection.add(Kernel.add(rOutput, perChannel.apply(rBeta), rOutput));
        // R{∂L/∂β} = Σ R g, R{∂L/∂γ} = Σ (R g · x̂ + g · R x̂)
        sums.add(Kernel.of("reduce_sum", new INDArray[] {rOutputGradient}, productBeta, axes));
        sums.add(Kernel.multiply(rOutputGradient, normalised, a));
        sums.add(Kernel.multiply(outputGradient, rNormalised, b));
        sums.add(Kernel.add(a, b, a));
        sums.add(Kernel.of("reduce_sum", new INDArray[] {a}, productGamma, axes));
        // h = g − x̂ · mean(g · x̂) − mean(g), into a
        backward.add(Kernel.multiply(normalised, perChannel.apply(meanOfScaled), a));
        backward.add(Kernel.of("subtract", new INDArray[] {outputGradient, a}, a));
        backward.add(Kernel.of("subtract", new INDArray[] {a, perChannel.apply(meanOfGradient)}, a));
        // R h = R g − (R x̂ · mean(g · x̂) + x̂ · mean(R g · x̂ + g · R x̂)) − mean(R g), into b
        backward.add(Kernel.multiply(rNormalised, perChannel.apply(meanOfScaled), b));
        backward.add(Kernel.multiply(normalised, perChannel.apply(meanOfRScaled), d));
        backward.add(Kernel.add(b, d, b));
        backward.add(Kernel.of("subtract", new INDArray[] {rOutputGradient, b}, b));
        backward.add(Kernel.of("subtract", new INDArray[] {b, perChannel.apply(meanOfRGradient)}, b));
        // R{dL/dx} = γ / s · R h + (R γ − γ ρ) / s · h
        backward.add(Kernel.multiply(b, perChannel.apply(gain), rInputGradient));
        backward.add(Kernel.multiply(a, perChannel.apply(rGain), a));
        backward.add(Kernel.add(rInputGradient, a, rInputGradient));
    }

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
        // the parameters may have been replaced since the last pass: read γ and s afresh
        gammaNow.assign(gamma);
        inverseStd.assign(variance).addi(epsilon);
        Transforms.sqrt(inverseStd, false);
        inverseStd.rdivi(1.0);
        statistics.forEach(Kernel::run);
        forward.forEach(Kernel::run);
        if (alongParameters) {
            rGamma.assign(directionGamma);
            rBeta.assign(directionBeta);
            alongDirection.forEach(Kernel::run);
        } else {
            rGamma.assign(0);
            rBeta.assign(0);
        }
    }

    @Override
    public void rBackward(boolean alongParameters) {
        sums.forEach(Kernel::run);
        meanOfRGradient.assign(productBeta).muli(1 / count);
        meanOfRScaled.assign(productGamma).muli(1 / count);
        gain.assign(gammaNow).muli(inverseStd);
        // (R γ − γ ρ) / s with ρ = R s / s (R γ is 0 unless the last R-forward went along the parameters)
        rGain.assign(gammaNow).muli(rStd).muli(inverseStd).negi().addi(rGamma).muli(inverseStd);
        backward.forEach(Kernel::run);
        productRunning.assign(0);
    }

    @Override
    public void close() {
        List.of(statistics, forward, alongDirection, sums, backward).forEach(k -> k.forEach(Kernel::close));
    }
}
