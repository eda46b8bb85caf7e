package org.latentlab.latent;

/**
 * Codes of examples of a data set, with the examples' indices in the set and their labels (-1 when unlabelled):
 * what PCA, attribute vectors, a fitted prior and map overlays are computed from.
 */
public record EncodedSet(double[][] codes, int[] indices, int[] labels) {

    public EncodedSet {
        if (codes.length != indices.length || codes.length != labels.length) {
            throw new IllegalArgumentException(codes.length + " codes need as many indices and labels, not "
                    + indices.length + " and " + labels.length);
        }
    }

    public int size() {
        return codes.length;
    }

    /** True when every example has a label. */
    public boolean isLabelled() {
        for (int l : labels) {
            if (l < 0) {
                return false;
            }
        }
        return codes.length > 0;
    }

    @Override
    public String toString() {
        return codes.length + " codes of " + (codes.length == 0 ? 0 : codes[0].length) + " dimensions"
                + (isLabelled() ? ", labelled" : "");
    }
}
