package org.latentlab.data;

/** How unsigned 8-bit pixels (0..255) become floats. */
public enum ImageScale {
    /** v / 127.5 - 1: the range of a tanh output layer (DCGAN). */
    MINUS_ONE_TO_ONE,
    /** v / 255: the range of a sigmoid output layer (Bernoulli decoders, RBMs). */
    ZERO_TO_ONE;

    /** The float for an unsigned byte value 0..255. */
    public float apply(int unsignedByte) {
        return switch (this) {
            case MINUS_ONE_TO_ONE -> (float) (unsignedByte / 127.5 - 1.0);
            case ZERO_TO_ONE -> (float) (unsignedByte / 255.0);
        };
    }

    /** The 256 floats for 0..255, for fast conversion. */
    float[] table() {
        float[] table = new float[256];
        for (int v = 0; v < 256; v++) {
            table[v] = apply(v);
        }
        return table;
    }
}
