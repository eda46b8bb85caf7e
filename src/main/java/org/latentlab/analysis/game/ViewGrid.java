package org.latentlab.analysis.game;

import java.util.Locale;

/**
 * A view of the plane cut into {@code nx × ny} equal cells: x in [xMin, xMax], y in [yMin, yMax]. Values on the
 * grid are stored row by row from the bottom: cell (i, j), i = 0..nx−1 along x and j = 0..ny−1 along y, sits at index
 * {@code j·nx + i} and its centre is (xMin + (i + ½)·Δx, yMin + (j + ½)·Δy).
 */
public record ViewGrid(double xMin, double xMax, double yMin, double yMax, int nx, int ny) {

    public ViewGrid {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && xMin < xMax)) {
            throw new IllegalArgumentException("the x range must be finite with xMin < xMax, not [" + xMin + ", "
                    + xMax + "]");
        }
        if (!(Double.isFinite(yMin) && Double.isFinite(yMax) && yMin < yMax)) {
            throw new IllegalArgumentException("the y range must be finite with yMin < yMax, not [" + yMin + ", "
                    + yMax + "]");
        }
        if (nx < 1 || ny < 1 || (long) nx * ny > 4_000_000L) {
            throw new IllegalArgumentException("the grid needs 1 to 4,000,000 cells with nx, ny ≥ 1, not " + nx
                    + " × " + ny);
        }
    }

    /** A square grid of {@code cells × cells} over {xmin, xmax, ymin, ymax} (e.g. a toy distribution's view bounds). */
    public static ViewGrid of(double[] bounds, int cells) {
        if (bounds.length != 4) {
            throw new IllegalArgumentException("bounds are {xmin, xmax, ymin, ymax}, got " + bounds.length
                    + " values");
        }
        return new ViewGrid(bounds[0], bounds[1], bounds[2], bounds[3], cells, cells);
    }

    public int cells() {
        return nx * ny;
    }

    public double cellWidth() {
        return (xMax - xMin) / nx;
    }

    public double cellHeight() {
        return (yMax - yMin) / ny;
    }

    public double cellArea() {
        return cellWidth() * cellHeight();
    }

    /** The x of the centres of column i. */
    public double centreX(int i) {
        return xMin + (i + 0.5) * cellWidth();
    }

    /** The y of the centres of row j. */
    public double centreY(int j) {
        return yMin + (j + 0.5) * cellHeight();
    }

    /** The left edge of column i (i = nx gives xMax). */
    public double edgeX(int i) {
        return i == nx ? xMax : xMin + i * cellWidth();
    }

    /** The bottom edge of row j (j = ny gives yMax). */
    public double edgeY(int j) {
        return j == ny ? yMax : yMin + j * cellHeight();
    }

    /** Every cell centre as x, y pairs in grid order: the inputs on which to evaluate a learned D. */
    public float[] centres() {
        float[] xy = new float[2 * cells()];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int c = j * nx + i;
                xy[2 * c] = (float) centreX(i);
                xy[2 * c + 1] = (float) centreY(j);
            }
        }
        return xy;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%s, %s] × [%s, %s] in %d × %d cells", xMin, xMax, yMin, yMax, nx, ny);
    }
}
