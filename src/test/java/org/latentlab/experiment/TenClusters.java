package org.latentlab.experiment;

import org.latentlab.data.ExampleSet;

import java.util.Random;

/**
 * A small labelled set shaped like a digit set for an autoencoder with a 2-D code: ten well separated clusters in
 * (0, 1)^d, example i of cluster k being σ(cₖ + 0.5 ε) with cₖ ~ N(0, 4 I) and ε ~ N(0, I). Reconstructing it
 * rewards codes that keep the clusters apart, which is what pulls an adversarial autoencoder's code away from its
 * prior when the reconstruction phase outpaces the regularisation phase.
 */
final class TenClusters implements ExampleSet {

    private final float[][] x;
    private final int[] labels;
    private final int dim;

    TenClusters(int n, int dim, long seed) {
        this.dim = dim;
        Random r = new Random(seed);
        double[][] centres = new double[10][dim];
        for (double[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = 2 * r.nextGaussian();
            }
        }
        x = new float[n][dim];
        labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            labels[i] = k;
            for (int j = 0; j < dim; j++) {
                x[i][j] = (float) (1 / (1 + Math.exp(-(centres[k][j] + 0.5 * r.nextGaussian()))));
            }
        }
    }

    @Override
    public String name() {
        return "ten-clusters";
    }

    @Override
    public int[] shape() {
        return new int[] {dim};
    }

    @Override
    public void sample(int n, Random rng, float[] out) {
        ExampleSet.sampleUniform(this, n, rng, out);
    }

    @Override
    public String contentHash() {
        return "ten-clusters-" + x.length + "-" + dim;
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
