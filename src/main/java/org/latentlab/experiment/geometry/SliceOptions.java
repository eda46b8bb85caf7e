package org.latentlab.experiment.geometry;

import org.latentlab.analysis.landscape.SurfaceScan;

import java.util.Locale;

/**
 * A 2-D slice of the loss around a checkpoint: the plane's directions and the grid, {@code grid} × {@code grid}
 * cells over [−range, range]².
 *
 * @param directions how the plane is chosen
 * @param grid       cells per side, at least 2 (default 41)
 * @param range      the half-width of the square, in units of the directions (default 1)
 */
public record SliceOptions(Directions directions, int grid, double range) {

    /** How the plane through the checkpoint is chosen. */
    public enum Directions {
        /** Two seeded random filter-normalised directions (Li et al. 2018); biases and batch norm zero. */
        RANDOM,
        /** The top two Hessian eigenvectors (unit vectors), by Lanczos. */
        HESSIAN,
        /** The first two principal components of the training trajectory (unit vectors; needs 3 points). */
        PCA;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** From "random", "hessian" or "pca". */
        public static Directions parse(String s) {
            for (Directions d : values()) {
                if (d.id().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return d;
                }
            }
            throw new IllegalArgumentException("directions must be random, hessian or pca, not '" + s + "'");
        }
    }

    public SliceOptions {
        if (directions == null) {
            throw new IllegalArgumentException("directions must be random, hessian or pca");
        }
        if (grid < 2 || grid > 1001) {
            throw new IllegalArgumentException("the grid must have 2 to 1001 cells per side, not " + grid);
        }
        if (!(range > 0) || !Double.isFinite(range)) {
            throw new IllegalArgumentException("the range must be a positive number, not " + range);
        }
    }

    /** Random filter-normalised directions, 41 × 41 over [−1, 1]². */
    public static SliceOptions defaults() {
        return new SliceOptions(Directions.RANDOM, SurfaceScan.DEFAULT_RESOLUTION, 1);
    }

    public SliceOptions withDirections(Directions d) {
        return new SliceOptions(d, grid, range);
    }

    public SliceOptions withGrid(int g) {
        return new SliceOptions(directions, g, range);
    }

    public SliceOptions withRange(double r) {
        return new SliceOptions(directions, grid, r);
    }

    /** The cache file name part, e.g. {@code random-g41-r1}. */
    String tag() {
        return directions.id() + "-g" + grid + "-r" + Names.number(range);
    }
}
