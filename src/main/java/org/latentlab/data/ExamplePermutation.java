package org.latentlab.data;

import java.util.Random;

/** An {@link ExampleSet} in a fixed shuffled order (Fisher–Yates with a seeded generator), sharing the storage. */
final class ExamplePermutation implements ExampleSet {

    private final ExampleSet base;
    private final int[] order;
    private final long seed;

    ExamplePermutation(ExampleSet base, long seed) {
        this.base = base;
        this.seed = seed;
        this.order = new int[base.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random rng = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public int[] shape() {
        return base.shape();
    }

    @Override
    public int size() {
        return order.length;
    }

    @Override
    public float[] example(int i) {
        return base.example(order[i]);
    }

    @Override
    public boolean hasLabels() {
        return base.hasLabels();
    }

    @Override
    public int label(int i) {
        return base.label(order[i]);
    }

    @Override
    public String labelName(int label) {
        return base.labelName(label);
    }

    @Override
    public void sample(int n, Random rng, float[] out) {
        ExampleSet.sampleUniform(this, n, rng, out);
    }

    @Override
    public String contentHash() {
        return base.contentHash() + "/shuffled-" + seed;
    }
}
