package org.latentlab.data;

import org.latentlab.core.Seeds;

import java.util.Random;

/**
 * Stacked MNIST, the image benchmark of mode collapse in the unrolled-GAN, VEEGAN and PacGAN papers (Metz et al.
 * 2017, "Unrolled generative adversarial networks"; Srivastava et al. 2017, "VEEGAN: Reducing mode collapse in GANs
 * using implicit variational learning"; Lin et al. 2018, "PacGAN: The power of two samples in generative
 * adversarial networks"): each example is three MNIST digits drawn at random, stacked as the three channels of one
 * 3 × 28 × 28 image, so the data has 10³ = 1,000 modes, one per ordered triple of digits.
 *
 * <p>Example i is made of the digits {@link #digitIndices(int) digitIndices(i)}, three draws with replacement from
 * a generator seeded from (seed, i): the set is reproducible, any example is made on its own, and nothing but the
 * digits is stored. Its label is the mode 100·d₀ + 10·d₁ + d₂ of the channels' labels (d₀ the first channel).
 * Pixels are the digit set's, in its scale.
 */
public final class StackedMnist implements ExampleSet {

    /** Channels of an example: one digit each. */
    public static final int CHANNELS = 3;
    /** Modes: ordered triples of digits. */
    public static final int MODES = 1000;
    /** Examples in the set the lab opens for {@code {"kind": "stacked"}}. */
    public static final int DEFAULT_SIZE = 100_000;
    /**
     * The random-number seed of the set the lab opens: fixed, so that every experiment on Stacked MNIST sees the same images
     * (its content hash records it).
     */
    public static final long DEFAULT_SEED = 2017;

    private final ExampleSet digits;
    private final int size;
    private final long seed;
    private final int digitSize;

    /**
     * @param digits single-channel digit images (labels 0..9 if labelled)
     * @param size   examples in the stacked set
     * @param seed   what the draws of the digits are seeded from
     */
    public StackedMnist(ExampleSet digits, int size, long seed) {
        int[] shape = digits.shape();
        if (shape.length != 3 || shape[0] != 1) {
            throw new IllegalArgumentException("Stacked MNIST stacks single-channel images, not "
                    + java.util.Arrays.toString(shape));
        }
        if (size < 1 || digits.size() < 1) {
            throw new IllegalArgumentException("Stacked MNIST needs at least one digit and one example, not "
                    + digits.size() + " and " + size);
        }
        this.digits = digits;
        this.size = size;
        this.seed = seed;
        this.digitSize = digits.dimension();
    }

    /** The indices, in the digit set, of the digits in channels 0, 1 and 2 of example {@code i}. */
    public int[] digitIndices(int i) {
        check(i);
        Random r = new Random(Seeds.seed(seed, i));
        return new int[] {r.nextInt(digits.size()), r.nextInt(digits.size()), r.nextInt(digits.size())};
    }

    /** The mode of three digits: 100·d₀ + 10·d₁ + d₂. */
    public static int mode(int d0, int d1, int d2) {
        if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
            throw new IllegalArgumentException("digits are 0..9, not " + d0 + ", " + d1 + ", " + d2);
        }
        return 100 * d0 + 10 * d1 + d2;
    }

    @Override
    public String name() {
        return "stacked " + digits.name();
    }

    @Override
    public int[] shape() {
        int[] d = digits.shape();
        return new int[] {CHANNELS, d[1], d[2]};
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public float[] example(int i) {
        int[] idx = digitIndices(i);
        float[] out = new float[CHANNELS * digitSize];
        for (int c = 0; c < CHANNELS; c++) {
            System.arraycopy(digits.example(idx[c]), 0, out, c * digitSize, digitSize);
        }
        return out;
    }

    @Override
    public boolean hasLabels() {
        return digits.hasLabels();
    }

    @Override
    public int label(int i) {
        if (!digits.hasLabels()) {
            check(i);
            return -1;
        }
        int[] idx = digitIndices(i);
        return mode(digits.label(idx[0]), digits.label(idx[1]), digits.label(idx[2]));
    }

    /** "047": the digits of the three channels. */
    @Override
    public String labelName(int label) {
        return String.format(java.util.Locale.ROOT, "%03d", label);
    }

    @Override
    public void sample(int n, Random rng, float[] out) {
        ExampleSet.sampleUniform(this, n, rng, out);
    }

    @Override
    public String contentHash() {
        return "stacked-" + size + "-" + seed + "/" + digits.contentHash();
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("example " + i + " of " + size);
        }
    }

    @Override
    public String toString() {
        return name() + ": " + size + " images 3x" + digits.shape()[1] + "x" + digits.shape()[2] + ", seed " + seed;
    }
}
