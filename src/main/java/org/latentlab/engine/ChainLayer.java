package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer kind of a {@link ChainPlan}, as read from a DL4J network: how many values it takes from the flat
 * parameter vector (DL4J's count for the layer, in DL4J's order), the shape of one example it outputs, and how it
 * compiles for a batch size into a {@link Pass}. A new layer kind implements this and is read in {@link Chain};
 * the plan itself does not change.
 */
interface ChainLayer {

    /** A name for messages. */
    String name();

    /** Values it takes from the flat parameter vector (0 for a layer without parameters). */
    long parameters();

    /** The shape of one example it takes: {units} or {channels, height, width}. */
    long[] inputShape();

    /** The shape of one example it outputs: {units} or {channels, height, width}. */
    long[] outputShape();

    /**
     * The layer compiled for batches of {@code batch}: it reads its parameters from {@code params} and writes their
     * gradient into {@code gradient} (flat vectors of one data type, DL4J's layout) from {@code offset} on, reads
     * {@code input} and writes dL/d(input) into {@code inputGradient} (the layer below's output and output gradient,
     * [batch, inputShape...] in 'c' order); its own output and output gradient are allocated here.
     */
    Pass compile(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                 INDArray inputGradient);

    /**
     * The layer compiled for inference (DL4J's {@code output(x, false)}): like {@link #compile}, but the pass's
     * forward computes the inference-mode output and its backward runs with {@code toParameters} false only (the
     * input gradient); {@code gradient} is scratch the pass may write. Layers that compute the same in both modes
     * (all but batch normalisation) keep this default.
     */
    default Pass compileInference(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                                  INDArray inputGradient) {
        return compile(batch, params, gradient, offset, input, inputGradient);
    }

    /** A compiled layer: preallocated arrays, kernels built once. Not thread-safe. */
    interface Pass extends AutoCloseable {

        /** [batch, outputShape...], 'c' order: what {@link #forward} writes. */
        INDArray output();

        /** dL/d(output), same shape: what {@link #backward} reads. */
        INDArray outputGradient();

        /** The training-mode output from the input. */
        void forward();

        /**
         * From {@link #outputGradient()}: dL/d(input) into the input gradient and, when {@code toParameters}, the
         * layer's part of the flat gradient (summed over the batch, as DL4J's). Reads what the last
         * {@link #forward} read and wrote. Without {@code toParameters} the gradient may or may not change.
         */
        void backward(boolean toParameters);

        @Override
        void close();
    }
}
