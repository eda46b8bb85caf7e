package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.data.CsvTable;
import org.latentlab.train.Metric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The curves a run folder has recorded so far, read back from its {@code metrics.csv} so that a reopened run shows
 * its course before it trains again: each loss part the live charts draw, by the name its statuses give it ("D loss"
 * is {@code d_loss} for a GAN, "reconstruction" for an autoencoder), and each measured {@link Metric}; x is the
 * iteration of the row. A row is written every sample interval, so these curves are as fine as the run folder, not
 * as the statuses the window saw. Immutable.
 *
 * @param losses   loss part name to its curve, in the order of the file's columns
 * @param measured each measured metric to its curve
 */
public record RecordedCurves(Map<String, RunCurve> losses, Map<Metric, RunCurve> measured) {

    /** Nothing recorded: a new run, or a folder whose metrics cannot be read. */
    public static final RecordedCurves EMPTY = new RecordedCurves(Map.of(), Map.of());

    private static final String ITERATION = "iteration";
    private static final String ELAPSED = "elapsed_s";

    public RecordedCurves {
        losses = Collections.unmodifiableMap(new LinkedHashMap<>(losses));
        measured = Collections.unmodifiableMap(measured.isEmpty() ? new EnumMap<>(Metric.class)
                : new EnumMap<>(measured));
    }

    /** The recorded curve of loss part {@code name}, or {@link RunCurve#EMPTY}. */
    public RunCurve loss(String name) {
        return losses.getOrDefault(name, RunCurve.EMPTY);
    }

    /** The recorded curve of {@code metric}, or {@link RunCurve#EMPTY}. */
    public RunCurve measured(Metric metric) {
        return measured.getOrDefault(metric, RunCurve.EMPTY);
    }

    public boolean isEmpty() {
        return losses.values().stream().allMatch(RunCurve::isEmpty)
                && measured.values().stream().allMatch(RunCurve::isEmpty);
    }

    /**
     * Reads the rows of {@code runDir/metrics.csv} up to iteration {@code upTo}: a column named by a metric's
     * {@link Metric#column()} is that metric; any other column but the iteration and the elapsed time is a loss part,
     * named by {@code lossPart} (null: a column the charts do not draw). Empty cells (a value not measured in that
     * row) and rows cut off by a killed process are skipped.
     *
     * @throws LabException when the file exists but cannot be read
     */
    public static RecordedCurves read(Path runDir, long upTo, UnaryOperator<String> lossPart) {
        Path csv = runDir.resolve("metrics.csv");
        if (!Files.isRegularFile(csv)) {
            return EMPTY;
        }
        CsvTable table = CsvTable.read(csv);
        int it = table.column(ITERATION);
        if (it < 0) {
            return EMPTY;
        }
        Map<String, Metric> metrics = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            metrics.put(m.column(), m);
        }
        int columns = table.header().size();
        Map<Integer, RunCurve.Builder> builders = new LinkedHashMap<>();
        for (int c = 0; c < columns; c++) {
            String name = table.header().get(c);
            if (c != it && !name.equals(ELAPSED)
                    && (metrics.containsKey(name) || lossPart.apply(name) != null)) {
                builders.put(c, new RunCurve.Builder(Math.max(4, table.rows().size())));
            }
        }
        for (CsvTable.Row row : table.rows()) {
            Double x = number(row, it);
            if (row.size() != columns || x == null || x > upTo) {
                continue;
            }
            builders.forEach((c, b) -> {
                Double y = number(row, c);
                if (y != null) {
                    b.add(x, y);
                }
            });
        }
        Map<String, RunCurve> losses = new LinkedHashMap<>();
        Map<Metric, RunCurve> measured = new EnumMap<>(Metric.class);
        builders.forEach((c, b) -> {
            String name = table.header().get(c);
            RunCurve curve = b.build();
            if (metrics.containsKey(name)) {
                measured.put(metrics.get(name), curve);
            } else {
                losses.put(lossPart.apply(name), curve);
            }
        });
        return new RecordedCurves(losses, measured);
    }

    private static Double number(CsvTable.Row row, int column) {
        if (column >= row.size() || row.get(column).isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(row.get(column));
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
