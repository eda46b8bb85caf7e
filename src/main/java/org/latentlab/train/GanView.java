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
     */
    record Points(long iteration, double[] bounds, float[] real, float[] fake, float[] heat, int heatRes,
                  boolean heatIsProbability, float[] warp, int warpRes, float[] arrows, float[] modes,
                  boolean[] covered, double sigma) implements GanView {
    }

    /**
     * A grid of generated images for a fixed set of codes, so the same cell shows how one code evolves.
     *
     * @param pixels {@code count} images of height x width in [0, 1], row-major, one after another
     */
    record Images(long iteration, float[] pixels, int count, int height, int width) implements GanView {
    }
}
