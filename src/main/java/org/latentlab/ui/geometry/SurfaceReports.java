package org.latentlab.ui.geometry;

import org.latentlab.experiment.geometry.LineResult;
import org.latentlab.experiment.geometry.SurfaceSlice;

import java.util.Locale;

/** What the loss-surface section's report says about a 2-D slice and a 1-D line, for a person. */
final class SurfaceReports {

    /** Said when a scan stopped on Cancel, above what the section said before. */
    static final String STOPPED = "Scan stopped; the cells computed so far are kept beside the checkpoint. Continue"
            + " scan (or Scan slice with the same directions, grid and range) computes the rest.\n";

    private SurfaceReports() {
    }

    /** The slice's size, plane, losses, the trajectory and where it is kept; empty for none. */
    static String slice(SurfaceSlice s) {
        if (s == null) {
            return "";
        }
        double[] r = s.range();
        SurfaceSlice.Trajectory t = s.trajectory();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "2-D slice %d × %d on %s%n  loss at the centre %.5g, on the grid"
                        + " [%.5g, %.5g]%n  %s, %d parameters, %d examples%n", s.a().length, s.b().length, s.plane(),
                s.centreLoss(), r[0], r[1], s.info().objective(), s.info().parameters(), s.info().examples()));
        if (s.resumedCells() > 0) {
            b.append("  ").append(s.resumedCells()).append(" cells came from the earlier, stopped scan\n");
        }
        b.append(String.format(Locale.ROOT, "Trajectory: %d points; the plane keeps %.1f %% of their squared"
                + " distance from θ%s%n  %s%n", t.a().length, 100 * t.kept(), t.kept() < 0.2
                ? " (random directions are nearly orthogonal to the path: try the principal components)" : "",
                t.note()));
        b.append("  kept in ").append(s.scanFile()).append('\n');
        return b.toString();
    }

    /** The slice, and a word on the line drawn below it when there is one. */
    static String sliceWithLine(SurfaceSlice s, LineResult line) {
        return slice(s) + (line == null ? "" : "\n(1-D line drawn below: " + line.start() + " → " + line.end() + ")");
    }

    /** The line's ends, distance, losses and lowest point, then the slice's summary. */
    static String line(LineResult r, SurfaceSlice slice) {
        double[] min = r.minimum();
        return String.format(Locale.ROOT, "1-D line (%d points)%n  θ₀: %s%n  θ₁: %s%n  ‖θ₁ − θ₀‖ = %.4g%n"
                        + "  L(θ₀) = %.5g, L(θ₁) = %.5g; lowest %.5g at α = %.2f%n  %s%n%s", r.alpha().length,
                r.start(), r.end(), r.distance(), r.startLoss(), r.endLoss(), min[1], min[0],
                r.info().objective(), slice(slice));
    }

    /** The trajectory of a slice as a path on its plane, points labelled by iteration ("init" for the start). */
    static PlanePath path(SurfaceSlice.Trajectory t) {
        String[] labels = new String[t.iterations().length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = t.iterations()[i] == 0 ? "init" : "it " + t.iterations()[i];
        }
        return new PlanePath(t.a(), t.b(), labels);
    }

    /** A range holding every trajectory point with a margin, rounded up to two significant digits. */
    static double fittedRange(SurfaceSlice.Trajectory t) {
        double m = 0;
        for (int i = 0; i < t.a().length; i++) {
            m = Math.max(m, Math.max(Math.abs(t.a()[i]), Math.abs(t.b()[i])));
        }
        double r = Math.max(1e-3, 1.2 * m);
        double scale = Math.pow(10, Math.floor(Math.log10(r)) - 1);
        return Double.parseDouble(String.format(Locale.ROOT, "%.2g", Math.ceil(r / scale) * scale));
    }
}
