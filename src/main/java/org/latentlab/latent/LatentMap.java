package org.latentlab.latent;

import org.apache.commons.math3.special.Erf;

import java.util.Arrays;
import java.util.Locale;

/**
 * A rows x columns grid of codes on a plane through code space: cell (row, col) holds
 * origin + xs[col]·axisX + ys[row]·axisY. As in a plot, y grows upwards: row 0 is the top row and holds the
 * largest y; the factories take both coordinate lists in increasing order.
 *
 * <p>Planes: two code dimensions with the others held at a base code ({@link #overDimensions}), the first two
 * principal directions of encoded data ({@link #overPrincipalPlane}), or any two directions (two attribute vectors:
 * {@link #overDirections}). Coordinates: evenly spaced ({@link #linear}) or at Gaussian quantiles
 * ({@link #gaussianQuantiles}): the "learned manifold" figure of Kingma & Welling 2014 (Fig. 4) maps the unit
 * square through the inverse CDF of the Gaussian prior, Φ⁻¹(p) for p from 0.05 to 0.95, so that each cell holds an
 * equal share of the prior's mass.
 *
 * @param description what the plane is, for a label ("z3 x z7 at base", "PC1 x PC2")
 * @param xs          x of each column, left to right
 * @param ys          y of each row, top to bottom
 */
