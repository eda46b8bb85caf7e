package org.latentlab.latent;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * A direction in code space that adds an attribute: the mean code of the examples that have it minus the mean code
 * of those that do not (White 2016, "Sampling generative networks", §2.4; Radford et al. 2016 §6.3 for GAN codes;
 * Larsen et al. 2016 for VAE codes). Applied with strength s as z + s·v: s = 1 moves a typical "from" code to a
 * typical "to" code, negative s removes the attribute.
 *
 * <p>The codes come from the encoder ({@link LatentModel#encode(org.latentlab.data.ExampleSet, int, long)}) or,
 * for a GAN without encoder, from inverted examples ({@link Inversion}): this class takes codes and labels
 * whatever made them.
 *
 * @param name      what the vector adds, e.g. "3 → 8" or "smiling"
 * @param vector    v = mean(to) − mean(from)
 * @param fromCount how many codes the "from" mean was taken over
 * @param toCount   how many codes the "to" mean was taken over
 */
public record AttributeVector(String name, double[] vector, int fromCount, int toCount) {

    public AttributeVector {
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("an attribute vector needs at least one dimension");
        }
    }

    /** mean(codes labelled {@code to}) − mean(codes labelled {@code from}); the name reads "from → to". */
    public static AttributeVector between(double[][] codes, int[] labels, int from, int to) {
        return between(codes, labels, from, to, Integer::toString);
    }

    /** As {@link #between(double[][], int[], int, int)}, naming the classes with {@code labelNames}. */
    public static AttributeVector between(double[][] codes, int[] labels, int from, int to,
                                          IntFunction<String> labelNames) {
        if (from == to) {
            throw new IllegalArgumentException("an attribute vector needs two different classes, not " + from
                    + " twice");
        }
        double[] a = LatentArithmetic.classMean(codes, labels, from);
        double[] b = LatentArithmetic.classMean(codes, labels, to);
        return new AttributeVector(labelNames.apply(from) + " → " + labelNames.apply(to),
                LatentArithmetic.subtract(b, a), LatentArithmetic.count(labels, from),
                LatentArithmetic.count(labels, to));
    }

    /** From encoded, labelled examples. */
    public static AttributeVector between(EncodedSet set, int from, int to, IntFunction<String> labelNames) {
        return between(set.codes(), set.labels(), from, to, labelNames);
    }

    /** From two groups of codes chosen by hand (without and with the attribute). */
    public static AttributeVector fromGroups(String name, double[][] without, double[][] with) {
        return new AttributeVector(name, LatentArithmetic.subtract(LatentArithmetic.mean(with),
                LatentArithmetic.mean(without)), without.length, with.length);
    }

    /** z + s·v. */
    public double[] apply(double[] z, double strength) {
        return LatentArithmetic.add(z, vector, strength);
    }

    public double norm() {
        return LatentArithmetic.norm(vector);
    }

    /** A copy of v. */
    @Override
    public double[] vector() {
        return vector.clone();
    }

    /** "3 → 8: |v| = 2.41 from 120 and 98 codes". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: |v| = %.3g from %d and %d codes", name, norm(), fromCount, toCount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeVector v && name.equals(v.name) && Arrays.equals(vector, v.vector)
                && fromCount == v.fromCount && toCount == v.toCount;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(vector);
    }
}
