package org.latentlab.experiment.sweep;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.latentlab.core.LabException;
import org.latentlab.data.CsvTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sweep's results: for each combination, metric and reported iteration, the mean, standard deviation (over
 * the random seeds, n − 1 in the denominator), minimum and maximum of the runs' values, read from their
 * {@code metrics.csv}; and each metric's curve over iterations (mean ± sd per combination) for the plots.
 *
 * @param metrics the metrics reported, in the sweep's order
 * @param cells   one per combination × metric × reported iteration, combinations in order
 * @param curves  per combination index and metric: iteration → the statistics of the runs measured there
 */
public record SweepTable(List<String> metrics, List<Cell> cells,
                         Map<Integer, Map<String, TreeMap<Long, Stats>>> curves) {

    /** Statistics of one value over the random seeds of a combination. */
    public record Stats(int n, double mean, double sd, double min, double max) {

        /** Of {@code values} (NaNs, such as a metric not measured yet, left out); null when none is left. */
        public static Stats of(List<Double> values) {
            SummaryStatistics s = new SummaryStatistics();
            values.stream().filter(Double::isFinite).forEach(s::addValue);
            if (s.getN() == 0) {
                return null;
            }
            return new Stats((int) s.getN(), s.getMean(), s.getN() > 1 ? s.getStandardDeviation() : 0, s.getMin(),
                    s.getMax());
        }
    }

    /** One row of the table: a combination's metric at one iteration (null stats when no run measured it). */
    public record Cell(int combination, String label, String metric, long iteration, int runs, Stats stats) {
    }

    public SweepTable {
        metrics = List.copyOf(metrics);
        cells = List.copyOf(cells);
    }

    /**
     * The table of the runs finished so far in {@code sweepDir} (a run not yet finished is left out of the table
     * but its measurements so far are in the curves).
     */
    public static SweepTable of(SweepPlan plan, Path sweepDir) {
        List<RunMetrics> results = new ArrayList<>();
        for (SweepPlan.Run r : plan.runs()) {
            Path dir = SweepExecutor.existingRun(sweepDir.resolve("runs").resolve(r.name()));
            if (dir == null || !Files.isRegularFile(dir.resolve("metrics.csv"))) {
                continue;
            }
            CsvTable t = CsvTable.read(dir.resolve("metrics.csv"));
            for (String m : plan.spec().metrics()) {
                if (t.column(m) < 0) {
                    throw new LabException("sweep " + plan.spec().name() + ": metric '" + m + "' is not a column of "
                            + dir.resolve("metrics.csv") + " (columns: " + String.join(", ", t.header())
                            + "): change \"metrics\" in the sweep file and run it again (finished runs are kept)");
                }
            }
            results.add(new RunMetrics(r, t, SweepExecutor.savedIteration(dir) >= r.experiment().iterations()));
        }
        return of(plan, results);
    }

    /** One run's measurements, and whether it has finished (only finished runs enter the table). */
    public record RunMetrics(SweepPlan.Run run, CsvTable metrics, boolean finished) {
    }

    /** The table of the given runs' measurements (each with the columns the sweep reports and "iteration"). */
    public static SweepTable of(SweepPlan plan, List<RunMetrics> results) {
        SweepSpec spec = plan.spec();
        List<Cell> cells = new ArrayList<>();
        Map<Integer, Map<String, TreeMap<Long, Stats>>> curves = new TreeMap<>();
        for (SweepPlan.Combination c : plan.combinations()) {
            List<CsvTable> finished = new ArrayList<>();
            List<CsvTable> all = new ArrayList<>();
            for (RunMetrics r : results) {
                if (r.run().combination().index() == c.index()) {
                    all.add(r.metrics());
                    if (r.finished()) {
                        finished.add(r.metrics());
                    }
                }
            }
            List<Long> at = spec.at().isEmpty() ? List.of(c.experiment().iterations()) : spec.at();
            Map<String, TreeMap<Long, Stats>> byMetric = new java.util.LinkedHashMap<>();
            for (String m : spec.metrics()) {
                for (long a : at) {
                    List<Double> values = new ArrayList<>();
                    for (CsvTable t : finished) {
                        values.add(valueAt(t, m, a));
                    }
                    cells.add(new Cell(c.index(), c.label(), m, a, finished.size(), Stats.of(values)));
                }
                byMetric.put(m, curve(all, m));
            }
            curves.put(c.index(), byMetric);
        }
        return new SweepTable(spec.metrics(), cells, curves);
    }

    /** The metric's value in the row of iteration {@code at}, or NaN when the run has no such row or no value. */
    static double valueAt(CsvTable t, String metric, long at) {
        int it = t.column("iteration");
        int col = t.column(metric);
        double found = Double.NaN;
        for (CsvTable.Row row : t.rows()) {
            if (parse(row.get(it)) == at) {
                found = parse(row.get(col));
            }
        }
        return found;
    }

    private static TreeMap<Long, Stats> curve(List<CsvTable> runs, String metric) {
        TreeMap<Long, List<Double>> values = new TreeMap<>();
        for (CsvTable t : runs) {
            int it = t.column("iteration");
            int col = t.column(metric);
            for (CsvTable.Row row : t.rows()) {
                double i = parse(row.get(it));
                if (Double.isFinite(i)) {
                    values.computeIfAbsent((long) i, k -> new ArrayList<>()).add(parse(row.get(col)));
                }
            }
        }
        TreeMap<Long, Stats> curve = new TreeMap<>();
        values.forEach((i, v) -> {
            Stats s = Stats.of(v);
            if (s != null) {
                curve.put(i, s);
            }
        });
        return curve;
    }

    private static double parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The table as CSV rows (header first). */
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("combination", "label", "metric", "iteration", "runs", "mean", "sd", "min", "max"));
        for (Cell c : cells) {
            Stats s = c.stats();
            rows.add(List.of(c.combination() + 1, c.label(), c.metric(), c.iteration(), c.runs(),
                    s == null ? "" : num(s.mean()), s == null ? "" : num(s.sd()), s == null ? "" : num(s.min()),
                    s == null ? "" : num(s.max())));
        }
        return rows;
    }

    /**
     * The table as Markdown: a row per combination (and reported iteration when there are several), a column per
     * metric, each cell "mean ± sd (min–max)".
     */
    public String markdown(String title) {
        StringBuilder b = new StringBuilder("# ").append(title).append("\n\n");
        List<Long> iterations = cells.stream().map(Cell::iteration).distinct().sorted().toList();
        boolean several = iterations.size() > 1;
        b.append("| combination |").append(several ? " iteration |" : "").append(" runs |");
        metrics.forEach(m -> b.append(' ').append(m).append(" |"));
        b.append("\n|---|").append(several ? "---:|" : "").append("---:|");
        metrics.forEach(m -> b.append("---|"));
        b.append('\n');
        Map<String, Cell> byKey = new java.util.HashMap<>();
        List<String> order = new ArrayList<>();
        for (Cell c : cells) {
            byKey.put(c.combination() + "/" + c.iteration() + "/" + c.metric(), c);
            String row = c.combination() + "/" + c.iteration();
            if (!order.contains(row)) {
                order.add(row);
            }
        }
        for (String row : order) {
            Cell first = byKey.get(row + "/" + metrics.get(0));
            b.append("| ").append(first.label().replace("|", "\\|")).append(" |");
            if (several) {
                b.append(' ').append(first.iteration()).append(" |");
            }
            b.append(' ').append(first.runs()).append(" |");
            for (String m : metrics) {
                Stats s = byKey.get(row + "/" + m).stats();
                b.append(' ').append(s == null ? "–" : describe(s)).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** "6.5 ± 2.121 (5–8)": mean ± sd (min–max), as the Markdown table writes a cell. */
    public static String describe(Stats s) {
        return num(s.mean()) + " ± " + num(s.sd()) + " (" + num(s.min()) + "–" + num(s.max()) + ")";
    }

    /** Four significant digits, no exponent for ordinary sizes. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        String t = String.format(Locale.ROOT, "%.4g", v);
        int e = t.indexOf('e');
        String mantissa = e < 0 ? t : t.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + t.substring(e);
    }
}
