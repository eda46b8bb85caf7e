package org.latentlab.experiment;

import org.latentlab.data.CsvTable;
import org.latentlab.train.Evaluation;
import org.latentlab.train.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Kept GAN runs read as a table: one row per fixed iteration any of them reached ({@link Milestone}) and a last row
 * for their newest measurements; per run, where each was measured and what: modes covered, % of high-quality
 * samples and reverse KL for toy mixtures (the definitions of Srivastava et al. 2017, "VEEGAN", and Lin et al.
 * 2018, "PacGAN"), the diversity of a fixed batch for images. {@link #csv} writes the same numbers one row per run
 * and milestone, unrounded, with the columns of a run folder's metrics.csv.
 */
public final class GanComparisonTable {

    /** What the table shows of one run's measurement. */
    public enum Column {
        ITERATION("at"),
        MODES("modes"),
        HIGH_QUALITY("% HQ"),
        REVERSE_KL("rev. KL"),
        DIVERSITY("diversity");

        private final String title;

        Column(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** The columns a run shows: mode coverage for toy mixtures, diversity for images. */
        public static List<Column> of(KeptGanRun run) {
            return Double.isNaN(run.modes()) ? List.of(ITERATION, DIVERSITY)
                    : List.of(ITERATION, MODES, HIGH_QUALITY, REVERSE_KL);
        }

        /** The text of this column for {@code run}'s measurement {@code e}; "–" when not measured. */
        public String format(KeptGanRun run, Evaluation e) {
            if (e == null) {
                return "–";
            }
            return switch (this) {
                case ITERATION -> String.format(Locale.ROOT, "%,d", e.iteration());
                case MODES -> e.has(Metric.MODES_COVERED)
                        ? Metric.MODES_COVERED.format(e.get(Metric.MODES_COVERED)) + " / " + (long) run.modes() : "–";
                case HIGH_QUALITY -> e.has(Metric.HIGH_QUALITY_FRACTION)
                        ? String.format(Locale.ROOT, "%.1f", 100 * e.get(Metric.HIGH_QUALITY_FRACTION)) : "–";
                case REVERSE_KL -> e.has(Metric.REVERSE_KL)
                        ? String.format(Locale.ROOT, "%.3f", e.get(Metric.REVERSE_KL)) : "–";
                case DIVERSITY -> e.has(Metric.DIVERSITY)
                        ? String.format(Locale.ROOT, "%.3f", e.get(Metric.DIVERSITY)) : "–";
            };
        }
    }

    /**
     * One row: a fixed iteration ({@code target}) or the newest measurements ({@code target} = {@link #LAST}), and
     * each run's measurement for it, null where the run did not reach it.
     */
    public record Row(long target, List<Evaluation> measurements) {
        public Row {
            measurements = java.util.Collections.unmodifiableList(new ArrayList<>(measurements));
        }

        public boolean isLast() {
            return target == LAST;
        }

        /** "1,000", or "last". */
        public String title() {
            return isLast() ? "last" : String.format(Locale.ROOT, "%,d", target);
        }
    }

    /** The target of the last row. */
    public static final long LAST = -1;

    /** The metrics of a run folder's columns that the CSV holds, in this order. */
    public static final List<Metric> CSV_METRICS = List.of(Metric.MODES_COVERED, Metric.HIGH_QUALITY_FRACTION,
            Metric.REVERSE_KL, Metric.DIVERSITY, Metric.DIVERSITY_REAL);

    private GanComparisonTable() {
    }

    /** The rows: each fixed iteration some run reached, in order, then the newest measurements. */
    public static List<Row> rows(List<KeptGanRun> runs) {
        TreeSet<Long> targets = new TreeSet<>();
        runs.forEach(r -> r.milestones().forEach(m -> targets.add(m.target())));
        List<Row> rows = new ArrayList<>();
        for (long t : targets) {
            List<Evaluation> cells = new ArrayList<>();
            for (KeptGanRun r : runs) {
                cells.add(r.milestones().stream().filter(m -> m.target() == t).map(Milestone::evaluation)
                        .findFirst().orElse(null));
            }
            rows.add(new Row(t, cells));
        }
        List<Evaluation> last = new ArrayList<>();
        runs.forEach(r -> last.add(r.last()));
        rows.add(new Row(LAST, last));
        return rows;
    }

    /** The CSV header. */
    public static List<String> csvHeader() {
        List<String> h = new ArrayList<>(List.of("run", "experiment", "seed", "remedies", "milestone", "iteration",
                "modes"));
        CSV_METRICS.forEach(m -> h.add(m.column()));
        return h;
    }

    /** The CSV rows: per run (in order), its milestones then its newest measurement ("last"). */
    public static List<List<String>> csvRows(List<KeptGanRun> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (KeptGanRun r : runs) {
            for (Milestone m : r.milestones()) {
                rows.add(csvRow(r, String.valueOf(m.target()), m.evaluation()));
            }
            if (r.last() != null) {
                rows.add(csvRow(r, "last", r.last()));
            }
        }
        return rows;
    }

    private static List<String> csvRow(KeptGanRun r, String milestone, Evaluation e) {
        List<String> row = new ArrayList<>(List.of(r.label(), r.name(), String.valueOf(r.seed()),
                String.join("; ", r.remedies()), milestone, String.valueOf(e.iteration()),
                Double.isNaN(r.modes()) ? "" : String.valueOf((long) r.modes())));
        for (Metric m : CSV_METRICS) {
            row.add(e.has(m) ? String.valueOf(e.get(m)) : "");
        }
        return row;
    }

    /** The whole CSV file's text. */
    public static String csv(List<KeptGanRun> runs) {
        return CsvTable.format(List.of(), csvHeader(), csvRows(runs));
    }
}
