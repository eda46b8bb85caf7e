package org.latentlab.analysis.landscape;

import org.latentlab.analysis.Objective;
import org.latentlab.analysis.PlaneLoss;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;

import org.latentlab.data.CsvTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The loss on a grid of a {@link ScanPlane}, L(origin + a·d₁ + b·d₂) for a in [aMin, aMax] and b in [bMin, bMax]
 * (Li et al. 2018; their {@code plot_surface} fills an HDF5 grid and marks cells not yet computed so a scan can
 * resume). Cells are computed row by row (b outer, a inner); {@link #run} computes the pending ones and can be
 * cancelled through its {@link Monitor} at any cell, keeping what it computed; a scan can be saved as CSV, loaded
 * and continued, and the result is the same as an uninterrupted scan.
 *
 * <p>Not thread-safe: one worker runs it, and the screen reads {@link #values()} copies.
 */
public final class SurfaceScan {

    /** The default grid: 41 × 41 over [−1, 1]² (the paper's 51 × 51 at a step of 0.04 is the bench's size). */
    public static final int DEFAULT_RESOLUTION = 41;

    private static final String MAGIC = "latent-lab surface scan";
    private static final List<String> HEADER = List.of("row", "column", "a", "b", "loss");

    private final ScanPlane plane;
    private final double[] a;
    private final double[] b;
    private final double[][] loss;
    private final boolean[][] done;
    private int computed;

    private SurfaceScan(ScanPlane plane, double[] a, double[] b) {
        this.plane = plane;
        this.a = a;
        this.b = b;
        this.loss = new double[b.length][a.length];
        this.done = new boolean[b.length][a.length];
        for (double[] row : loss) {
            Arrays.fill(row, Double.NaN);
        }
    }

    /** A pending scan of the default 41 × 41 cells over [−1, 1]². */
    public static SurfaceScan create(ScanPlane plane) {
        return create(plane, -1, 1, DEFAULT_RESOLUTION);
    }

    /** A pending scan of {@code resolution}² cells over [min, max]². */
    public static SurfaceScan create(ScanPlane plane, double min, double max, int resolution) {
        return create(plane, min, max, resolution, min, max, resolution);
    }

    /** A pending scan of na × nb cells over [aMin, aMax] × [bMin, bMax]. */
    public static SurfaceScan create(ScanPlane plane, double aMin, double aMax, int na, double bMin, double bMax,
                                     int nb) {
        return new SurfaceScan(plane, grid(aMin, aMax, na), grid(bMin, bMax, nb));
    }

    private static double[] grid(double lo, double hi, int n) {
        if (n < 2 || !(hi > lo)) {
            throw new IllegalArgumentException("a scan axis needs at least 2 points and max > min");
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo + (hi - lo) * i / (n - 1);
        }
        return g;
    }

    /** Computes every pending cell; see {@link #run(Objective, int, Monitor)}. */
    public SurfaceScan run(Objective objective, Monitor monitor) {
        return run(objective, Integer.MAX_VALUE, monitor);
    }

    /**
     * Computes at most {@code maxCells} pending cells in row order, reporting progress per cell. On cancellation it
     * throws {@link Monitor.Cancelled} and keeps every cell computed so far.
     */
    public SurfaceScan run(Objective objective, int maxCells, Monitor monitor) {
        if (objective.dimension() != plane.dimension()) {
            throw new LabException("the scan's plane has " + plane.dimension() + " parameters but the model has "
                    + objective.dimension() + ": the scan belongs to another model");
        }
        int total = total();
        int budget = maxCells;
        if (computed == total || budget <= 0) {
            return this;
        }
        PlaneLoss onPlane = objective.onPlane(plane.origin(), plane.d1(), plane.d2());
        for (int j = 0; j < b.length && budget > 0; j++) {
            for (int i = 0; i < a.length && budget > 0; i++) {
                if (done[j][i]) {
                    continue;
                }
                monitor.checkCancelled();
                loss[j][i] = onPlane.at(a[i], b[j]);
                done[j][i] = true;
                computed++;
                budget--;
                monitor.progress((double) computed / total, "surface: " + computed + " of " + total + " cells");
            }
        }
        return this;
    }

    public ScanPlane plane() {
        return plane;
    }

    /** The grid's first coordinates (columns). */
    public double[] a() {
        return a.clone();
    }

    /** The grid's second coordinates (rows). */
    public double[] b() {
        return b.clone();
    }

    public int total() {
        return a.length * b.length;
    }

    public int computed() {
        return computed;
    }

    public boolean isComplete() {
        return computed == total();
    }

    public boolean isComputed(int row, int column) {
        return done[row][column];
    }

    /** The loss at row j (coordinate b[j]) and column i (a[i]); NaN while pending. */
    public double loss(int row, int column) {
        return loss[row][column];
    }

    /** A copy of the grid, [row = b index][column = a index], NaN where pending. */
    public double[][] values() {
        double[][] out = new double[loss.length][];
        for (int j = 0; j < loss.length; j++) {
            out[j] = loss[j].clone();
        }
        return out;
    }

    /** The smallest and largest finite computed loss, or NaN, NaN when none. */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < b.length; j++) {
            for (int i = 0; i < a.length; i++) {
                if (done[j][i] && Double.isFinite(loss[j][i])) {
                    lo = Math.min(lo, loss[j][i]);
                    hi = Math.max(hi, loss[j][i]);
                }
            }
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    /**
     * Writes the scan as CSV (atomically: a temporary file moved into place). Comment lines give the plane's label
     * and fingerprint and the grid; then one row {@code row,column,a,b,loss} per cell, the loss empty while pending.
     */
    public void writeCsv(Path file) {
        List<List<Object>> rows = new ArrayList<>(a.length * b.length);
        for (int j = 0; j < b.length; j++) {
            for (int i = 0; i < a.length; i++) {
                rows.add(List.of(j, i, a[i], b[j], done[j][i] ? Double.toString(loss[j][i]) : ""));
            }
        }
        CsvTable.write(file, List.of(MAGIC, "plane: " + plane.label(), "fingerprint: " + plane.fingerprint(),
                String.format(Locale.ROOT, "grid: %s %s %d %s %s %d", a[0], a[a.length - 1], a.length, b[0],
                        b[b.length - 1], b.length)), HEADER, rows);
    }

    /**
     * Loads a scan written by {@link #writeCsv}, on its plane, ready to {@link #run} on. Refuses a file made on
     * another plane (other directions, another centre or another model).
     */
    public static SurfaceScan readCsv(Path file, ScanPlane plane) {
        CsvTable table = CsvTable.read(file);
        List<String> comments = table.comments();
        if (comments.isEmpty() || !MAGIC.equals(comments.get(0))) {
            throw new LabException(file + " is not a surface scan file");
        }
        String fp = value(comments, 2, "fingerprint: ", file);
        if (!fp.equals(plane.fingerprint())) {
            throw new LabException("the scan in " + file + " was made on another plane (other directions, centre"
                    + " or model): start a new scan, or load the plane it was made on");
        }
        SurfaceScan scan;
        try {
            String[] g = value(comments, 3, "grid: ", file).split(" ");
            scan = create(plane, Double.parseDouble(g[0]), Double.parseDouble(g[1]), Integer.parseInt(g[2]),
                    Double.parseDouble(g[3]), Double.parseDouble(g[4]), Integer.parseInt(g[5]));
        } catch (RuntimeException e) {
            if (e instanceof LabException le) {
                throw le;
            }
            throw new LabException(file + " is damaged: its grid line cannot be read (" + e.getMessage() + ")", e);
        }
        for (CsvTable.Row r : table.rows()) {
            if (r.size() != 5) {
                throw new LabException(file + " line " + r.line() + ": a cell row needs 5 fields ("
                        + String.join(",", HEADER) + ") but has " + r.size());
            }
            if (r.get(4).isEmpty()) {
                continue;
            }
            try {
                int j = Integer.parseInt(r.get(0));
                int i = Integer.parseInt(r.get(1));
                double v = Double.parseDouble(r.get(4));
                if (!scan.done[j][i]) {
                    scan.computed++;
                }
                scan.loss[j][i] = v;
                scan.done[j][i] = true;
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new LabException(file + " line " + r.line() + ": not a cell of this grid (" + e.getMessage()
                        + "): start a new scan", e);
            }
        }
        return scan;
    }

    private static String value(List<String> comments, int index, String prefix, Path file) {
        if (comments.size() <= index || !comments.get(index).startsWith(prefix)) {
            throw new LabException(file + " is damaged: expected a line starting with '# " + prefix.trim() + "'");
        }
        return comments.get(index).substring(prefix.length()).trim();
    }

    @Override
    public String toString() {
        return "SurfaceScan " + a.length + " x " + b.length + " on " + plane.label() + ": " + computed + " of "
                + total() + " cells";
    }
}
