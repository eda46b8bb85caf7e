package org.latentlab.train.aae;

import org.latentlab.data.ExampleSet;

import java.util.Random;

/**
 * A small labelled set for tests: each example is 6 values in (0, 1), smooth functions σ(aⱼ·u + bⱼ) of a hidden
 * u ~ N(0, I₂), labelled by the tenth of the circle u points into; an encoder can recover u, so its code can be
 * made to follow a 2-D prior.
 */
final class ToyCodes implements ExampleSet {

    static final int DIM = 6;
    private final float[][] x;
    private final int[] labels;

    ToyCodes(int n, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[DIM][2];
        double[] b = new double[DIM];
        for (int j = 0; j < DIM; j++) {
            a[j][0] = r.nextGaussian();
            a[j][1] = r.nextGaussian();
            b[j] = 0.3 * r.nextGaussian();
        }
        x = new float[n][DIM];
        labels = new int[n];
        for (int i = 0; i < n; i++) {
            double u0 = r.nextGaussian();
            double u1 = r.nextGaussian();
            for (int j = 0; j < DIM; j++) {
                x[i][j] = (float) (1 / (1 + Math.exp(-(a[j][0] * u0 + a[j][1] * u1 + b[j]))));
            }
            double angle = Math.atan2(u1, u0);
            labels[i] = Math.floorMod((int) Math.floor(angle / (2 * Math.PI) * 10), 10);
        }
    }

    @Override
    public String name() {
        return "toy-codes";
    }

    @Override
    public int[] shape() {
        return new int[] {DIM};
    }

    @Override
    public void sample(int n, Random rng, float[] out) {
        ExampleSet.sampleUniform(this, n, rng, out);
    }

    @Override
    public String contentHash() {
        return "toy-codes-" + x.length;
    }

    @Override
    public int size() {
        return x.length;
    }

    @Override
    public float[] example(int i) {
        return x[i];
    }

    @Override
    public boolean hasLabels() {
        return true;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }
}
