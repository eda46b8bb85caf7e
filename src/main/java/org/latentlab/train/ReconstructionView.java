package org.latentlab.train;

/**
 * What the dashboard draws of an autoencoder, a VAE or an RBM, copied out of ND4J on the training thread. Any part
 * may be null when the model has nothing to show for it (no corruption, a code that is not 2-D...).
 *
 * @param inputs          a fixed set of held-out examples
 * @param corrupted       the same examples as the model saw them (denoising), or null
 * @param reconstructions the model's reconstructions of them
 * @param filters         first-layer weights, one image per hidden unit
 * @param samples         samples from the model (VAE: decoded prior draws; RBM: Gibbs samples), or null
 * @param codeActivity    mean activation of each code unit over held-out examples
 * @param activityTarget  the sparsity target ρ to mark on the histogram, or NaN
 * @param activityTitle   what {@code codeActivity} measures, for the histogram's title
 * @param activityAxis    the histogram's value axis: the quantity and its unit ("KL per latent dimension (nats)")
 * @param codePoints      2-D codes of held-out examples (x0, y0, x1, y1...), when the code is 2-D
 * @param codeLabels      their labels (-1 when unlabelled)
 */
public record ReconstructionView(Images inputs, Images corrupted, Images reconstructions, Images filters, Images samples,
                        double[] codeActivity, double activityTarget, String activityTitle, String activityAxis,
                        float[] codePoints,
                        int[] codeLabels) {

    /**
     * {@code count} examples of one shape, flat and row-major; values in [0, 1] for images. {@code shape} is
     * {@code [c, h, w]} for images, {@code [d]} for vectors (2-D points are drawn as a scatter).
     */
    public record Images(int count, int[] shape, float[] values) {

        public Images {
            int size = 1;
            for (int s : shape) {
                size *= s;
            }
            if (values.length != count * size) {
                throw new IllegalArgumentException(count + " examples of " + size + " values need " + count * size
                        + " values, not " + values.length);
            }
        }

        public boolean isImage() {
            return shape.length == 3;
        }

        public int size() {
            return values.length / Math.max(1, count);
        }
    }
}
