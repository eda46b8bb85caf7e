package org.latentlab.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Two domains A and B for an unpaired translation (Zhu, Park, Isola and Efros 2017): where training batches of each
 * come from, drawn independently of each other, and a fixed set of held-out examples of each for pictures and
 * measurements. As a {@link DataSource} it is domain A (its shape, its samples), so a run's provenance and the
 * checks on sizes see A; {@link #contentHash()} covers both.
 */
public final class UnpairedDomains implements DataSource {

    private final DataSource a;
    private final DataSource b;
    private final float[][] heldOutA;
    private final float[][] heldOutB;
    private final int[] labelsA;
    private final int[] labelsB;

    /**
     * @throws IllegalArgumentException when the two domains' examples differ in shape or the held-out sets are
     *                                  empty
     */
    public UnpairedDomains(DataSource a, DataSource b, float[][] heldOutA, float[][] heldOutB) {
        this(a, b, heldOutA, heldOutB, null, null);
    }

    /** Domains whose held-out examples carry class labels (null, or -1 for an example without). */
    public UnpairedDomains(DataSource a, DataSource b, float[][] heldOutA, float[][] heldOutB, int[] labelsA,
                           int[] labelsB) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("domain A (" + a.name() + ") has examples of shape "
                    + Arrays.toString(a.shape()) + " and domain B (" + b.name() + ") " + Arrays.toString(b.shape())
                    + ": the two generators map one onto the other, so both domains need the same shape");
        }
        if (heldOutA.length == 0 || heldOutB.length == 0) {
            throw new IllegalArgumentException("each domain needs held-out examples to draw and measure");
        }
        this.a = a;
        this.b = b;
        this.heldOutA = heldOutA;
        this.heldOutB = heldOutB;
        this.labelsA = labelsA == null ? unlabelled(heldOutA.length) : labelsA.clone();
        this.labelsB = labelsB == null ? unlabelled(heldOutB.length) : labelsB.clone();
        if (this.labelsA.length != heldOutA.length || this.labelsB.length != heldOutB.length) {
            throw new IllegalArgumentException("one label per held-out example");
        }
    }

    private static int[] unlabelled(int n) {
        int[] l = new int[n];
        java.util.Arrays.fill(l, -1);
        return l;
    }

    /** The labels of {@link #heldOut}'s examples of a set (-1 each when it has none or is not a finite set). */
    public static int[] labels(DataSource source, int n) {
        int[] out = unlabelled(n);
        if (source instanceof ExampleSet set && set.hasLabels()) {
            for (int k = 0; k < n; k++) {
                out[k] = set.label(k % set.size());
            }
        }
        return out;
    }

    /** The class of each held-out example of A (-1: none). */
    public int[] labelsA() {
        return labelsA.clone();
    }

    /** The class of each held-out example of B (-1: none). */
    public int[] labelsB() {
        return labelsB.clone();
    }

    /** Held-out examples of a data source: the given set's first {@code n}, or {@code n} samples drawn with seed. */
    public static float[][] heldOut(DataSource source, int n, long seed) {
        int d = source.dimension();
        float[][] out = new float[n][];
        if (source instanceof ExampleSet set) {
            for (int k = 0; k < n; k++) {
                out[k] = set.example(k % set.size());
            }
            return out;
        }
        float[] flat = new float[n * d];
        source.sample(n, new Random(seed), flat);
        for (int k = 0; k < n; k++) {
            out[k] = Arrays.copyOfRange(flat, k * d, (k + 1) * d);
        }
        return out;
    }

    /** Domain A's training data. */
    public DataSource domainA() {
        return a;
    }

    /** Domain B's training data. */
    public DataSource domainB() {
        return b;
    }

    /** Held-out examples of A (the same arrays each call: read them, do not write). */
    public float[][] heldOutA() {
        return heldOutA;
    }

    /** Held-out examples of B (the same arrays each call: read them, do not write). */
    public float[][] heldOutB() {
        return heldOutB;
    }

    @Override
    public String name() {
        return a.name() + " ↔ " + b.name();
    }

    @Override
    public int[] shape() {
        return a.shape();
    }

    @Override
    public void sample(int n, Random rng, float[] out) {
        a.sample(n, rng, out);
    }

    @Override
    public String contentHash() {
        return Sha256.hex(a.contentHash() + "|" + b.contentHash());
    }
}
