package org.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Chain} compiled for a fixed batch size over given flat parameter and gradient vectors (DL4J's layout for
 * the same network, in the data type the plan computes in): each layer's {@link ChainLayer.Pass} with its arrays
 * and kernels built once, layer l reading layer l − 1's output (reshaped as a view where the shapes differ), so
 * the passes allocate no arrays (batch normalisation's per-channel arithmetic runs in place on small arrays of its
 * own).
 *
 * <p>Passes: {@link #forward} in training mode; {@link #backward} from dL/d(output) to the parameters (summed over
 * the batch, as DL4J's) and to the input; {@link #inputGradient} to the input alone; and Pearlmutter's R-operator
 * ({@link #rForward}, {@link #rBackward}) along an input direction and a parameter direction, for exact
 * Hessian-vector products and gradient penalties (every layer kind; batch normalisation in training mode). A plan
 * compiled for inference runs {@link #forward} in inference mode (batch normalisation with its running statistics)
 * and {@link #inputGradient} alone. Inputs and outputs are flat examples, [batch, size]. Not thread-safe.
 */
final class ChainPlan implements PlannedNetwork.BatchPlan {

    private final Chain chain;
    private final int batch;
    private final INDArray input;
    private final INDArray inputGradient;
    private final INDArray output;
    private final INDArray outputGradient;
    private final List<ChainLayer.Pass> passes = new ArrayList<>();
    private final INDArray gradient;
    /** The R-operator's arrays and passes, compiled on first use (training never needs them). */
    private Curvature curvature;

    ChainPlan(Chain chain, int batch, INDArray params, INDArray gradient) {
        this(chain, batch, params, gradient, false);
    }

    /**
     * The plan in training mode or, when {@code inference}, in inference mode (each layer's
     * {@link ChainLayer#compileInference}: {@link #forward} is DL4J's {@code output(x, false)} and only
     * {@link #inputGradient} may follow it; {@code gradient} is then scratch).
     */
    ChainPlan(Chain chain, int batch, INDArray params, INDArray gradient, boolean inference) {
        DataType type = params.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE || gradient.dataType() != type) {
            throw new IllegalArgumentException("the engine computes in FLOAT or DOUBLE with a gradient of the same"
                    + " type, not " + type + " and " + gradient.dataType());
        }
        if (batch < 1) {
            throw new IllegalArgumentException("a batch needs at least one row, not " + batch);
        }
        if (params.length() != chain.parameters() || gradient.length() != chain.parameters()) {
            throw new IllegalArgumentException("the chain has " + chain.parameters() + " parameters; given vectors of "
                    + params.length() + " and " + gradient.length());
        }
        this.chain = chain;
        this.batch = batch;
        this.gradient = gradient;
        input = Nd4j.create(type, batch, chain.inputSize());
        inputGradient = Nd4j.create(type, batch, chain.inputSize());
        INDArray in = input;
        INDArray inGradient = inputGradient;
        long offset = 0;
        try {
            for (ChainLayer layer : chain.layers()) {
                long[] shape = withBatch(layer.inputShape());
                ChainLayer.Pass pass = inference
                        ? layer.compileInference(batch, params, gradient, offset, view(in, shape),
                        view(inGradient, shape))
                        : layer.compile(batch, params, gradient, offset, view(in, shape), view(inGradient, shape));
                passes.add(pass);
                in = pass.output();
                inGradient = pass.outputGradient();
                offset += layer.parameters();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        output = view(in, batch, chain.outputSize());
        outputGradient = view(inGradient, batch, chain.outputSize());
    }

    private long[] withBatch(long[] example) {
        long[] shape = new long[example.length + 1];
        shape[0] = batch;
        System.arraycopy(example, 0, shape, 1, example.length);
        return shape;
    }

    /** {@code a} ('c' order, contiguous) as {@code shape}, sharing its buffer. */
    private static INDArray view(INDArray a, long... shape) {
        if (java.util.Arrays.equals(a.shape(), shape)) {
            return a;
        }
        INDArray v = a.reshape('c', shape);
        if (v.data().address() != a.data().address() || v.offset() != a.offset()) {
            throw new IllegalStateException("a reshape copied " + a.shapeInfoToString());
        }
        return v;
    }

    Chain chain() {
        return chain;
    }

    int batch() {
        return batch;
    }

    /** The training-mode output, [batch, outputs], for a flat input batch [batch, inputs]. */
    @Override
    public INDArray forward(INDArray x) {
        input.assign(x.rank() == 2 ? x : x.reshape(batch, chain.inputSize()));
        for (ChainLayer.Pass p : passes) {
            p.forward();
        }
        return output;
    }

    /** From dL/d(output): the parameter gradient into the flat gradient, and dL/d(input), [batch, inputs]. */
    @Override
    public INDArray backward(INDArray dOutput) {
        outputGradient.assign(dOutput);
        for (int l = passes.size() - 1; l >= 0; l--) {
            passes.get(l).backward(true);
        }
        return inputGradient;
    }

    /** dL/d(input) alone from dL/d(output) (the flat gradient may or may not change). */
    @Override
    public INDArray inputGradient(INDArray dOutput) {
        outputGradient.assign(dOutput);
        for (int l = passes.size() - 1; l >= 0; l--) {
            passes.get(l).backward(false);
        }
        return inputGradient;
    }

    INDArray output() {
        return output;
    }

    /**
     * The R-operator's part of the plan: R(input) [batch, inputs], a parameter direction v and the product
     * R{∂L/∂θ} (flat, shaped as the gradient), and each layer's {@link ChainLayer.RPass} reading the one below's R
     * arrays through the same reshaping views as the passes.
     */
    private final class Curvature implements AutoCloseable {
        final INDArray rInput;
        final INDArray rInputGradient;
        final INDArray direction;
        final INDArray product;
        final INDArray rOutput;
        final INDArray rOutputGradient;
        final List<ChainLayer.RPass> rPasses = new ArrayList<>();

        Curvature() {
            DataType type = input.dataType();
            rInput = Nd4j.create(type, batch, chain.inputSize());
            rInputGradient = Nd4j.create(type, batch, chain.inputSize());
            direction = Nd4j.create(type, gradient.shape());
            product = Nd4j.create(type, gradient.shape());
            INDArray in = rInput;
            INDArray inGradient = rInputGradient;
            long offset = 0;
            try {
                for (int l = 0; l < passes.size(); l++) {
                    ChainLayer layer = chain.layers().get(l);
                    long[] shape = withBatch(layer.inputShape());
                    ChainLayer.RPass r;
                    try {
                        r = passes.get(l).curvature(offset, direction, product, view(in, shape),
                                view(inGradient, shape));
                    } catch (UnsupportedOperationException e) {
                        throw new UnsupportedOperationException("layer '" + layer.name() + "' (" + kind(layer)
                                + ") has no second derivatives on the engine"
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
                    }
                    rPasses.add(r);
                    in = r.rOutput();
                    inGradient = r.rOutputGradient();
                    offset += layer.parameters();
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            rOutput = view(in, batch, chain.outputSize());
            rOutputGradient = view(inGradient, batch, chain.outputSize());
        }

        @Override
        public void close() {
            rPasses.forEach(ChainLayer.RPass::close);
        }
    }

    private static String kind(ChainLayer layer) {
        if (layer instanceof ChainBatchNorm) {
            return "batch normalisation";
        }
        if (layer instanceof ChainVirtualBatchNorm) {
            return "virtual batch normalisation";
        }
        if (layer instanceof ChainPooling p) {
            return p.max() ? "max pooling" : "average pooling";
        }
        return layer.getClass().getSimpleName().replaceFirst("^Chain", "").toLowerCase(java.util.Locale.ROOT);
    }

    private Curvature curvature() {
        if (curvature == null) {
            curvature = new Curvature();
        }
        return curvature;
    }

    /**
     * Compiles the R-operator now (it is otherwise compiled on first use).
     *
     * @throws UnsupportedOperationException naming the first layer without one (batch normalisation in a plan
     *                                       compiled for inference)
     */
    @Override
    public void compileCurvature() {
        curvature();
    }

    /** The live R(input) [batch, inputs], the input direction u that {@link #rForward} follows (R x = u). */
    INDArray rInput() {
        return curvature().rInput;
    }

    /** The live parameter direction v (shaped as the gradient) that {@link #rForward} follows when asked. */
    INDArray direction() {
        return curvature().direction;
    }

    /** R{dL/d(output)} [batch, outputs], to be written before {@link #rBackward}. */
    INDArray rOutputGradient() {
        return curvature().rOutputGradient;
    }

    /** R{dL/d(input)} [batch, inputs] of the last {@link #rBackward}. */
    INDArray rInputGradient() {
        return curvature().rInputGradient;
    }

    /**
     * Pearlmutter's R-forward at the last {@link #forward}, along the input direction {@link #rInput()} and, when
     * {@code alongParameters}, the parameter direction {@link #direction()} (else v = 0); returns the live
     * R(output) [batch, outputs].
     */
    INDArray rForward(boolean alongParameters) {
        Curvature c = curvature();
        for (ChainLayer.RPass r : c.rPasses) {
            r.rForward(alongParameters);
        }
        return c.rOutput;
    }

    /**
     * R-backward from {@link #rOutputGradient()}, after a {@link #forward}, a backward pass and {@link #rForward}
     * at the same point with the same {@code alongParameters}: fills {@link #rInputGradient()} and returns the live
     * R{∂L/∂θ} (shaped as the gradient, summed over the batch). Along a parameter direction v alone, with
     * R{dL/d(output)} = (∂²L/∂out²)·R(output), that is the Hessian-vector product H·v.
     */
    INDArray rBackward(boolean alongParameters) {
        Curvature c = curvature();
        for (int l = c.rPasses.size() - 1; l >= 0; l--) {
            c.rPasses.get(l).rBackward(alongParameters);
        }
        return c.product;
    }

    /**
     * After {@link #forward} at x and a backward pass from an output gradient e at the same x (e held fixed), the
     * derivative of ∂L/∂θ along the input direction u, L = Σ e ⊙ output: R{∂L/∂θ} with R x = u, v = 0 and
     * R{dL/d(output)} = 0. Returns the live vector (shaped as the gradient); the gradient itself is left alone.
     */
    @Override
    public INDArray inputDirectionalGradient(INDArray u) {
        Curvature c = curvature();
        c.rInput.assign(u.rank() == 2 ? u : u.reshape(batch, chain.inputSize()));
        c.rOutputGradient.assign(0);
        rForward(false);
        return rBackward(false);
    }

    /**
     * Along the parameter direction v alone (R x = 0): R-forward, R{dL/d(output)} from {@code rOutputGradient}, then
     * R-backward; returns H·v and R{∂L/∂x}, live. See {@link TrainingNetwork#parameterDirectionalPass}.
     */
    @Override
    public TrainingNetwork.ParameterDirectionalPass parameterDirectionalPass(
            INDArray v, java.util.function.UnaryOperator<INDArray> rOutputGradient) {
        Curvature c = curvature();
        c.direction.assign(v.reshape(c.direction.shape()));
        c.rInput.assign(0);
        INDArray rOutput = rForward(true);
        c.rOutputGradient.assign(rOutputGradient.apply(rOutput));
        INDArray product = rBackward(true);
        return new TrainingNetwork.ParameterDirectionalPass(product, c.rInputGradient);
    }

    /** The compiled layers in order (for timing them one by one). */
    List<ChainLayer.Pass> passes() {
        return List.copyOf(passes);
    }

    @Override
    public void close() {
        if (curvature != null) {
            curvature.close();
        }
        passes.forEach(ChainLayer.Pass::close);
    }
}
