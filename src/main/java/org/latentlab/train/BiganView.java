package org.latentlab.train;

/**
 * What the bench draws of a BiGAN's encoder at one moment, copied out of ND4J on the training thread: held-out
 * examples beside their reconstructions G(E(x)), and the held-out examples' codes E(x) (the first two code
 * dimensions) coloured by label. Immutable by convention: the arrays are fresh and nobody writes them after
 * publication.
 *
 * @param points          2-D data: originals and reconstructions are (x, y) pairs; else images
 * @param originals       {@code count} held-out examples, flat (images in [0, 1], planar channels)
 * @param reconstructions G(E(x)) of the same examples, the same layout
 * @param count           examples shown as reconstructions
 * @param channels        images: channels, height, width (points: 1, 1, 2)
 * @param codes           (z₁, z₂) of each encoded held-out example, row-major; z₂ = 0 for a 1-D code
 * @param labels          each encoded example's class, or empty when the data carry no labels
 * @param labelNames      the names of the classes (empty without labels)
 * @param heldOutMse      mean squared error per value of G(E(x)) over all the encoded held-out examples, on [0, 1]
 *                        pixels for images and in the data's own units for points
 * @param latentDim       the code's size (the scatter shows its first two dimensions)
 */
public record BiganView(long iteration, boolean points, float[] originals, float[] reconstructions, int count,
                        int channels, int height, int width, float[] codes, int[] labels,
                        java.util.List<String> labelNames, double heldOutMse, int latentDim) {

    public BiganView {
        labelNames = java.util.List.copyOf(labelNames);
        if (originals.length != reconstructions.length) {
            throw new IllegalArgumentException("originals and reconstructions differ in size");
        }
        if (labels.length > 0 && labels.length * 2 != codes.length) {
            throw new IllegalArgumentException(codes.length / 2 + " codes but " + labels.length + " labels");
        }
    }

    /** Values in one example. */
    public int exampleSize() {
        return channels * height * width;
    }

    /** How many held-out examples the scatter shows. */
    public int encoded() {
        return codes.length / 2;
    }
}