public record LatentMap(String description, double[] origin, double[] axisX, double[] axisY, double[] xs,
                        double[] ys) {

    public LatentMap {
        LatentArithmetic.requireSize(axisX, origin.length);
        LatentArithmetic.requireSize(axisY, origin.length);
        if (xs.length < 1 || ys.length < 1) {
            throw new IllegalArgumentException("a map needs at least one row and one column");
        }
        if (LatentArithmetic.norm(axisX) == 0 || LatentArithmetic.norm(axisY) == 0) {
            throw new IllegalArgumentException("a map's axes must be non-zero directions");
        }
    }

    /** n values from lo to hi inclusive, evenly spaced (n = 1: their midpoint). */
    public static double[] linear(int n, double lo, double hi) {
        if (n < 1) {
            throw new IllegalArgumentException("a map needs at least 1 cell per side, not " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = n == 1 ? (lo + hi) / 2 : lo + (hi - lo) * i / (n - 1);
        }
        return v;
    }

    /** Φ⁻¹(p) for n probabilities p evenly spaced from pLo to pHi (0 < pLo <= pHi < 1), in increasing order. */
    public static double[] gaussianQuantiles(int n, double pLo, double pHi) {
        if (!(pLo > 0 && pHi < 1 && pLo <= pHi)) {
            throw new IllegalArgumentException("quantile probabilities must satisfy 0 < low <= high < 1, not " + pLo
                    + " and " + pHi + " (the classic manifold uses 0.05 and 0.95)");
        }
        double[] p = linear(n, pLo, pHi);
        for (int i = 0; i < n; i++) {
            p[i] = inverseNormalCdf(p[i]);
        }
        return p;
    }

    /** Φ⁻¹(p) = √2 · erf⁻¹(2p − 1). */
    public static double inverseNormalCdf(double p) {
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }

    /** Each value times {@code scale} plus {@code shift} (quantiles of N(shift, scale²)). */
    public static double[] scaled(double[] values, double scale, double shift) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = shift + scale * values[i];
        }
        return out;
    }

    /**
     * Over code dimensions {@code dimX} (columns) and {@code dimY} (rows), every other dimension held at
     * {@code base}; the two chosen dimensions take the coordinate values (not added to base's values).
     */
    public static LatentMap overDimensions(double[] base, int dimX, int dimY, double[] xValues, double[] yValues) {
        int k = base.length;
        if (dimX < 0 || dimX >= k || dimY < 0 || dimY >= k || dimX == dimY) {
            throw new IllegalArgumentException("choose two different code dimensions in 0.." + (k - 1) + ", not "
                    + dimX + " and " + dimY);
        }
        double[] origin = base.clone();
        origin[dimX] = 0;
        origin[dimY] = 0;
        double[] ex = new double[k];
        double[] ey = new double[k];
        ex[dimX] = 1;
        ey[dimY] = 1;
        return new LatentMap("z" + dimX + " x z" + dimY, origin, ex, ey, xValues.clone(), reversed(yValues));
    }

    /**
     * Over the first two principal directions through the data mean; coordinates are in standard deviations of
     * the data along each direction (so {@code linear(n, -2, 2)} covers ±2σ, {@code gaussianQuantiles} the
     * quantiles of a Gaussian fitted along each).
     */
    public static LatentMap overPrincipalPlane(PrincipalComponents pca, double[] xValues, double[] yValues) {
        if (pca.count() < 2) {
            throw new IllegalArgumentException("a principal plane needs a PCA with 2 components, not "
                    + pca.count());
        }
        double[] sd = pca.standardDeviations();
        return new LatentMap(String.format(Locale.ROOT, "PC1 x PC2 (%.0f%% of the variance)",
                100 * (pca.explainedVarianceRatio()[0] + pca.explainedVarianceRatio()[1])), pca.mean().clone(),
                pca.component(0), pca.component(1), scaled(xValues, sd[0], 0), reversed(scaled(yValues, sd[1], 0)));
    }

    /** Over any two directions from an origin (e.g. two attribute vectors from a code); coordinates as given. */
    public static LatentMap overDirections(String description, double[] origin, double[] u, double[] v,
                                           double[] xValues, double[] yValues) {
        return new LatentMap(description, origin.clone(), u.clone(), v.clone(), xValues.clone(), reversed(yValues));
    }

    private static double[] reversed(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[v.length - 1 - i];
        }
        return r;
    }

    public int rows() {
        return ys.length;
    }

    public int columns() {
        return xs.length;
    }

    /** The code of cell (row, col): row 0 at the top. */
    public double[] code(int row, int col) {
        if (row < 0 || row >= ys.length || col < 0 || col >= xs.length) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + col + ") of a " + ys.length + "x"
                    + xs.length + " map");
        }
        return codeAt(xs[col], ys[row]);
    }

    /** The code at plane coordinates (x, y), between cells or beyond them. */
    public double[] codeAt(double x, double y) {
        double[] z = origin.clone();
        for (int j = 0; j < z.length; j++) {
            z[j] += x * axisX[j] + y * axisY[j];
        }
        return z;
    }

    /** Every cell's code, row-major: index = row * columns + col (ready for a batched decode). */
    public double[][] codes() {
        double[][] out = new double[rows() * columns()][];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < columns(); c++) {
                out[r * columns() + c] = code(r, c);
            }
        }
        return out;
    }

    /**
     * The plane coordinates (x, y) of the point of the plane nearest to {@code code} (least squares onto the two
     * axes; for orthonormal axes simply the dot products): where to draw an encoded example over the map.
     */
    public double[] planeCoordinates(double[] code) {
        LatentArithmetic.requireSize(code, origin.length);
        double[] d = LatentArithmetic.subtract(code, origin);
        double uu = LatentArithmetic.dot(axisX, axisX);
        double vv = LatentArithmetic.dot(axisY, axisY);
        double uv = LatentArithmetic.dot(axisX, axisY);
        double du = LatentArithmetic.dot(d, axisX);
        double dv = LatentArithmetic.dot(d, axisY);
        double det = uu * vv - uv * uv;
        if (Math.abs(det) < 1e-12 * uu * vv) {
            throw new IllegalArgumentException("the map's axes are parallel: choose two different directions");
        }
        return new double[] {(du * vv - dv * uv) / det, (dv * uu - du * uv) / det};
    }

    /** The cell {row, col} whose coordinates are nearest to (x, y). */
    public int[] nearestCell(double x, double y) {
        return new int[] {nearest(ys, y), nearest(xs, x)};
    }

    private static int nearest(double[] values, double v) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - v) < Math.abs(values[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    /** "PC1 x PC2: 15x15 cells, x -1.64..1.64, y -1.64..1.64". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %dx%d cells, x %.3g..%.3g, y %.3g..%.3g", description, rows(),
                columns(), min(xs), max(xs), min(ys), max(ys));
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentMap m && description.equals(m.description) && Arrays.equals(origin, m.origin)
                && Arrays.equals(axisX, m.axisX) && Arrays.equals(axisY, m.axisY) && Arrays.equals(xs, m.xs)
                && Arrays.equals(ys, m.ys);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(origin) * 31 + Arrays.hashCode(xs);
    }
}
