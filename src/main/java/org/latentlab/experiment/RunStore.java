package org.latentlab.experiment;

import org.latentlab.core.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.latentlab.core.LabException;
import org.latentlab.data.CsvTable;
import org.latentlab.train.Backend;
import org.latentlab.train.Evaluation;
import org.latentlab.train.GanTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run's folder: {@code spec.json}, {@code provenance.json}, {@code metrics.csv} (a row per measurement),
 * {@code samples/iter-NNNNNNNN.png} and {@code checkpoints/}. The CLI and the window write the same files.
 */
public final class RunStore {

    public static final List<String> BASE_COLUMNS = List.of("iteration", "elapsed_s", "d_loss", "g_loss",
            "d_real", "d_fake", "penalty");

    private final Path dir;
    private List<String> columns;

    private RunStore(Path dir) {
        this.dir = dir;
    }

    /** A new folder {@code runs/<timestamp>-<name>} with the spec and provenance written. */
    public static RunStore create(Path runsRoot, Experiment<?> spec, String dataHash, Path dataBaseDir) {
        return create(runsRoot, spec.name(), spec.seed(), spec.dataset(), ExperimentFiles.toJson(spec), dataHash,
                dataBaseDir);
    }

    /** A new folder for any experiment, given its name, seed, data set and spec as JSON. */
    public static RunStore create(Path runsRoot, String name, long seed, DatasetSpec dataset, String specJson,
                                  String dataHash, Path dataBaseDir) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = null;
        try {
            Files.createDirectories(runsRoot);
            for (int i = 1; dir == null; i++) {
                Path candidate = runsRoot.resolve(stamp + "-" + name + (i == 1 ? "" : "-" + i));
                try {
                    dir = Files.createDirectory(candidate);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another run started in the same second: take the next name
                }
            }
            Files.createDirectories(dir.resolve("samples"));
            Files.createDirectories(dir.resolve("checkpoints"));
        } catch (IOException e) {
            throw new LabException("cannot create run folder " + dir + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeString(dir.resolve("spec.json"), specJson);
        writeProvenance(dir, name, seed, dataset, dataHash, dataBaseDir);
        return new RunStore(dir);
    }

    /**
     * An existing run folder, to resume. Nothing in it changes until {@link #keepMetricsUpTo} is called, once the
     * checkpoint to continue from has loaded.
     */
    public static RunStore open(Path dir) {
        if (!Files.isRegularFile(dir.resolve("spec.json"))) {
            throw new LabException(dir + " is not a run folder (no spec.json)");
        }
        return new RunStore(dir);
    }

    /** Drops the metrics rows after {@code iteration} (measured after the checkpoint a resume continues from). */
    public void keepMetricsUpTo(long iteration) {
        truncateMetricsAfter(iteration);
        columns = null;
    }

    /**
     * Checks, before any training, that runs can be written under {@code folder} (a runs root, or a run folder to
     * resume in): it is or can be made a folder, a file can be written in it, and it has room for two checkpoints of
     * about {@code checkpointBytes} each (the newest kept while the next is written).
     *
     * @throws LabException saying what is wrong and what to do
     */
    public static void checkWritable(Path folder, long checkpointBytes) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new LabException("cannot write runs into " + folder + ": it is a file, not a folder;"
                    + " give --runs a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LabException("cannot create the runs folder " + folder + ": " + Checkpoints.describe(e)
                    + "; give --runs a folder you can write to", e);
        }
        try {
            Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
            try {
                Files.write(probe, new byte[] {1});
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            throw new LabException("cannot write in the runs folder " + folder + ": " + Checkpoints.describe(e)
                    + "; give --runs a folder you can write to", e);
        }
        long free;
        try {
            free = Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return; // the space is unknown: the writes themselves are checked
        }
        long needed = 2 * checkpointBytes + (1 << 20);
        if (free < needed) {
            throw new LabException(String.format(Locale.ROOT, "the runs folder %s has %s free, but this experiment"
                    + " needs about %s (two checkpoints of %s, and metrics and samples): free some space or give"
                    + " --runs another folder", folder, bytes(free), bytes(needed), bytes(checkpointBytes)));
        }
    }

    /** A byte count for people: 300 KB, 12.5 MB, 3.1 GB. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    public Path dir() {
        return dir;
    }

    public GanExperiment spec() {
        return ExperimentFiles.readGan(dir.resolve("spec.json"));
    }

    /** Appends one row; the header is written with the first row and names the evaluation's metrics. */
    public void appendMetrics(GanTrainer trainer, long elapsedMillis, Evaluation evaluation) {
        GanTrainer.StepStats s = trainer.lastStats();
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("iteration", (double) trainer.iteration());
        row.put("elapsed_s", elapsedMillis / 1000.0);
        row.put("d_loss", s.discriminatorLoss);
        row.put("g_loss", s.generatorLoss);
        row.put("d_real", s.realScore);
        row.put("d_fake", s.fakeScore);
        row.put("penalty", s.penalty);
        if (trainer.infoGan().isPresent()) {
            // InfoGAN (Chen et al. 2016, section 5): ln K − CE of Q on the last generated batch, at most ln K
            row.put("mi_lower_bound", s.informationBound);
        }
        if (evaluation != null) {
            evaluation.values().forEach((m, v) -> row.put(m.column(), v));
        }
        appendRow(row);
    }

