package org.latentlab.analysis.relu;

import org.latentlab.core.LabException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The exact linear regions of a ReLU net of two inputs inside a rectangle, as convex polygons. Layer by layer,
 * each polygon carries the affine maps from the plane to its layer's units (fixed there, since its activation
 * pattern so far is fixed); each unit of the next layer is an affine function of (x, y) on it, and its zero line
 * cuts the polygon in two. After the last hidden layer every polygon has one activation pattern and one affine
 * output: the polygons are exactly the activation regions (Serra, Tjandraatmadja and Ramalingam 2018, section 3;
 * Hanin and Rolnick 2019, section 2). A pattern's region is convex (every pre-activation is affine on it), so there
 * is one polygon per pattern. Slivers thinner than about {@code 1e-10} of the rectangle are not resolved.
 *
 * @param x0      left
 * @param x1      right
 * @param y0      bottom
 * @param y1      top
 * @param regions the regions, covering the rectangle without overlap
 */
public record LinearRegions(double x0, double x1, double y0, double y1, List<Region> regions) {

    /**
     * One activation region: a convex polygon (vertices in order, {@code xs[i], ys[i]}), its pattern, and the net
     * on it, {@code gx · x + gy · y + c}.
     */
    public record Region(double[] xs, double[] ys, BitSet pattern, double gx, double gy, double c) {

        public double area() {
            return Math.abs(signedArea(xs, ys));
        }

        /** The centroid of the vertices (inside, since the polygon is convex). */
        public double[] centre() {
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < xs.length; i++) {
                sx += xs[i];
                sy += ys[i];
            }
            return new double[] {sx / xs.length, sy / xs.length};
        }

