package org.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * The maximum over groups of a chain, the second half of a maxout layer (Goodfellow et al. 2013; the lab's
 * {@code MaxoutLayer}, read as a {@link ChainDense} of units·pieces outputs followed by this): input z [n, units·pieces]
 * seen as [n, units, pieces], output h_j = max_k z_jk. The forward pass also records, as a one-hot mask M [n, units,
 * pieces], which piece won (the first of equal maxima); the backward pass routes dL/dh_j to it, dL/dz = M ⊙ dL/dh.
 * No parameters.
 *
 * <p>Pearlmutter's R-operator: the routing is fixed almost everywhere (wherever no two pieces are equal), so the
 * layer is linear there: R h = Σ_k M ⊙ R z and R{dL/dz} = M ⊙ R{dL/dh}, with the mask of the last forward pass.
 */
record ChainMaxout(String name, int units, int pieces) implements ChainLayer {

    @Override
    public long parameters() {
        return 0;
    }

    @Override
    public long[] inputShape() {
        return new long[] {(long) units * pieces};
    }

    @Override
    public long[] outputShape() {
        return new long[] {units};
    }

    @Override
    public Pass compile(int batch, INDArray params, INDArray gradient, long offset, INDArray input,
                        INDArray inputGradient) {
        DataType type = input.dataType();
        INDArray groups = grouped(input, batch);
        INDArray groupGradient = grouped(inputGradient, batch);
        INDArray output = Nd4j.create(type, batch, units);
        INDArray outputGradient = Nd4j.create(type, batch, units);
        INDArray winner = Nd4j.create(DataType.INT64, batch, units);
        INDArray mask = Nd4j.create(type, batch, units, pieces);
        List<Kernel> forward = List.of(
                Kernel.of("argmax", new INDArray[] {groups}, winner, 2),
                Kernel.of("onehot", new INDArray[] {winner}, new INDArray[] {mask}, new long[] {2, pieces},
                        new double[] {1, 0}),
                Kernel.of("reduce_max", new INDArray[] {groups}, output, 2));
        Kernel backward = Kernel.multiply(mask, outputGradient.reshape(batch, units, 1), groupGradient);
        return new Pass() {
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
                forward.forEach(Kernel::run);
            }

            @Override
            public void backward(boolean toParameters) {
                backward.run();
            }

            @Override
            public RPass curvature(long offset, INDArray direction, INDArray product, INDArray rInput,
                                   INDArray rInputGradient) {
                INDArray rOutput = Nd4j.create(type, batch, units);
                INDArray rOutputGradient = Nd4j.create(type, batch, units);
                INDArray routed = mask.ulike();
                Kernel rForward = Kernel.multiply(mask, grouped(rInput, batch), routed);
                Kernel rSum = Kernel.of("reduce_sum", new INDArray[] {routed}, rOutput, 2);
                Kernel rBackward = Kernel.multiply(mask, rOutputGradient.reshape(batch, units, 1),
                        grouped(rInputGradient, batch));
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
                        rForward.run();
                        rSum.run();
                    }

                    @Override
                    public void rBackward(boolean alongParameters) {
                        rBackward.run();
                    }

                    @Override
                    public void close() {
                        List.of(rForward, rSum, rBackward).forEach(Kernel::close);
                    }
                };
            }

            @Override
            public void close() {
                forward.forEach(Kernel::close);
                backward.close();
            }
        };
    }

    /** {@code a} [batch, units·pieces] seen as [batch, units, pieces]: a view on its buffer. */
    private INDArray grouped(INDArray a, int batch) {
        if (a.ordering() != 'c' || a.elementWiseStride() != 1 || a.length() != (long) batch * units * pieces) {
            throw new IllegalStateException("layer '" + name + "' needs a contiguous [" + batch + ", " + units * pieces
                    + "] input to read its groups in place");
        }
        return Nd4j.create(a.data(), new long[] {batch, units, pieces}, new long[] {(long) units * pieces, pieces, 1},
                a.offset(), 'c');
    }
}
