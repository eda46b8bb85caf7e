package org.latentlab.ui.geometry;

import org.latentlab.analysis.toy.ToySurface;
import org.latentlab.analysis.toy.ViewRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A surface sampled for drawing: L on an n × n grid over the view (row 0 at the bottom, yMin), the negative gradient
 * on a coarser lattice, and contour levels spaced evenly in sign(L)·log(1 + |L|) between the 2nd and 98th
 * percentiles (quartics span orders of magnitude; even spacing in L would put every line near the rim).
 * Either sampled from a formula ({@link #sample}: {@code surface} set, a descent field) or made from values
 * computed elsewhere ({@link #of}: a network's loss-surface scan, {@code surface} null, no field, NaN for cells
 * not computed yet). Computed off the FX thread; immutable once made.
 */
record SurfaceGrid(ToySurface surface, ViewRange view, int n, double[] values, int arrowsPerSide, double[] descent,
                   double[] levels, double low, double high) {

    static SurfaceGrid sample(ToySurface s, ViewRange view, int n, int arrowsPerSide, int levelCount) {
        double[] v = new double[n * n];
        for (int r = 0; r < n; r++) {
            double y = view.yMin() + (view.yMax() - view.yMin()) * r / (n - 1);
            for (int c = 0; c < n; c++) {
                double x = view.xMin() + (view.xMax() - view.xMin()) * c / (n - 1);
                v[r * n + c] = s.value(x, y);
            }
        }
        double[] d = new double[arrowsPerSide * arrowsPerSide * 2];
        for (int r = 0; r < arrowsPerSide; r++) {
            double y = view.yMin() + (view.yMax() - view.yMin()) * (r + 0.5) / arrowsPerSide;
            for (int c = 0; c < arrowsPerSide; c++) {
                double x = view.xMin() + (view.xMax() - view.xMin()) * (c + 0.5) / arrowsPerSide;
                double[] g = s.gradient(new double[] {x, y});
                d[(r * arrowsPerSide + c) * 2] = -g[0];
                d[(r * arrowsPerSide + c) * 2 + 1] = -g[1];
            }
        }
        double[][] l = levels(v, levelCount);
        return new SurfaceGrid(s, view, n, v, arrowsPerSide, d, l[0], l[1][0], l[1][1]);
    }

    /**
     * A grid of values computed elsewhere, {@code values[row][column]} with row 0 at yMin and column 0 at xMin
     * (a {@code SurfaceScan}'s layout), NaN where pending; no descent field.
     */
    static SurfaceGrid of(ViewRange view, double[][] values, int levelCount) {
        int n = values.length;
        double[] v = new double[n * n];
        for (int r = 0; r < n; r++) {
            if (values[r].length != n) {
                throw new IllegalArgumentException("a drawn surface grid is square: " + n + " rows of " + n);
            }
            System.arraycopy(values[r], 0, v, r * n, n);
        }
        double[][] l = levels(v, levelCount);
        return new SurfaceGrid(null, view, n, v, 0, new double[0], l[0], l[1][0], l[1][1]);
    }

    /** The contour levels, then {low, high} of the colour scale, from the finite values. */
    private static double[][] levels(double[] v, int levelCount) {
        double[] finite = Arrays.stream(v).filter(Double::isFinite).map(SurfaceGrid::squash).sorted().toArray();
        double low = finite.length == 0 ? 0 : finite[(int) (0.02 * (finite.length - 1))];
        double high = finite.length == 0 ? 1 : finite[(int) (0.98 * (finite.length - 1))];
        if (!(high > low)) {
            high = low + 1;
        }
        double[] levels = new double[levelCount];
        for (int k = 0; k < levelCount; k++) {
            levels[k] = unsquash(low + (high - low) * (k + 0.5) / levelCount);
        }
        return new double[][] {levels, {low, high}};
    }

    /** Whether the grid was sampled from a formula (which can be evaluated anywhere). */
    boolean analytic() {
        return surface != null;
    }

    /** The number of finite cells (computed, and not overflowing). */
    int finiteCount() {
        int c = 0;
        for (double x : values) {
            if (Double.isFinite(x)) {
                c++;
            }
        }
        return c;
    }

    /**
     * L at (x, y): the formula where there is one, otherwise bilinear interpolation of the grid (NaN when a
     * neighbouring cell is pending, or outside the view).
     */
    double valueAt(double x, double y) {
        if (surface != null) {
            return surface.value(x, y);
        }
        double u = (x - view.xMin()) / (view.xMax() - view.xMin()) * (n - 1);
        double w = (y - view.yMin()) / (view.yMax() - view.yMin()) * (n - 1);
        if (!(u >= 0 && u <= n - 1 && w >= 0 && w <= n - 1)) {
            return Double.NaN;
        }
        int c = Math.min(n - 2, (int) u);
        int r = Math.min(n - 2, (int) w);
        double fu = u - c;
        double fw = w - r;
        double a = values[r * n + c];
        double b = values[r * n + c + 1];
        double cc = values[(r + 1) * n + c + 1];
        double dd = values[(r + 1) * n + c];
        return (1 - fw) * ((1 - fu) * a + fu * b) + fw * ((1 - fu) * dd + fu * cc);
    }

    /** sign(v)·log(1 + |v|): the colour and contour scale. */
    static double squash(double v) {
        return Math.signum(v) * Math.log1p(Math.abs(v));
    }

    static double unsquash(double t) {
        return Math.signum(t) * Math.expm1(Math.abs(t));
    }

    /** Position of L on the colour scale, 0 (low) to 1 (high), clipped. */
    double shade(double value) {
        double t = (squash(value) - low) / (high - low);
        return Math.max(0, Math.min(1, t));
    }

    double x(int column) {
        return view.xMin() + (view.xMax() - view.xMin()) * column / (n - 1);
    }

    double y(int row) {
        return view.yMin() + (view.yMax() - view.yMin()) * row / (n - 1);
    }

    /**
     * Contour segments of one level by marching squares, as (x1, y1, x2, y2) in parameter coordinates; saddle cells
     * are resolved by the cell's mean value.
     */
    List<double[]> contour(double level) {
        List<double[]> segments = new ArrayList<>();
        for (int r = 0; r < n - 1; r++) {
            for (int c = 0; c < n - 1; c++) {
                double a = values[r * n + c];
                double b = values[r * n + c + 1];
                double cc = values[(r + 1) * n + c + 1];
                double dd = values[(r + 1) * n + c];
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(cc) && Double.isFinite(dd))) {
                    continue;
                }
                int idx = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (cc > level ? 4 : 0) | (dd > level ? 8 : 0);
                if (idx == 0 || idx == 15) {
                    continue;
                }
                double x0 = x(c);
                double x1 = x(c + 1);
                double y0 = y(r);
                double y1 = y(r + 1);
                // crossing points on the four edges: bottom (a-b), right (b-c), top (d-c), left (a-d)
                double[] bottom = {lerp(x0, x1, a, b, level), y0};
                double[] right = {x1, lerp(y0, y1, b, cc, level)};
                double[] top = {lerp(x0, x1, dd, cc, level), y1};
                double[] left = {x0, lerp(y0, y1, a, dd, level)};
                boolean centreAbove = (a + b + cc + dd) / 4 > level;
                switch (idx) {
                    case 1, 14 -> add(segments, left, bottom);
                    case 2, 13 -> add(segments, bottom, right);
                    case 3, 12 -> add(segments, left, right);
                    case 4, 11 -> add(segments, right, top);
                    case 6, 9 -> add(segments, bottom, top);
                    case 7, 8 -> add(segments, left, top);
                    case 5 -> {
                        if (centreAbove) {
                            add(segments, left, top);
                            add(segments, bottom, right);
                        } else {
                            add(segments, left, bottom);
                            add(segments, right, top);
                        }
                    }
                    case 10 -> {
                        if (centreAbove) {
                            add(segments, left, bottom);
                            add(segments, right, top);
                        } else {
                            add(segments, left, top);
                            add(segments, bottom, right);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return segments;
    }

    private static double lerp(double p0, double p1, double v0, double v1, double level) {
        double t = v1 == v0 ? 0.5 : (level - v0) / (v1 - v0);
        return p0 + (p1 - p0) * t;
    }

    private static void add(List<double[]> out, double[] p, double[] q) {
        out.add(new double[] {p[0], p[1], q[0], q[1]});
    }
}
