package org.latentlab.experiment.randomlabels;

import org.latentlab.data.ExampleSet;

import java.util.Random;

/**
 * A training set with its labels replaced ({@link LabelShuffle}) and, optionally, its images replaced by Gaussian
 * noise of the set's own mean and standard deviation, drawn once per image from a seed (Zhang et al. 2017, Section 3.1,
 * "Gaussian"): the network then sees no digit at all and can only memorise. The images stay in memory (the sets
 * are small).
 */
public final class CorruptedSet implements ExampleSet {

    private final String name;
    private final int[] shape;
    private final float[][] images;
    private final int[] labels;
    private final String hash;

    private CorruptedSet(String name, int[] shape, float[][] images, int[] labels, String hash) {
        this.name = name;
        this.shape = shape;
        this.images = images;
        this.labels = labels;
        this.hash = hash;
    }

    /** The images of {@code base} with the given labels. */
    public static CorruptedSet relabelled(ExampleSet base, int[] labels, String what) {
        float[][] images = new float[base.size()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = base.example(i);
        }
        return new CorruptedSet(base.name() + ", " + what, base.shape(), images, labels.clone(),
                base.contentHash() + "/" + what);
    }

    /** Gaussian images of {@code base}'s pixel mean and standard deviation, with its true labels. */
    public static CorruptedSet gaussian(ExampleSet base, long seed) {
        int n = base.size();
        int d = base.dimension();
        double sum = 0;
        double sq = 0;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (float v : base.example(i)) {
                sum += v;
                sq += (double) v * v;
            }
            labels[i] = base.label(i);
        }
        double mean = sum / ((double) n * d);
        double sd = Math.sqrt(Math.max(0, sq / ((double) n * d) - mean * mean));
        Random rng = new Random(seed);
        float[][] images = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                images[i][j] = (float) (mean + sd * rng.nextGaussian());
            }
        }
        return new CorruptedSet(base.name() + ", Gaussian inputs", base.shape(), images, labels,
                base.contentHash() + "/gaussian-" + seed);
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
    public int size() {
        return labels.length;
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
        return hash;
    }
}
