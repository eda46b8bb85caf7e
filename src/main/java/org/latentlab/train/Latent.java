package org.latentlab.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Latent codes: standard normal, drawn from a seeded Java generator so that runs are reproducible. */
public final class Latent {

    private Latent() {
    }

    public static INDArray gaussian(int n, int dim, Random rng, DataType dataType) {
        if (dataType == DataType.DOUBLE) {
            double[] z = new double[n * dim];
            for (int i = 0; i < z.length; i++) {
                z[i] = rng.nextGaussian();
            }
            return Nd4j.create(z, new long[] {n, dim}, DataType.DOUBLE);
        }
        float[] z = new float[n * dim];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        return Nd4j.create(z, new long[] {n, dim});
    }

    /** A regular grid of codes over [−range, range]² (for 2-D latent spaces), row-major: index = row * res + col. */
    public static INDArray grid(int res, double range, DataType dataType) {
        double[] z = new double[res * res * 2];
        for (int r = 0; r < res; r++) {
            for (int c = 0; c < res; c++) {
                int i = r * res + c;
                z[2 * i] = -range + 2 * range * c / (res - 1);
                z[2 * i + 1] = range - 2 * range * r / (res - 1);
            }
        }
        return Nd4j.create(z, new long[] {(long) res * res, 2}, dataType);
    }
}
