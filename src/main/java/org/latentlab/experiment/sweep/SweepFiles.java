package org.latentlab.experiment.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.latentlab.core.LabException;
import org.latentlab.experiment.Experiment;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.Presets;
import org.latentlab.model.JsonErrors;
import org.latentlab.model.LabJson;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads sweep files (strictly, as experiment files are read: unknown fields and wrong types are errors naming the
 * line) and the base experiment they name: a bundled preset, or an experiment file relative to the sweep file's
 * folder. Bundled sweeps live beside the presets ({@code sweeps/NAME.json} in the resources).
 */
public final class SweepFiles {

    private static final ObjectMapper MAPPER = LabJson.strictMapper();

    /** The bundled sweeps, in listing order. */
    public static final java.util.List<String> BUNDLED = java.util.List.of("ring8-packing", "ring8-ebgan-pt",
            "pacgan-ring", "pacgan-grid", "veegan-ring", "veegan-grid");

    /** A sweep folder's copy of its base experiment (its file may live elsewhere, or change). */
    public static final String BASE = "base.json";

    private SweepFiles() {
    }

    /** True when {@code dir} is a sweep folder (it holds sweep.json and base.json). */
    public static boolean isSweepFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("sweep.json")) && Files.isRegularFile(dir.resolve(BASE));
    }

    /**
     * The plan of the sweep in folder {@code dir}, from its own sweep.json and base.json (to look at its runs and
     * table; data sets named by a relative path are read from the folder).
     */
    public static SweepPlan planOf(Path dir) {
        return planOf(dir, dir);
    }

    /** As {@link #planOf(Path)}, with data sets named by a relative path read from {@code baseDir}. */
    public static SweepPlan planOf(Path dir, Path baseDir) {
        if (!isSweepFolder(dir)) {
            throw new LabException(dir + " is not a sweep folder (it has no sweep.json and base.json): open the"
                    + " folder latentlab sweep wrote (sweeps/NAME)");
        }
        SweepSpec spec = read(dir.resolve("sweep.json"));
        Experiment<?> base = ExperimentFiles.read(dir.resolve(BASE));
        return SweepPlan.expand(spec, base, dir.resolve("sweep.json").toString(), baseDir);
    }

    /** A sweep and the plan it expands to, from a file or a bundled sweep's name. */
    public static SweepPlan plan(String fileOrName) {
        Path file = Path.of(fileOrName);
        if (Files.isRegularFile(file)) {
            String text = ExperimentFiles.readText(file);
            SweepSpec spec = parse(text, file.toString());
            Path folder = file.toAbsolutePath().getParent();
            Experiment<?> base = base(spec, folder, file.toString());
            Path baseDir = Presets.NAMES.contains(spec.base()) ? Path.of(".") : folder.resolve(spec.base()).getParent();
            return SweepPlan.expand(spec, base, file.toString(), baseDir);
        }
        if (BUNDLED.contains(fileOrName)) {
            String text = bundledText(fileOrName);
            SweepSpec spec = parse(text, "sweep " + fileOrName);
            return SweepPlan.expand(spec, base(spec, null, "sweep " + fileOrName), "sweep " + fileOrName, Path.of("."));
        }
        throw new LabException(fileOrName + ": no such sweep file" + (BUNDLED.isEmpty() ? ""
                : " or bundled sweep (bundled: " + String.join(", ", BUNDLED) + ")"));
    }

    /** Parses a sweep file's text; {@code source} names it in messages. */
    public static SweepSpec parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LabException(source + ": " + JsonErrors.describe(e), e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new LabException(source + ": a sweep file is one JSON object {\"name\": ..., \"base\": ...,"
                    + " \"grid\": ..., \"seeds\": ..., \"metrics\": [...]}");
        }
        try {
            return MAPPER.treeToValue(root, SweepSpec.class);
        } catch (JsonProcessingException e) {
            throw new LabException(source + ": " + JsonErrors.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new LabException(source + ": " + e.getMessage(), e);
        }
    }

    /** The sweep as JSON text (what a sweep folder keeps as {@code sweep.json}). */
    public static String toJson(SweepSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sweep could not be written as JSON", e);
        }
    }

    /**
     * What decides the runs (base, iterations, seeds, grid, combinations) as a JSON tree: two sweeps that agree on
     * it make the same runs, whatever they report.
     */
    static JsonNode runsPart(SweepSpec spec) {
        ObjectNode tree = MAPPER.valueToTree(spec);
        tree.remove("description");
        tree.remove("metrics");
        tree.remove("at");
        return tree;
    }

    static SweepSpec read(Path file) {
        return parse(ExperimentFiles.readText(file), file.toString());
    }

    private static Experiment<?> base(SweepSpec spec, Path folder, String source) {
        if (Presets.NAMES.contains(spec.base())) {
            return Presets.load(spec.base());
        }
        Path file = folder == null ? Path.of(spec.base()) : folder.resolve(spec.base());
        if (!Files.isRegularFile(file)) {
            throw new LabException(source + ": base '" + spec.base() + "' is neither a preset nor an experiment file"
                    + (folder == null ? "" : " in " + folder) + " (presets: latentlab presets)");
        }
        return ExperimentFiles.read(file);
    }

    private static String bundledText(String name) {
        try (java.io.InputStream in = SweepFiles.class.getResourceAsStream("/org/latentlab/experiment/sweeps/"
                + name + ".json")) {
            if (in == null) {
                throw new LabException("bundled sweep " + name + " is missing from the lab's resources");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new LabException("cannot read bundled sweep " + name + ": " + e.getMessage(), e);
        }
    }
}
