package org.latentlab.engine;

import org.nd4j.linalg.api.blas.Level1;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;

/**
 * A loss of a compiled network's output on one fixed batch, as a function of the flat parameters θ: its value, its
 * gradient and exact Hessian-vector products H(θ)·v by Pearlmutter's R-operator (Pearlmutter, "Fast exact
 * multiplication by the Hessian", Neural Computation 1994). The forward and backward passes run once per θ (kept
 * until another θ is asked for); each product then costs one R-forward and one R-backward pass, about the price of
 * one gradient, where central differences cost two gradients and lose half the digits.
 *
 * <p>The network is a {@link DensePlan} (dense chains, with a loss-surface shortcut through the first layer) or,
 * from {@link #ofChains}, one {@link ChainPlan} over one or more DL4J networks run one after another (convolution,
 * transposed convolution, upsampling, average and max pooling, reshapes: every layer kind with an
 * R-operator).
 *
 * <p>θ and v come and go as {@code double[]}, the geometry code's vectors; the plan may compute in FLOAT, but only
 * DOUBLE keeps the products exact to rounding. Owns its plan: {@link #close()} closes it.
 */
public final class ExactCurvature implements AutoCloseable {

    private final CurvaturePasses passes;
    /** The dense plan when the passes are one (its loss-surface shortcut), else null. */
    private final DensePlan dense;
    private final LossHead head;
    private final INDArray target;
    /** Where θ sits in the plan's parameters, or null when θ is all of them. */
    private final ParameterRuns runs;
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
        this.dense = plan;
        this.passes = new DensePasses(plan);
        this.head = head;
        this.runs = null;
        plan.input().assign(input.reshape(plan.batch(), plan.chain().inputs()));
        this.target = target.reshape(plan.batch(), plan.chain().outputs()).castTo(plan.dataType()).dup();
    }

    private ExactCurvature(CurvaturePasses passes, LossHead head, INDArray target, ParameterRuns runs) {
        this.dense = null;
        this.passes = passes;
        this.head = head;
        this.target = target;
        this.runs = runs.isAll(passes.parameterCount()) ? null : runs;
        passes.direction().assign(0); // outside θ the direction stays 0
    }

    /**
     * The loss of {@code networks} run one after another (an encoder then its decoder), compiled in DOUBLE as one
     * chain over their concatenated parameters, when each network is a chain the engine runs and every layer has an
     * R-operator; empty otherwise (an output layer, sizes that do not join). Batch normalisation runs in training
     * mode, on the statistics of the batch: its running statistics take no part in the loss, so their entries of the
     * gradient and of every product are 0.
     *
     * @param input  the batch [batch, ...] the first network takes (copied)
     * @param target what the head compares the last network's output with, [batch, outputs] in any shape (copied)
     */
    public static Optional<ExactCurvature> ofChains(List<MultiLayerNetwork> networks, LossHead head, INDArray input,
                                                    INDArray target) {
        return ofChains(networks, head, input, target, null);
    }

    /**
     * As {@link #ofChains(List, LossHead, INDArray, INDArray)}, but over the part θ of the networks' joined
     * parameters that {@code runs} picks (all of them when null); the rest stays at the values the networks hold
     * now: batch normalisation's running statistics, or a whole network held fixed (D under G's loss).
     */
    public static Optional<ExactCurvature> ofChains(List<MultiLayerNetwork> networks, LossHead head, INDArray input,
                                                    INDArray target, ParameterRuns runs) {
        Chain chain = null;
        for (MultiLayerNetwork net : networks) {
            Optional<Chain> c = Chain.of(net);
            if (c.isEmpty() || chain != null && chain.outputSize() != c.get().inputSize()) {
                return Optional.empty();
            }
            chain = chain == null ? c.get() : chain.then(c.get());
        }
        int batch = (int) input.size(0);
        if (chain == null || input.length() != batch * chain.inputSize()
                || target.length() != batch * chain.outputSize()) {
            return Optional.empty();
        }
        if (runs != null && runs.end() > chain.parameters()) {
            return Optional.empty();
        }
        INDArray params = Nd4j.create(DataType.DOUBLE, 1, chain.parameters());
        long at = 0;
        for (MultiLayerNetwork net : networks) {
            long size = net.numParams();
            params.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(at, at + size))
                    .assign(net.params().castTo(DataType.DOUBLE).reshape(1, size));
            at += size;
        }
        INDArray gradient = Nd4j.create(DataType.DOUBLE, 1, chain.parameters());
        ChainPlan plan = new ChainPlan(chain, batch, params, gradient);
        try {
            plan.compileCurvature();
        } catch (UnsupportedOperationException e) {
            plan.close();
            return Optional.empty();
        }
        INDArray x = input.reshape(batch, chain.inputSize()).castTo(DataType.DOUBLE).dup();
        INDArray y = target.reshape(batch, chain.outputSize()).castTo(DataType.DOUBLE).dup();
        return Optional.of(new ExactCurvature(new ChainPasses(plan, params, gradient, x), head, y,
                runs == null ? ParameterRuns.all(chain.parameters()) : runs));
    }

    /**
     * The loss of one network run on two batches as two separate passes ({@link BatchPairPasses}), the head taken
     * over both outputs stacked (first batch's rows first): a GAN's D loss when D's layers couple a batch's examples.
     * Over the part of the parameters {@code runs} picks (all when null), compiled in DOUBLE; empty when the engine
     * does not run the network with R-operators.
     *
     * @param target what the head compares the stacked outputs with, [n₁ + n₂, outputs] (copied)
     */
    public static Optional<ExactCurvature> ofBatchPair(MultiLayerNetwork network, LossHead head, INDArray first,
                                                       INDArray second, INDArray target, ParameterRuns runs) {
        Optional<Chain> c = Chain.of(network);
        int n1 = (int) first.size(0);
        int n2 = (int) second.size(0);
        if (c.isEmpty() || first.length() != n1 * c.get().inputSize() || second.length() != n2 * c.get().inputSize()
                || target.length() != (long) (n1 + n2) * c.get().outputSize()
                || runs != null && runs.end() > c.get().parameters()) {
            return Optional.empty();
        }
        Chain chain = c.get();
        INDArray params = network.params().castTo(DataType.DOUBLE).reshape(1, chain.parameters()).dup();
        INDArray g1 = params.ulike();
        INDArray g2 = params.ulike();
        ChainPlan p1 = new ChainPlan(chain, n1, params, g1);
        ChainPlan p2 = new ChainPlan(chain, n2, params, g2);
        BatchPairPasses passes;
        try {
            passes = new BatchPairPasses(p1, p2, params, g1, g2,
                    first.reshape(n1, chain.inputSize()).castTo(DataType.DOUBLE).dup(),
                    second.reshape(n2, chain.inputSize()).castTo(DataType.DOUBLE).dup());
        } catch (UnsupportedOperationException e) {
            p1.close();
            p2.close();
            return Optional.empty();
        }
        INDArray y = target.reshape(n1 + n2, chain.outputSize()).castTo(DataType.DOUBLE).dup();
        return Optional.of(new ExactCurvature(passes, head, y,
                runs == null ? ParameterRuns.all(chain.parameters()) : runs));
    }

    /**
     * A VAE's negative ELBO on a fixed batch and noise draw: the head's reconstruction loss of the decoder's output
     * at z = μ + σ ⊙ ε plus β · mean KL of the encoder's [μ, log σ²] to N(0, I) ({@link VariationalPasses}), over the
     * part of [θ_encoder, θ_decoder] that {@code runs} picks (all of it when null), compiled in DOUBLE; empty when the
     * engine does not run both networks with R-operators or the sizes do not join.
     *
     * @param input  the batch the encoder takes, [n, ...] (copied)
     * @param target what the head compares the decoder's output with, [n, outputs] in any shape (copied)
     * @param noise    ε, [n, k] for a code of k (copied)
     * @param constant added to the loss (a Gaussian likelihood's normalising constant)
     */
    public static Optional<ExactCurvature> ofVariational(MultiLayerNetwork encoder, MultiLayerNetwork decoder,
                                                         LossHead head, INDArray input, INDArray target,
                                                         INDArray noise, double beta, double constant,
                                                         ParameterRuns runs) {
        Optional<Chain> e = Chain.of(encoder);
        Optional<Chain> d = Chain.of(decoder);
        int n = (int) input.size(0);
        if (e.isEmpty() || d.isEmpty() || noise.rank() != 2 || noise.size(0) != n
                || e.get().outputSize() != 2 * noise.size(1) || d.get().inputSize() != noise.size(1)
                || input.length() != n * e.get().inputSize() || target.length() != n * d.get().outputSize()
                || runs != null && runs.end() > e.get().parameters() + d.get().parameters()) {
            return Optional.empty();
        }
        INDArray encoderParams = encoder.params().castTo(DataType.DOUBLE).reshape(1, encoder.numParams()).dup();
        INDArray decoderParams = decoder.params().castTo(DataType.DOUBLE).reshape(1, decoder.numParams()).dup();
        INDArray encoderGradient = encoderParams.ulike();
        INDArray decoderGradient = decoderParams.ulike();
        ChainPlan encoderPlan = new ChainPlan(e.get(), n, encoderParams, encoderGradient);
        ChainPlan decoderPlan = new ChainPlan(d.get(), n, decoderParams, decoderGradient);
        VariationalPasses passes;
        try {
            passes = new VariationalPasses(encoderPlan, encoderParams, encoderGradient, decoderPlan, decoderParams,
                    decoderGradient, input.reshape(n, e.get().inputSize()).castTo(DataType.DOUBLE).dup(),
                    noise.castTo(DataType.DOUBLE).dup(), beta, constant);
        } catch (UnsupportedOperationException ex) {
            encoderPlan.close();
            decoderPlan.close();
            return Optional.empty();
        }
        INDArray y = target.reshape(n, d.get().outputSize()).castTo(DataType.DOUBLE).dup();
        return Optional.of(new ExactCurvature(passes, head, y,
                runs == null ? ParameterRuns.all(passes.parameterCount()) : runs));
    }

    public int dimension() {
        return (int) (runs == null ? passes.parameterCount() : runs.total());
    }

    /** The loss at θ. */
    public double loss(double[] theta) {
        at(theta);
        return loss;
    }

    /** ∇L(θ), a fresh array. */
    public double[] gradient(double[] theta) {
        at(theta);
        return read(passes.gradient());
    }

    /** H(θ)·v, a fresh array. */
    public double[] hessianVector(double[] theta, double[] v) {
        if (v.length != dimension()) {
            throw new IllegalArgumentException("v has " + v.length + " values, expected " + dimension());
        }
        at(theta);
        write(passes.direction(), v);
        INDArray rOutput = passes.rForward();
        head.hessianVector(rOutput, passes.rOutputGradient());
        return read(passes.rBackward());
    }

    /**
     * Whether {@link #onPlane} saves the first layer's product per cell (a dense plan); on a chain a cell is a whole
     * forward pass, no faster in double than DL4J's.
     */
    public boolean firstLayerShortcut() {
        return dense != null;
    }

    /**
     * The loss on the plane origin + a·d₁ + b·d₂ as a function of (a, b), for a loss-surface scan. On a dense plan
     * the first layer's pre-activation is linear in (a, b) on a fixed batch: P₀ = X·W₀ + b₀ at the origin and P₁,
     * P₂ along d₁, d₂ are computed here once, so a cell costs z₀ = P₀ + a·P₁ + b·P₂ and the compiled forward pass of
     * the layers above and of the loss alone (no array allocated per cell); on a chain a cell is one compiled
     * forward pass. The function uses this object's plan: do not interleave it with other calls.
     */
    public DoubleBinaryOperator onPlane(double[] origin, double[] d1, double[] d2) {
        if (origin.length != dimension() || d1.length != dimension() || d2.length != dimension()) {
            throw new IllegalArgumentException("a plane of " + dimension() + " parameters, not " + origin.length);
        }
        double[] cell = new double[dimension()];
        if (dense == null) {
            point = null;
            return (a, b) -> {
                point = null;
                for (int k = 0; k < cell.length; k++) {
                    cell[k] = origin[k] + a * d1[k] + b * d2[k];
                }
                write(passes.parameters(), cell);
                return head.value(passes.forward(), target, passes.outputGradient()) + passes.auxiliaryLoss();
            };
        }
        DensePlan plan = dense;
        double[][] axes = {origin, d1, d2};
        INDArray[] first = new INDArray[3];
        for (int i = 0; i < 3; i++) {
            write(plan.parameters(), axes[i]);
            plan.forward();
            first[i] = plan.firstPreActivation().dup();
        }
        point = null;
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
        write(passes.parameters(), theta);
        INDArray out = passes.forward();
        loss = head.valueAndGradient(out, target, passes.outputGradient()) + passes.auxiliaryLoss();
        passes.backward();
        point = theta.clone();
    }

    /** θ-shaped values into their places in a flat vector of the plan's (parameters, direction). */
    private void write(INDArray flat, double[] values) {
        if (runs == null) {
            writeAll(flat, values);
            return;
        }
        long[] starts = runs.starts();
        long[] lengths = runs.lengths();
        int from = 0;
        for (int r = 0; r < starts.length; r++) {
            int length = (int) lengths[r];
            flat.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(starts[r], starts[r] + length))
                    .assign(Nd4j.createFromArray(Arrays.copyOfRange(values, from, from + length)).reshape(1, length));
            from += length;
        }
    }

    /** θ's entries of a flat vector of the plan's (gradient, product), a fresh array. */
    private double[] read(INDArray flat) {
        if (runs == null) {
            return flat.toDoubleVector();
        }
        double[] out = new double[dimension()];
        long[] starts = runs.starts();
        long[] lengths = runs.lengths();
        int from = 0;
        for (int r = 0; r < starts.length; r++) {
            int length = (int) lengths[r];
            double[] part = flat.get(NDArrayIndex.interval(0, 1),
                    NDArrayIndex.interval(starts[r], starts[r] + length)).toDoubleVector();
            System.arraycopy(part, 0, out, from, length);
            from += length;
        }
        return out;
    }

    private static void writeAll(INDArray flat, double[] values) {
        if (flat.dataType() == DataType.DOUBLE && flat.length() == flat.data().length()) {
            flat.data().setData(values);
        } else {
            flat.assign(Nd4j.createFromArray(values).reshape(flat.shape()));
        }
    }

    public String describe() {
        return head.describe() + " of " + passes.describe() + ", exact products by the R-operator";
    }

    @Override
    public void close() {
        passes.close();
    }

    private record DensePasses(DensePlan plan) implements CurvaturePasses {
        @Override
        public long parameterCount() {
            return plan.chain().parameters();
        }

        @Override
        public INDArray parameters() {
            return plan.parameters();
        }

        @Override
        public INDArray forward() {
            return plan.forward();
        }

        @Override
        public INDArray outputGradient() {
            return plan.outputGradient();
        }

        @Override
        public INDArray backward() {
            return plan.backward();
        }

        @Override
        public INDArray gradient() {
            return plan.gradient();
        }

        @Override
        public INDArray direction() {
            return plan.direction();
        }

        @Override
        public INDArray rForward() {
            return plan.rForward();
        }

        @Override
        public INDArray rOutputGradient() {
            return plan.rOutputGradient();
        }

        @Override
        public INDArray rBackward() {
            return plan.rBackward();
        }

        @Override
        public String describe() {
            return "a dense chain";
        }

        @Override
        public void close() {
            plan.close();
        }
    }

    /** A {@link ChainPlan} on a fixed batch, over parameter and gradient vectors of its own. */
    private record ChainPasses(ChainPlan plan, INDArray parameters, INDArray gradient, INDArray input,
                               INDArray outputGradient) implements CurvaturePasses {

        ChainPasses(ChainPlan plan, INDArray parameters, INDArray gradient, INDArray input) {
            this(plan, parameters, gradient, input,
                    Nd4j.create(parameters.dataType(), plan.batch(), plan.chain().outputSize()));
        }

        @Override
        public long parameterCount() {
            return plan.chain().parameters();
        }

        @Override
        public INDArray forward() {
            return plan.forward(input);
        }

        @Override
        public INDArray backward() {
            plan.backward(outputGradient);
            // batch normalisation writes DL4J's running-statistic steps there, which are not derivatives
            long offset = 0;
            for (ChainLayer layer : plan.chain().layers()) {
                if (layer instanceof ChainBatchNorm) {
                    DenseChain.segment(gradient, offset + layer.parameters() / 2, offset + layer.parameters())
                            .assign(0);
                }
                offset += layer.parameters();
            }
            return gradient;
        }

        @Override
        public INDArray direction() {
            return plan.direction();
        }

        @Override
        public INDArray rForward() {
            return plan.rForward(true);
        }

        @Override
        public INDArray rOutputGradient() {
            return plan.rOutputGradient();
        }

        @Override
        public INDArray rBackward() {
            return plan.rBackward(true);
        }

        @Override
        public String describe() {
            return "a chain of " + plan.chain().layers().size() + " layers";
        }

        @Override
        public void close() {
            plan.close();
        }
    }
}
