package org.latentlab.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.latentlab.core.LabException;
import org.latentlab.experiment.Experiment;
import org.latentlab.experiment.ExperimentFiles;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep expanded into its runs: each combination's experiment (the base with the combination's values written
 * into its JSON and read back through the experiment's own validation) and, for each, one run per random seed.
 * A path that names no field of the base, or a value the experiment refuses, is an error naming the sweep file,
 * the combination and the path.
 *
 * @param spec         the sweep
 * @param base         the base experiment
 * @param combinations the combinations in table order
 * @param runs         every run: the combinations in order, each with its seeds in order
 * @param baseDir      the folder a data set's relative path is read from (the base experiment file's, or the
 *                     working directory for a preset)
 */
public record SweepPlan(SweepSpec spec, Experiment<?> base, List<Combination> combinations, List<Run> runs,
                        java.nio.file.Path baseDir) {

    /** One combination: its label, the values it sets and the experiment they make (seed not yet set). */
    public record Combination(int index, String label, Map<String, JsonNode> values, Experiment<?> experiment) {
    }

    /** One run: its combination, random seed, and name (also its folder's name in the sweep). */
    public record Run(Combination combination, int seedIndex, long seed, String name, Experiment<?> experiment) {
    }

    public SweepPlan {
        combinations = List.copyOf(combinations);
        runs = List.copyOf(runs);
    }

    /**
     * Expands {@code spec} over {@code base}, the base experiment; {@code source} names the sweep file in messages;
     * {@code baseDir} is where data sets named by a relative path are.
     */
    public static SweepPlan expand(SweepSpec spec, Experiment<?> base, String source, java.nio.file.Path baseDir) {
        JsonNode baseTree = readTree(ExperimentFiles.toJson(base));
        List<LinkedHashMap<String, JsonNode>> gridPoints = new ArrayList<>();
        gridPoints.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<JsonNode>> e : spec.grid().entrySet()) {
            List<LinkedHashMap<String, JsonNode>> next = new ArrayList<>();
            for (LinkedHashMap<String, JsonNode> point : gridPoints) {
                for (JsonNode v : e.getValue()) {
                    LinkedHashMap<String, JsonNode> p = new LinkedHashMap<>(point);
                    p.put(e.getKey(), v);
                    next.add(p);
                }
            }
            gridPoints = next;
        }
        List<SweepSpec.Combination> listed = spec.combinations().isEmpty() ? java.util.Collections.singletonList(null)
                : spec.combinations();
        List<Combination> combinations = new ArrayList<>();
        for (LinkedHashMap<String, JsonNode> point : gridPoints) {
            for (SweepSpec.Combination c : listed) {
                LinkedHashMap<String, JsonNode> values = new LinkedHashMap<>(point);
                List<String> labelParts = new ArrayList<>();
                if (c != null) {
                    labelParts.add(c.label());
                    for (Map.Entry<String, JsonNode> v : c.set().entrySet()) {
                        if (values.containsKey(v.getKey())) {
                            throw new LabException(source + ": combination '" + c.label() + "' sets " + v.getKey()
                                    + ", which the grid also sets: set each path in one place");
                        }
                        values.put(v.getKey(), v.getValue());
                    }
                }
                point.forEach((path, v) -> labelParts.add(shortName(path, spec.grid().keySet()) + "=" + text(v)));
                String label = labelParts.isEmpty() ? base.name() : String.join(", ", labelParts);
                int index = combinations.size();
                Experiment<?> experiment = apply(baseTree, values, spec, base, source, label);
                combinations.add(new Combination(index, label, values, experiment));
            }
        }
        List<Run> runs = new ArrayList<>();
        long first = spec.firstSeed() != null ? spec.firstSeed() : base.seed();
        for (Combination c : combinations) {
            for (int s = 0; s < spec.seeds(); s++) {
                long seed = first + s;
                String name = String.format(java.util.Locale.ROOT, "c%02d-seed%d", c.index() + 1, seed);
                Experiment<?> e = c.experiment().withSeed(seed).withName(spec.name() + "-" + name);
                runs.add(new Run(c, s, seed, name, e));
            }
        }
        return new SweepPlan(spec, base, combinations, runs, baseDir);
    }

    private static Experiment<?> apply(JsonNode baseTree, Map<String, JsonNode> values, SweepSpec spec,
                                       Experiment<?> base, String source, String label) {
        ObjectNode tree = (ObjectNode) baseTree.deepCopy();
        for (Map.Entry<String, JsonNode> v : spec.set().entrySet()) {
            if (values.containsKey(v.getKey())) {
                throw new LabException(source + ": " + v.getKey() + " is both in \"set\" and a combination's values:"
                        + " set each path in one place");
            }
            set(tree, v.getKey(), v.getValue(), source + ": set");
        }
        for (Map.Entry<String, JsonNode> v : values.entrySet()) {
            set(tree, v.getKey(), v.getValue(), source + ": combination '" + label + "'");
        }
        if (spec.iterations() != null) {
            tree.put("iterations", spec.iterations());
        }
        String where = source + ": combination '" + label + "'";
        Experiment<?> e;
        try {
            e = ExperimentFiles.parse(tree.toString(), where);
        } catch (LabException ex) {
            // the text parsed is made here, not the person's file: a line and column in it would mislead
            throw new LabException(ex.getMessage().replaceAll(" ?\\(line \\d+, column \\d+\\)", ""), ex);
        }
        if (!spec.at().isEmpty() && spec.at().get(spec.at().size() - 1) > e.iterations()) {
            throw new LabException(source + ": at asks for iteration " + spec.at().get(spec.at().size() - 1)
                    + ", but combination '" + label + "' trains " + e.iterations() + " iterations");
        }
        for (long a : spec.at()) {
            if (a % e.sampleInterval() != 0 && a != e.iterations()) {
                throw new LabException(source + ": at asks for iteration " + a + ", but combination '" + label
                        + "' measures every " + e.sampleInterval() + " iterations (sampleInterval) and at the end ("
                        + e.iterations() + "): use multiples of " + e.sampleInterval());
            }
        }
        return e;
    }

    /** Writes {@code value} at {@code path} (which must name an existing field or list position) in {@code tree}. */
    static void set(ObjectNode tree, String path, JsonNode value, String where) {
        String[] parts = path.split("\\.");
        JsonNode node = tree;
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (node instanceof ObjectNode o) {
                if (!o.has(part)) {
                    throw new LabException(where + ": " + path + ": " + (walked.length() == 0 ? "the experiment"
                            : walked) + " has no field '" + part + "' (fields: " + fieldNames(o) + ")");
                }
                if (last) {
                    o.set(part, value);
                } else {
                    node = o.get(part);
                }
            } else if (node instanceof ArrayNode a) {
                int k = part.matches("[0-9]+") ? Integer.parseInt(part) : -1;
                if (k < 0 || k >= a.size()) {
                    throw new LabException(where + ": " + path + ": " + walked + " is a list of " + a.size()
                            + (k < 0 ? "; '" + part + "' is not a position (0 to " + (a.size() - 1) + ")"
                            : ", so there is no position " + k + " (0 to " + (a.size() - 1) + ")"));
                }
                if (last) {
                    a.set(k, value);
                } else {
                    node = a.get(k);
                }
            } else {
                throw new LabException(where + ": " + path + ": " + walked + " is a single value (" + node
                        + "), with no '" + part + "' inside");
            }
            walked.append(walked.length() == 0 ? "" : ".").append(part);
        }
    }

    /**
     * The shortest tail of {@code path} (whole segments) that no other grid path ends with: labels say
     * "learningRate=0.001" rather than the whole path when that is unambiguous.
     */
    static String shortName(String path, java.util.Collection<String> all) {
        String[] parts = path.split("\\.");
        for (int k = 1; k <= parts.length; k++) {
            String tail = String.join(".", java.util.Arrays.copyOfRange(parts, parts.length - k, parts.length));
            boolean unique = all.stream().filter(p -> !p.equals(path))
                    .noneMatch(p -> p.equals(tail) || p.endsWith("." + tail));
            if (unique && !tail.matches("[0-9]+")) {
                return tail;
            }
        }
        return path;
    }

    private static String fieldNames(ObjectNode o) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return String.join(", ", names);
    }

    private static String text(JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue().stripTrailingZeros().toPlainString();
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static JsonNode readTree(String json) {
        try {
            return ExperimentFiles.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an experiment written by the lab is not JSON", e);
        }
    }
}
