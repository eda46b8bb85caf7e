package org.latentlab.train.classifier;

import org.latentlab.data.ExampleSet;

import java.util.Random;

/**
 * A toy labelled image set for tests: 1 x 8 x 8 images of three classes that a convolution separates, a bright
 * bar in the left column band (class 0), the right band (class 1) or the top row band (class 2), on uniform noise.
 */
final class LabelledImages implements ExampleSet {

    static final int SIDE = 8;

    private final float[][] images;
    private final int[] labels;

    LabelledImages(int count, long seed) {
        Random r = new Random(seed);
        images = new float[count][SIDE * SIDE];
        labels = new int[count];
        for (int i = 0; i < count; i++) {
            int c = r.nextInt(3);
            labels[i] = c;
            int offset = r.nextInt(3);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean bar = switch (c) {
                        case 0 -> x == offset;
                        case 1 -> x == SIDE - 1 - offset;
                        default -> y == offset;
                    };
                    images[i][y * SIDE + x] = (float) (0.3 * r.nextDouble() + (bar ? 0.7 : 0));
                }
            }
        }
    }

    @Override
    public String name() {
        return "bars";
    }

    @Override
    public int[] shape() {
        return new int[] {1, SIDE, SIDE};
    }

    @Override
    public int size() {
        return images.length;
    }

    @Override
    public float[] example(int i) {
        return images[i].clone();
    }

    @Override
    public boolean hasLabels() {
        return true;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public void sample(int n, Random rng, float[] out) {
        ExampleSet.sampleUniform(this, n, rng, out);
    }

    @Override
    public String contentHash() {
        return "bars-" + images.length;
    }
}
