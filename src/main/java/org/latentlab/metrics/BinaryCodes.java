package org.latentlab.metrics;

/**
 * Binary codes packed 64 bits to a {@code long}, as semantic hashing stores them (Salakhutdinov and Hinton 2009,
 * "Semantic hashing"): code {@code i}'s bit {@code j} is bit {@code j % 64} of word {@code i·words + j / 64}. The
 * Hamming distance of two codes is the number of bits in which they differ, the population count of their XOR.
 *
 * @param words the packed codes, {@link #wordsPerCode()} words each
 * @param count how many codes
 * @param bits  bits per code
 */
public record BinaryCodes(long[] words, int count, int bits) {

    public BinaryCodes {
        if (count < 0 || bits < 1) {
            throw new IllegalArgumentException("binary codes need a count of at least 0 and at least one bit, not "
                    + count + " codes of " + bits + " bits");
        }
        if (words.length != (long) count * wordsFor(bits)) {
            throw new IllegalArgumentException(count + " codes of " + bits + " bits take " + count * wordsFor(bits)
                    + " words, not " + words.length);
        }
    }

    /** 64-bit words per code of {@code bits} bits. */
    public static int wordsFor(int bits) {
        return (bits + 63) / 64;
    }

    public int wordsPerCode() {
        return wordsFor(bits);
    }

    /**
     * Thresholds real-valued codes (row-major, {@code count × bits}): a bit is 1 where the value is above
     * {@code threshold} (0.5 for a logistic code).
     */
    public static BinaryCodes threshold(double[] codes, int count, int bits, double threshold) {
        if (codes.length != (long) count * bits) {
            throw new IllegalArgumentException(count + " codes of " + bits + " values need " + count * bits
                    + " values, not " + codes.length);
        }
        int w = wordsFor(bits);
        long[] words = new long[count * w];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < bits; j++) {
                if (codes[i * bits + j] > threshold) {
                    words[i * w + j / 64] |= 1L << (j % 64);
                }
            }
        }
        return new BinaryCodes(words, count, bits);
    }

    /** Bit {@code j} of code {@code i}. */
    public boolean bit(int i, int j) {
        return (words[i * wordsPerCode() + j / 64] >>> (j % 64) & 1L) == 1L;
    }

    /** The Hamming distance between code {@code i} of this set and code {@code j} of {@code other}. */
    public int distance(int i, BinaryCodes other, int j) {
        if (other.bits != bits) {
            throw new IllegalArgumentException("codes of " + bits + " and " + other.bits + " bits cannot be compared");
        }
        int w = wordsPerCode();
        int d = 0;
        for (int k = 0; k < w; k++) {
            d += Long.bitCount(words[i * w + k] ^ other.words[j * w + k]);
        }
        return d;
    }
}
