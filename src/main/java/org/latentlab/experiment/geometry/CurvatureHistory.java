package org.latentlab.experiment.geometry;

import java.util.List;
import java.util.Locale;

/**
 * The curvature along a training run: a {@link CurvatureRow} per checkpoint, oldest first.
 *
 * @param run       the run folder's name
 * @param objective the loss analysed
 * @param rows      one per checkpoint
 * @param note      empty, or what a person must know about the points (a GAN run keeps only its two newest checkpoints)
 */
public record CurvatureHistory(String run, String objective, List<CurvatureRow> rows, String note) {

    public CurvatureHistory {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("a curvature history has at least one row");
        }
        rows = List.copyOf(rows);
        note = note == null ? "" : note;
    }

    /** A table: a header and a row per checkpoint, whitespace-separated. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%10s %14s %14s %12s %14s%n", "iteration",
                "loss", "top_eigenvalue", "negative", "trace_slq"));
        for (CurvatureRow r : rows) {
            b.append(String.format(Locale.ROOT, "%10d %14.6g %14.6g %12.6f %14.6g%n", r.iteration(), r.loss(),
                    r.topEigenvalue(), r.negativeFraction(), r.traceEstimate()));
        }
        return b.toString();
    }
}
