package org.latentlab.latent;

import org.latentlab.data.ExampleSet;

import java.util.Random;

/** A small labelled example set held in memory, for tests. */
final class ArrayExamples implements ExampleSet {

    private final float[][] examples;
    private final int[] labels;
    private final int[] shape;

    ArrayExamples(float[][] examples, int[] labels, int... shape) {
        this.examples = examples;
        this.labels = labels;
        this.shape = shape;
    }

    @Override
    public String name() {
        return "array";
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public void sample(int n, Random rng, float[] out) {
        ExampleSet.sampleUniform(this, n, rng, out);
    }

    @Override
    public String contentHash() {
        return "test";
    }

    @Override
    public int size() {
        return examples.length;
    }

    @Override
    public float[] example(int i) {
        return examples[i].clone();
    }

    @Override
    public boolean hasLabels() {
        return labels != null;
    }

    @Override
    public int label(int i) {
        return labels == null ? -1 : labels[i];
    }
}