        /** Whether (x, y) is inside or within {@code tol} of the polygon's edges. */
        public boolean contains(double x, double y, double tol) {
            double sign = Math.signum(signedArea(xs, ys));
            for (int i = 0; i < xs.length; i++) {
                int k = (i + 1) % xs.length;
                double ex = xs[k] - xs[i];
                double ey = ys[k] - ys[i];
                double cross = ex * (y - ys[i]) - ey * (x - xs[i]);
                if (sign * cross < -tol * Math.hypot(ex, ey)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The most regions listed; beyond it the computation stops with a message. */
    public static final int MAX_REGIONS = 200_000;

    public LinearRegions {
        regions = List.copyOf(regions);
    }

    /** A polygon on its way through the layers: the maps from (x, y) to the current layer's outputs. */
    private record Cell(double[] xs, double[] ys, double[][] a, double[] b, BitSet pattern) {
    }

    /** The regions of {@code net} (two inputs) in [x0, x1] × [y0, y1]. */
    public static LinearRegions of(ReluNet net, double x0, double x1, double y0, double y1) {
        if (net.inputs() != 2) {
            throw new IllegalArgumentException("linear regions of the plane need a net of two inputs, not " + net);
        }
        if (!(x1 > x0) || !(y1 > y0)) {
            throw new IllegalArgumentException("the rectangle needs x0 < x1 and y0 < y1");
        }
        double minArea = 1e-14 * (x1 - x0) * (y1 - y0);
        double scale = Math.max(Math.max(Math.abs(x0), Math.abs(x1)), Math.max(Math.abs(y0), Math.abs(y1)));
        int[] sizes = net.sizes();
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1},
                new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0}, new BitSet()));
        int unit = 0;
        for (int l = 1; l < sizes.length - 1; l++) {
            List<Cell> next = new ArrayList<>();
            for (Cell cell : cells) {
                double[][] za = new double[sizes[l]][2];
                double[] zb = new double[sizes[l]];
                compose(net, l, cell, za, zb);
                List<Cell> parts = List.of(cell);
                for (int j = 0; j < sizes[l]; j++) {
                    List<Cell> split = new ArrayList<>();
                    for (Cell p : parts) {
                        split(p, za[j][0], za[j][1], zb[j], unit + j, scale, minArea, split);
                    }
                    parts = split;
                }
                for (Cell p : parts) {
                    double[][] a = new double[sizes[l]][];
                    double[] b = new double[sizes[l]];
                    for (int j = 0; j < sizes[l]; j++) {
                        boolean on = p.pattern().get(unit + j);
                        a[j] = on ? za[j].clone() : new double[2];
                        b[j] = on ? zb[j] : 0;
                    }
                    next.add(new Cell(p.xs(), p.ys(), a, b, p.pattern()));
                }
            }
            if (next.size() > MAX_REGIONS) {
                throw new LabException("the net " + net + " cuts the square into more than " + MAX_REGIONS
                        + " regions by layer " + l + ": too many to list exactly; take a narrower or shallower net");
            }
            cells = next;
            unit += sizes[l];
        }
        List<Region> out = new ArrayList<>(cells.size());
        int last = sizes.length - 1;
        for (Cell cell : cells) {
            double[][] za = new double[1][2];
            double[] zb = new double[1];
            compose(net, last, cell, za, zb);
            out.add(new Region(cell.xs(), cell.ys(), cell.pattern(), za[0][0], za[0][1], zb[0]));
        }
        return new LinearRegions(x0, x1, y0, y1, out);
    }

    /** Pre-activations of layer l as affine maps of (x, y) on a cell. */
    private static void compose(ReluNet net, int l, Cell cell, double[][] za, double[] zb) {
        for (int j = 0; j < za.length; j++) {
            double ax = 0;
            double ay = 0;
            double b = net.bias(l, j);
            for (int i = 0; i < cell.b().length; i++) {
                double w = net.weight(l, j, i);
                ax += w * cell.a()[i][0];
                ay += w * cell.a()[i][1];
                b += w * cell.b()[i];
            }
            za[j][0] = ax;
            za[j][1] = ay;
            zb[j] = b;
        }
    }

    /** Cuts a convex cell by the line ax x + ay y + b = 0: the part where it is positive gets the unit's bit. */
    private static void split(Cell cell, double ax, double ay, double b, int bit, double scale, double minArea,
                              List<Cell> out) {
        int n = cell.xs().length;
        double[] f = new double[n];
        double tol = 1e-13 * (Math.abs(ax) * scale + Math.abs(ay) * scale + Math.abs(b));
        boolean pos = false;
        boolean neg = false;
        for (int i = 0; i < n; i++) {
            f[i] = ax * cell.xs()[i] + ay * cell.ys()[i] + b;
            if (Math.abs(f[i]) <= tol) {
                f[i] = 0;
            }
            pos |= f[i] > 0;
            neg |= f[i] < 0;
        }
        if (!neg) {
            out.add(withBit(cell, cell.xs(), cell.ys(), pos ? bit : -1));
            return;
        }
        if (!pos) {
            out.add(cell);
            return;
        }
        List<double[]> up = new ArrayList<>();
        List<double[]> down = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = (i + 1) % n;
            double[] v = {cell.xs()[i], cell.ys()[i]};
            if (f[i] >= 0) {
                up.add(v);
            }
            if (f[i] <= 0) {
                down.add(v);
            }
            if ((f[i] > 0 && f[k] < 0) || (f[i] < 0 && f[k] > 0)) {
                double t = f[i] / (f[i] - f[k]);
                double[] cut = {cell.xs()[i] + t * (cell.xs()[k] - cell.xs()[i]),
                        cell.ys()[i] + t * (cell.ys()[k] - cell.ys()[i])};
                up.add(cut);
                down.add(cut);
            }
        }
        addIfLarge(cell, up, bit, minArea, out);
        addIfLarge(cell, down, -1, minArea, out);
    }

    private static void addIfLarge(Cell cell, List<double[]> vertices, int bit, double minArea, List<Cell> out) {
        if (vertices.size() < 3) {
            return;
        }
        double[] xs = new double[vertices.size()];
        double[] ys = new double[vertices.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = vertices.get(i)[0];
            ys[i] = vertices.get(i)[1];
        }
        if (Math.abs(signedArea(xs, ys)) > minArea) {
            out.add(withBit(cell, xs, ys, bit));
        }
    }

    private static Cell withBit(Cell cell, double[] xs, double[] ys, int bit) {
        BitSet p = (BitSet) cell.pattern().clone();
        if (bit >= 0) {
            p.set(bit);
        }
        return new Cell(xs, ys, cell.a(), cell.b(), p);
    }

    static double signedArea(double[] xs, double[] ys) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            int k = (i + 1) % xs.length;
            s += xs[i] * ys[k] - xs[k] * ys[i];
        }
        return s / 2;
    }

    /** Activation regions in the rectangle. */
    public int count() {
        return regions.size();
    }

    /** The regions' areas added up (the rectangle's area, up to rounding and dropped slivers). */
    public double totalArea() {
        return regions.stream().mapToDouble(Region::area).sum();
    }
}
