package org.latentlab.train;

/**
 * What the dashboard draws of a GAN at one moment, copied out of ND4J on the training thread. Immutable by
 * convention: the arrays are fresh copies that nobody writes after publication.
 */
public sealed interface GanView {

    long iteration();

    /**
     * A 2-D toy problem. Points are row-major (x, y) pairs.
     *
     * @param bounds     {xmin, xmax, ymin, ymax} of the view
     * @param heat       D(x) (σ(score) for probabilistic losses, the raw score otherwise) on a res x res grid over
     *                   the bounds, row 0 at the top (ymax)
     * @param warp       G's image of a regular res x res grid of codes (row-major), when the code is 2-D; else null
     * @param arrows     −dL_G/dx at each generated point (same order as {@code fake}), or null
     * @param modes      the mixture's means (x, y pairs), empty if the data set is not a mixture
     * @param covered    for each mode, whether it is covered
     * @param optimal    the optimal discriminator on the heat map's grid, when the data's density is known (a toy
     *                   mixture); else null
     */
    record Points(long iteration, double[] bounds, float[] real, float[] fake, float[] heat, int heatRes,
                  boolean heatIsProbability, float[] warp, int warpRes, float[] arrows, float[] modes,
                  boolean[] covered, double sigma, Optimal optimal, int[] fakeLabels) implements GanView {

        /** An unconditional GAN's points (no labels). */
        public Points(long iteration, double[] bounds, float[] real, float[] fake, float[] heat, int heatRes,
                      boolean heatIsProbability, float[] warp, int warpRes, float[] arrows, float[] modes,
                      boolean[] covered, double sigma, Optimal optimal) {
            this(iteration, bounds, real, fake, heat, heatRes, heatIsProbability, warp, warpRes, arrows, modes,
                    covered, sigma, optimal, new int[0]);
        }

        /** Whether the generated points carry a conditional GAN's labels (one per point, for colouring). */
        public boolean labelled() {
            return fakeLabels.length > 0;
        }
    }

    /**
     * The optimal discriminator D* = p_data / (p_data + p_G) of the generator drawn in the same view (Goodfellow et
     * al. 2014, Proposition 1), p_G a Gaussian kernel density of its samples, on the heat map's grid (same cells,
     * row 0 at the top). Two versions: against the data's density smoothed by the same kernel (the game with
     * instance noise of the kernel's width, where a generator that matches the data gives D* = ½), and against the
     * exact density.
     *
     * @param smoothed      D* against the smoothed data density, per cell
     * @param exact         D* against the exact data density, per cell
     * @param gapSmoothed   mean |D − D*| (smoothed) where the densities are not negligible; NaN when D's output is
     *                      not a probability
     * @param gapExact      the same against the exact D*
     * @param samples       how many of G's samples the kernel density is made of
     * @param bandwidthX    the kernel's standard deviation along x (Scott's rule)
     * @param bandwidthY    along y
     */
    record Optimal(float[] smoothed, float[] exact, double gapSmoothed, double gapExact, int samples,
                   double bandwidthX, double bandwidthY) {
    }

    /**
     * A grid of generated images for a fixed set of codes, so the same cell shows how one code evolves.
     *
     * @param pixels   {@code count} images of channels x height x width in [0, 1], planar and row-major (channel
     *                 0's rows first), one after another
     * @param channels 1 for grey images, 3 for colour ones (Stacked MNIST: one digit per channel)
     * @param rowLabels a conditional GAN's class of each row (its images are row-major, one row per class), or
     *                  empty for an unlabelled grid
     * @param reconstructions an energy-based GAN's picture of D's reconstructions (rows: real x, D(x), G(z),
     *                        D(G(z))), or null
     */
    record Images(long iteration, float[] pixels, int count, int channels, int height, int width,
                  java.util.List<String> rowLabels, Images reconstructions) implements GanView {

        /** A grid without reconstructions. */
        public Images(long iteration, float[] pixels, int count, int channels, int height, int width,
                      java.util.List<String> rowLabels) {
            this(iteration, pixels, count, channels, height, width, rowLabels, null);
        }

        public Images {
            if (count < 0 || channels < 1 || height < 1 || width < 1
                    || pixels.length != (long) count * channels * height * width) {
                throw new IllegalArgumentException(count + " images of " + channels + "x" + height + "x" + width
                        + " need " + (long) count * channels * height * width + " values, not " + pixels.length);
            }
            rowLabels = java.util.List.copyOf(rowLabels);
            if (!rowLabels.isEmpty() && count % rowLabels.size() != 0) {
                throw new IllegalArgumentException(count + " images do not fill " + rowLabels.size() + " rows");
            }
        }

        /** A square-ish grid without row labels. */
        public Images(long iteration, float[] pixels, int count, int channels, int height, int width) {
            this(iteration, pixels, count, channels, height, width, java.util.List.of(), null);
        }

        /**
         * Columns of the grid: count / rows for a conditional GAN's grid (one row per class, labelled), else the
         * square root of the count rounded up.
         */
        public int columns() {
            return rowLabels.isEmpty() ? (int) Math.ceil(Math.sqrt(count)) : count / rowLabels.size();
        }

        /** Values in one image. */
        public int imageSize() {
            return channels * height * width;
        }
    }
}
