package org.latentlab.experiment.sweep;

import org.latentlab.data.CsvTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each run of a sweep folder stands, read from the folder alone (the sweep may be training in another
 * process, or on a cluster, or have been cut): not started, under way with its last measurement, or finished.
 */
public final class SweepProgress {

    /** How far a run has come. */
    public enum Stage { NOT_STARTED, UNDER_WAY, FINISHED }

    /**
     * One run's row.
     *
     * @param measured the iteration of its last metrics row, or 0
     * @param saved    the iteration of its newest intact checkpoint, or -1
     * @param runDir   its run folder, or null before it starts
     */
    public record Row(SweepPlan.Run run, Stage stage, long measured, long saved, Path runDir) {

        /** "finished", "1,200 of 5,000 (saved 1,000)", "not started". */
        public String describe() {
            return switch (stage) {
                case FINISHED -> "finished";
                case NOT_STARTED -> "not started";
                case UNDER_WAY -> String.format(java.util.Locale.ROOT, "%,d of %,d%s", measured,
                        run.experiment().iterations(), saved < 0 ? " (nothing saved)"
                                : String.format(java.util.Locale.ROOT, " (saved %,d)", saved));
            };
        }
    }

    private SweepProgress() {
    }

    /** Every run of the plan, in order, as the folder shows it now. */
    public static List<Row> of(SweepPlan plan, Path sweepDir) {
        List<Row> rows = new ArrayList<>();
        for (SweepPlan.Run r : plan.runs()) {
            Path dir = SweepExecutor.existingRun(sweepDir.resolve("runs").resolve(r.name()));
            if (dir == null) {
                rows.add(new Row(r, Stage.NOT_STARTED, 0, -1, null));
                continue;
            }
            long saved = SweepExecutor.savedIteration(dir);
            long measured = lastMeasured(dir.resolve("metrics.csv"));
            Stage stage = saved >= r.experiment().iterations() ? Stage.FINISHED : Stage.UNDER_WAY;
            rows.add(new Row(r, stage, Math.max(measured, saved), saved, dir));
        }
        return rows;
    }

    private static long lastMeasured(Path csv) {
        if (!Files.isRegularFile(csv)) {
            return 0;
        }
        try {
            CsvTable t = CsvTable.read(csv);
            int col = t.column("iteration");
            if (col < 0 || t.rows().isEmpty()) {
                return 0;
            }
            return (long) Double.parseDouble(t.rows().get(t.rows().size() - 1).get(col));
        } catch (RuntimeException e) {
            return 0; // a row being written: the next look reads it whole
        }
    }
}
