package org.latentlab.data;

import java.util.Random;

/** A contiguous slice {@code [from, to)} of an {@link ExampleSet}, e.g. its training or held-out part. */
final class ExampleRange implements ExampleSet {

    private final ExampleSet base;
    private final int from;
    private final int to;

    ExampleRange(ExampleSet base, int from, int to) {
        if (from < 0 || to > base.size() || from >= to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is not inside the " + base.size()
                    + " examples of " + base.name());
        }
        this.base = base;
        this.from = from;
        this.to = to;
    }

    @Override
    public String name() {
        return base.name() + " [" + from + ", " + to + ")";
    }

    @Override
    public int[] shape() {
        return base.shape();
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public float[] example(int i) {
        return base.example(from + check(i));
    }

    @Override
    public boolean hasLabels() {
        return base.hasLabels();
    }

    @Override
    public int label(int i) {
        return base.label(from + check(i));
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
        return base.contentHash() + "[" + from + "," + to + ")";
    }

    private int check(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("example " + i + " of " + size());
        }
        return i;
    }
}
