package org.latentlab.testing;

import org.latentlab.data.ExampleSet;

import java.util.Arrays;
import java.util.Random;

/** An unlabelled image set held as one flat array of pixels (example after example), for tests. */
public final class FlatImages implements ExampleSet {

    private final String name;
    private final int[] shape;
    private final float[] pixels;
    private final int size;

    public FlatImages(String name, float[] pixels, int... shape) {
        this.name = name;
        this.shape = shape.clone();
        this.pixels = pixels;
        this.size = pixels.length / Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    @Override
    public String name() {
        return name;
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
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public float[] example(int i) {
        int d = pixels.length / size;
        return Arrays.copyOfRange(pixels, d * i, d * i + d);
    }

    @Override
    public boolean hasLabels() {
        return false;
    }

    @Override
    public int label(int i) {
        return -1;
    }
}