    /**
     * Appends one row of named values to metrics.csv; the first row fixes the columns (later keys not among them
     * are dropped, missing ones left empty).
     */
    public void appendRow(Map<String, Double> row) {
        Path csv = dir.resolve("metrics.csv");
        if (columns == null) {
            if (hasRows(csv)) {
                columns = CsvTable.read(csv).header();
            } else {
                columns = new ArrayList<>(row.keySet());
                CsvTable.write(csv, columns, List.of());
            }
        }
        List<String> line = new ArrayList<>(columns.size());
        for (String column : columns) {
            line.add(format(row.get(column)));
        }
        CsvTable.append(csv, List.of(line));
    }

    /** elapsed_s of the last row of metrics.csv, or 0 (so a resumed run's clock continues). */
    public double lastElapsedSeconds() {
        Path csv = dir.resolve("metrics.csv");
        try {
            if (!hasRows(csv)) {
                return 0;
            }
            CsvTable table = CsvTable.read(csv);
            int col = table.column("elapsed_s");
            if (col < 0 || table.rows().isEmpty()) {
                return 0;
            }
            CsvTable.Row last = table.rows().get(table.rows().size() - 1);
            return col < last.size() && !last.get(col).isEmpty() ? Double.parseDouble(last.get(col)) : 0;
        } catch (LabException | NumberFormatException e) {
            return 0;
        }
    }

    public Path samplePath(long iteration) {
        return dir.resolve("samples").resolve(String.format("iter-%08d.png", iteration));
    }

    private static String format(Double v) {
        if (v == null || v.isNaN()) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private void truncateMetricsAfter(long iteration) {
        Path csv = dir.resolve("metrics.csv");
        if (!hasRows(csv)) {
            return;
        }
        CsvTable table = CsvTable.read(csv);
        int col = Math.max(table.column("iteration"), 0);
        List<List<String>> kept = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            try {
                if (r.size() == table.header().size() && Long.parseLong(r.get(col)) <= iteration) {
                    kept.add(r.cells());
                }
            } catch (NumberFormatException e) {
                // a row cut off by a killed process: dropped
            }
        }
        if (kept.size() < table.rows().size()) {
            CsvTable.write(csv, table.header(), kept);
        }
    }

    private static boolean hasRows(Path csv) {
        try {
            return Files.exists(csv) && Files.size(csv) > 0;
        } catch (IOException e) {
            throw new LabException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    public static RunStore create(Path runsRoot, GanExperiment spec, String dataHash) {
        return create(runsRoot, spec, dataHash, null);
    }

    /** The folder relative data paths were resolved against when the run started, or null. */
    public static Path dataBaseDir(Path runDir) {
        String v = provenance(runDir).get("dataBaseDir");
        return v == null ? null : Path.of(v);
    }

    /** The SHA-256 of the data recorded when the run started, or null. */
    public static String dataHash(Path runDir) {
        return provenance(runDir).get("dataSha256");
    }

    private static Map<String, String> provenance(Path runDir) {
        Path p = runDir.resolve("provenance.json");
        if (!Files.isRegularFile(p)) {
            return Map.of();
        }
        try {
            Map<String, String> out = new LinkedHashMap<>();
            new ObjectMapper().readTree(p.toFile()).fields().forEachRemaining(e -> out.put(e.getKey(),
                    e.getValue().isNull() ? null : e.getValue().asText()));
            return out;
        } catch (IOException e) {
            throw new LabException(p + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void writeProvenance(Path dir, String name, long seed, DatasetSpec dataset, String dataHash,
                                        Path dataBaseDir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("experiment", name);
        p.put("seed", seed);
        p.put("dataset", dataset.toString());
        p.put("dataSha256", dataHash);
        // relative data paths were resolved against this folder (the working directory when none was given), so a
        // run opened later from elsewhere finds its data again
        p.put("dataBaseDir", (dataBaseDir == null ? Path.of("") : dataBaseDir).toAbsolutePath().normalize()
                .toString());
        p.put("created", LocalDateTime.now().toString());
        p.put("java", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("latentLab", versionOf(RunStore.class, "development"));
        p.put("deeplearning4j", versionOf(org.deeplearning4j.nn.multilayer.MultiLayerNetwork.class, "1.0.0-M2.1"));
        p.put("nd4jBackend", Backend.describe());
        try {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            AtomicFiles.writeString(dir.resolve("provenance.json"), m.writeValueAsString(p));
        } catch (IOException e) {
            throw new LabException("cannot write provenance: " + e.getMessage(), e);
        }
    }

    private static String versionOf(Class<?> c, String fallback) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? fallback : v;
    }
}
