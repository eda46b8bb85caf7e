package org.latentlab.train;

import org.latentlab.data.DataSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Training batches drawn from a data set into ND4J arrays with one bulk copy: {@code Nd4j.create(float[], shape)}
 * stored value by value, which cost more than an MLP autoencoder's arithmetic at batch 128 of MNIST images.
 */
public final class Batches {

    private Batches() {
    }

    /** {@code n} examples drawn by {@link DataSource#sample}, as [n, dimension] in {@code type}. */
    public static INDArray sample(DataSource data, int n, Random rng, DataType type) {
        float[] values = new float[n * data.dimension()];
        data.sample(n, rng, values);
        INDArray x = Nd4j.createFromArray(values).reshape(n, data.dimension());
        return type == DataType.FLOAT ? x : x.castTo(type);
    }
}
