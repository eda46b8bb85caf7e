package org.latentlab.experiment.geometry;

import org.latentlab.core.LabException;
import org.latentlab.data.CsvTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A 2-D slice of the loss, L(θ + a·d₁ + b·d₂) on a grid, with the training trajectory projected onto the plane
 * (Li et al. 2018). θ is the checkpoint analysed, at a = b = 0.
 *
 * @param info           what was analysed
 * @param plane          how the directions were made (a one-line label)
 * @param a              the grid's first coordinates (columns)
 * @param b              the grid's second coordinates (rows)
 * @param loss           {@code loss[row][column]} = L at (a[column], b[row])
 * @param trajectory     the run's parameters at initialisation and at each checkpoint, in the plane
 * @param scanFile       the resumable scan (SurfaceScan CSV)
 * @param trajectoryFile {@code iteration,a,b} rows
 * @param resumedCells   cells read from an earlier, unfinished scan instead of computed
 */
public record SurfaceSlice(AnalysisInfo info, String plane, double[] a, double[] b, double[][] loss,
                           Trajectory trajectory, Path scanFile, Path trajectoryFile, int resumedCells) {

    /**
     * Points of the training run in the plane: least-squares coordinates of θᵢ − θ.
     *
     * @param iterations each point's iteration (0: the initial parameters)
     * @param a          first coordinates
     * @param b          second coordinates
     * @param kept       the fraction of Σ‖θᵢ − θ‖² the plane keeps (random directions keep almost nothing: Li et al.
     *                   §7; PCA directions keep most)
     * @param note       what the trajectory is made of, for a person (e.g. that a GAN run keeps only its two newest checkpoints)
     */
    public record Trajectory(long[] iterations, double[] a, double[] b, double kept, String note) {
        public Trajectory {
            if (iterations.length != a.length || a.length != b.length) {
                throw new IllegalArgumentException("one (a, b) per iteration");
            }
        }

        /** Writes {@code iteration,a,b} rows under comment lines, atomically. */
        public void writeCsv(Path file, String plane) {
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < a.length; i++) {
                rows.add(List.of(iterations[i], a[i], b[i]));
            }
            try {
                CsvTable.write(file, List.of("plane: " + plane, "kept: " + kept
                        + " of the squared distance from the centre; " + note), List.of("iteration", "a", "b"), rows);
            } catch (LabException e) {
                throw new LabException("could not write the trajectory to " + file + ": " + e.getMessage(), e);
            }
        }
    }

    public SurfaceSlice {
        if (info == null || plane == null || a == null || b == null || loss == null || trajectory == null) {
            throw new IllegalArgumentException("a slice needs info, plane, grid, losses and trajectory");
        }
        if (loss.length != b.length) {
            throw new IllegalArgumentException("one row of losses per b");
        }
        for (double[] row : loss) {
            if (row.length != a.length) {
                throw new IllegalArgumentException("one loss per a in every row");
            }
        }
    }

    /** The loss at the centre (a = b = 0), or the cell nearest it. */
    public double centreLoss() {
        return loss[nearest(b)][nearest(a)];
    }

    /** The smallest and the largest finite loss on the grid. */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : loss) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    private static int nearest(double[] axis) {
        int best = 0;
        for (int i = 1; i < axis.length; i++) {
            if (Math.abs(axis[i]) < Math.abs(axis[best])) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        double[] r = range();
        return String.format(Locale.ROOT, "SurfaceSlice %d x %d on %s: centre %.6g, range [%.6g, %.6g]", a.length,
                b.length, plane, centreLoss(), r[0], r[1]);
    }
}
