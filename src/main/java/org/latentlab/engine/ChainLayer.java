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

        /**
         * Compiles the layer's part of Pearlmutter's R-operator R{·} = d/dt (·)(θ + t v, x + t u) over this pass: its
         * R-forward reads R(input) from {@code rInput} (the layer below's R(output)) and, along a parameter
         * direction, the layer's part of the flat {@code direction} from {@code offset} on; its R-backward reads
         * R{dL/d(output)} and writes R{dL/d(input)} into {@code rInputGradient} and R{∂L/∂θ} into the layer's part of
         * the flat {@code product} (summed over the batch). Both use the arrays of the last {@link #forward} and
         * {@link #backward}, the point where the R-operator is taken.
         *
         * @throws UnsupportedOperationException for a layer kind without one (its message, if any, says what to use
         *                                       instead)
         */
        default RPass curvature(long offset, INDArray direction, INDArray product, INDArray rInput,
                                INDArray rInputGradient) {
            throw new UnsupportedOperationException();
        }

        @Override
        void close();
    }

    /**
     * The R-operator of a layer without parameters that is linear in its input (upsampling, average pooling): R(output)
     * by {@code forward} on R(input), R{dL/d(input)} by {@code backward} from R{dL/d(output)}, the same ops as the
     * layer's passes on the R arrays.
     */
    static RPass linear(INDArray rOutput, INDArray rOutputGradient, Kernel forward, Kernel backward) {
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
                forward.run();
            }

            @Override
            public void rBackward(boolean alongParameters) {
                backward.run();
            }

            @Override
            public void close() {
                forward.close();
                backward.close();
            }
        };
    }

    /** A compiled layer's R-operator: preallocated arrays, kernels built once. Not thread-safe. */
    interface RPass extends AutoCloseable {

        /** R(output), [batch, outputShape...]: what {@link #rForward} writes. */
        INDArray rOutput();

        /** R{dL/d(output)}, same shape: what {@link #rBackward} reads. */
        INDArray rOutputGradient();

        /**
         * R(output) from R(input) and, when {@code alongParameters}, the parameter direction (else the direction
         * is taken as 0, whatever it holds).
         */
        void rForward(boolean alongParameters);

        /**
         * From R{dL/d(output)}: R{dL/d(input)} and the layer's part of R{∂L/∂θ}, with the parameter direction's
         * terms when {@code alongParameters}. Reads what the last {@link #rForward} read and wrote.
         */
        void rBackward(boolean alongParameters);

        @Override
        void close();
    }
}
