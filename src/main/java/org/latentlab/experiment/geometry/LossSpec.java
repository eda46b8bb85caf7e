package org.latentlab.experiment.geometry;

import org.latentlab.experiment.Family;
import org.latentlab.experiment.GeometryModels;

import java.util.Locale;

/**
 * Which loss of a saved model an analysis takes, and over which data (see {@link GeometryModels#objective}):
 * {@code examples} examples (an autoencoder's first n held-out examples, n drawn from a distribution, or a GAN's n
 * real examples and n codes), for a GAN which player's loss ({@code part}; ignored for autoencoders and VAEs), and
 * the random seed of everything random in the analysis: the examples drawn from a distribution, the VAE's noise, the GAN's
 * codes, and the Lanczos, Hutchinson and SLQ start vectors and random directions. The same LossSpec on the same
 * checkpoint gives the same function and the same results, which is what the cache files are named from.
 *
 * @param examples the size of the fixed batch, at least 1
 * @param part     D's or G's loss for a GAN
 * @param seed     the random seed of every random choice
 */
public record LossSpec(int examples, GeometryModels.Part part, long seed) {

    /** The default batch: 1,000 examples. */
    public static final int DEFAULT_EXAMPLES = 1000;

    public LossSpec {
        if (examples < 1) {
            throw new IllegalArgumentException("the analysis needs at least one example, not " + examples);
        }
        if (part == null) {
            throw new IllegalArgumentException("part must be DISCRIMINATOR or GENERATOR (it is ignored for"
                    + " autoencoders)");
        }
    }

    /** 1,000 examples, D's loss for a GAN, seed 1. */
    public static LossSpec defaults() {
        return new LossSpec(DEFAULT_EXAMPLES, GeometryModels.Part.DISCRIMINATOR, 1);
    }

    public LossSpec withExamples(int n) {
        return new LossSpec(n, part, seed);
    }

    public LossSpec withPart(GeometryModels.Part p) {
        return new LossSpec(examples, p, seed);
    }

    public LossSpec withSeed(long s) {
        return new LossSpec(examples, part, s);
    }

    /** "D" or "G". */
    public String partId() {
        return part == GeometryModels.Part.DISCRIMINATOR ? "D" : "G";
    }

    /** This loss's part of a cache file name: {@code D-n1000-seed1} for a GAN, {@code n1000-seed1} otherwise. */
    public String tag(Family kind) {
        return (kind == Family.GAN ? partId() + "-" : "") + "n" + examples + "-seed" + seed;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d examples, seed %d (%s's loss for a GAN)", examples, seed, partId());
    }
}
