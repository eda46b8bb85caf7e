package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One libnd4j op with its inputs, outputs and arguments fixed when the plan is compiled: its native op context is
 * built once and re-executed, so a call goes straight to the native op (no output-shape computation, no
 * allocation, no new context). The arrays must stay alive and keep their buffers for the kernel's lifetime.
 */
final class Kernel implements AutoCloseable {

    private final DynamicCustomOp op;
    private final OpContext context;
    /** Whether the op runs with libnd4j's platform helpers (oneDNN) on; see {@link NativeBuild}. */
    private boolean helpers;

    Kernel(String name, INDArray[] inputs, INDArray[] outputs, long[] ints, double[] floats) {
        this.op = DynamicCustomOp.builder(name).addInputs(inputs).addOutputs(outputs).build();
        this.context = Nd4j.getExecutioner().buildContext();
        context.setInputArrays(inputs);
        context.setOutputArrays(outputs);
        if (ints.length > 0) {
            context.setIArguments(ints);
        }
        if (floats.length > 0) {
            context.setTArguments(floats);
        }
    }

    static Kernel of(String name, INDArray[] inputs, INDArray output, long... ints) {
        return new Kernel(name, inputs, new INDArray[] {output}, ints, new double[0]);
    }

    /** An op with several outputs (a backward op's gradients), in the op's order. */
    static Kernel of(String name, INDArray[] inputs, INDArray[] outputs, long... ints) {
        return new Kernel(name, inputs, outputs, ints, new double[0]);
    }

    static Kernel withFloats(String name, INDArray[] inputs, INDArray output, double... floats) {
        return new Kernel(name, inputs, new INDArray[] {output}, new long[0], floats);
    }

    /** An op with integer and floating-point arguments (batch normalisation: axes and epsilon). */
    static Kernel of(String name, INDArray[] inputs, INDArray[] outputs, long[] ints, double[] floats) {
        return new Kernel(name, inputs, outputs, ints, floats);
    }

    /**
     * out = alpha · op(a) · op(b) + beta · out, op = transpose where asked (BLAS gemm semantics; beta = 1
     * accumulates into out).
     */
    static Kernel gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray out,
                       double alpha, double beta) {
        return new Kernel("matmul", new INDArray[] {a, b}, new INDArray[] {out},
                new long[] {transposeA ? 1 : 0, transposeB ? 1 : 0, 0}, new double[] {alpha, beta});
    }

    /** Elementwise product {@code out = a ⊙ b} (same shapes, or b broadcast along a's rows). */
    static Kernel multiply(INDArray a, INDArray b, INDArray out) {
        return of("multiply", new INDArray[] {a, b}, out);
    }

    /** Elementwise sum {@code out = a + b}. */
    static Kernel add(INDArray a, INDArray b, INDArray out) {
        return of("add", new INDArray[] {a, b}, out);
    }

    /** This kernel, run with oneDNN allowed (convolutions); every other op runs without ({@link NativeBuild}). */
    Kernel withHelpers() {
        helpers = true;
        return this;
    }

    void run() {
        if (!helpers) {
            Nd4j.exec(op, context);
            return;
        }
        Nd4j.getEnvironment().allowHelpers(true);
        try {
            Nd4j.exec(op, context);
        } finally {
            Nd4j.getEnvironment().allowHelpers(false);
        }
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (Exception e) {
            // the context's native memory is released with it or by the deallocator; nothing to report
        }
    }
}
