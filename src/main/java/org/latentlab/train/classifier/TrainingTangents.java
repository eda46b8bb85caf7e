package org.latentlab.train.classifier;

/**
 * k tangent vectors at each image of a training set, for Tangent Prop: {@code values} holds them image by image,
 * tangent j of image i at [(i·k + j)·d, (i·k + j + 1)·d).
 *
 * @param k         tangents per image
 * @param dimension d, values per image
 * @param values    size · k · d values
 */
public record TrainingTangents(int k, int dimension, float[] values) {

    public TrainingTangents {
        if (k < 1 || dimension < 1 || values == null || values.length % (k * dimension) != 0) {
            throw new IllegalArgumentException("tangents must hold k = " + k + " vectors of " + dimension
                    + " values per image");
        }
    }

    /** Images covered. */
    public int size() {
        return values.length / (k * dimension);
    }

    /** Tangent j of image i, a fresh array. */
    public float[] tangent(int i, int j) {
        float[] t = new float[dimension];
        System.arraycopy(values, (i * k + j) * dimension, t, 0, dimension);
        return t;
    }
}
