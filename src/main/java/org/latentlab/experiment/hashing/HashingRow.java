package org.latentlab.experiment.hashing;

/**
 * One query image shown with what each method retrieved for it (flat images in [0, 1], nearest first).
 *
 * @param query            the held-out image
 * @param label            its class
 * @param byHamming        the nearest training images by Hamming distance on the binary code
 * @param hammingLabels    their classes
 * @param hammingDistances their distances in bits
 * @param byPixels         the nearest training images by Euclidean distance on the pixels
 * @param pixelLabels      their classes
 */
public record HashingRow(float[] query, int label, float[][] byHamming, int[] hammingLabels, int[] hammingDistances,
                         float[][] byPixels, int[] pixelLabels) {

    /** The fraction of the images retrieved by Hamming distance that have the query's class. */
    public double hammingPrecision() {
        return share(hammingLabels);
    }

    /** The fraction of the images retrieved by pixel distance that have the query's class. */
    public double pixelPrecision() {
        return share(pixelLabels);
    }

    private double share(int[] labels) {
        int hits = 0;
        for (int l : labels) {
            hits += l == label ? 1 : 0;
        }
        return labels.length == 0 ? Double.NaN : (double) hits / labels.length;
    }
}
