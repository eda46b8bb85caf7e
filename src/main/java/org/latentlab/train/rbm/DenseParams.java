package org.latentlab.train.rbm;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters of one dense layer {@code y = f(x W + bias)}: {@code weights} is {@code [in x out]} and
 * {@code bias} is {@code [1 x out]}. Used to hand an unrolled {@link DeepBeliefNet} to a deep autoencoder as its
 * initial weights. The arrays are copies owned by whoever receives the record.
 */
public record DenseParams(INDArray weights, INDArray bias) {

    public DenseParams {
        if (weights == null || bias == null) {
            throw new IllegalArgumentException("a dense layer needs both weights and a bias");
        }
        if (weights.rank() != 2) {
            throw new IllegalArgumentException("dense weights must be a matrix [in x out], not rank " + weights.rank());
        }
        if (bias.rank() != 2 || bias.rows() != 1 || bias.columns() != weights.columns()) {
            throw new IllegalArgumentException("the bias must be a row vector [1 x " + weights.columns()
                    + "] to match weights [" + weights.rows() + " x " + weights.columns() + "], not "
                    + java.util.Arrays.toString(bias.shape()));
        }
    }

    /** Number of inputs. */
    public int in() {
        return weights.rows();
    }

    /** Number of outputs. */
    public int out() {
        return weights.columns();
    }

    @Override
    public String toString() {
        return "Dense " + in() + "-" + out();
    }
}
