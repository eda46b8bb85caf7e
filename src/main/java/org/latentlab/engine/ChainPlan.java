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
 * the batch, as DL4J's) and to the input; {@link #backwardToInput} to the input alone. Inputs and outputs are flat
 * examples, [batch, size]. A plan compiled for inference runs {@link #forward} in inference mode (batch
 * normalisation with its running statistics) and {@link #inputGradient} alone. Not thread-safe.
 */
final class ChainPlan implements PlannedNetwork.BatchPlan {

    private final Chain chain;
    private final int batch;
    private final INDArray input;
    private final INDArray inputGradient;
    private final INDArray output;
    private final INDArray outputGradient;
    private final List<ChainLayer.Pass> passes = new ArrayList<>();

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

    /** The compiled layers in order (for timing them one by one). */
    List<ChainLayer.Pass> passes() {
        return List.copyOf(passes);
    }

    @Override
    public void close() {
        passes.forEach(ChainLayer.Pass::close);
    }
}
