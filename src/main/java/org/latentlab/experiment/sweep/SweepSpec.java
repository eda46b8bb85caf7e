package org.latentlab.experiment.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A sweep file: one base experiment (a preset's name or an experiment file beside the sweep file), values to
 * change in it, each combination trained with several random seeds, and what to report. Overrides are JSON paths
 * into the experiment file ({@code training.packing}, {@code discriminator.layers.0.units}: names of fields, and
 * list positions from 0). The combinations are every choice of one value per {@code grid} path, times each entry of
 * {@code combinations} (values that must change together, such as PacGAN's packing and D's input size); with
 * neither, the base experiment alone. Validated on construction, each message naming the field.
 *
 * @param name         letters, digits, '.', '_' or '-': names the sweep folder and, with the combination and seed,
 *                     each run
 * @param description  one or two sentences, may be empty
 * @param base         a preset name, or the path of an experiment file relative to the sweep file
 * @param iterations   every run's iterations, or null for the base experiment's
 * @param seeds        random seeds per combination: the runs use {@code firstSeed}, {@code firstSeed + 1}, ...
 * @param firstSeed    the first random seed, or null for the base experiment's
 * @param set          path → value for every run (e.g. a shorter sampleInterval), apart from the combinations
 * @param grid         path → the values it takes (the grid is their product), in the order written
 * @param combinations listed combinations: a label and path → value
 * @param metrics      the metrics.csv columns to report ({@code modes_covered}, {@code hq_fraction},
 *                     {@code reverse_kl}, ...)
 * @param at           the iterations the table reports, or empty for each run's last measurement
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepSpec(String name, String description, String base, Long iterations, int seeds, Long firstSeed,
                        LinkedHashMap<String, JsonNode> set, LinkedHashMap<String, List<JsonNode>> grid, List<Combination> combinations,
                        List<String> metrics, List<Long> at) {

    /** The most runs one sweep may ask for. */
    public static final int MAX_RUNS = 10_000;

    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.([A-Za-z_][A-Za-z0-9_]*|[0-9]+))*");

    /** Values that change together, with the label the table shows. */
    public record Combination(String label, LinkedHashMap<String, JsonNode> set) {
        public Combination {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("every entry of combinations needs a \"label\" (the table's row"
                        + " name)");
            }
            if (set == null || set.isEmpty()) {
                throw new IllegalArgumentException("combination '" + label + "' needs \"set\": {\"path\": value,"
                        + " ...} with at least one value");
            }
            for (String path : set.keySet()) {
                checkPath(path, "combination '" + label + "'");
            }
            set = new LinkedHashMap<>(set);
        }
    }

    public SweepSpec {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', not '" + name + "'");
        }
        description = description == null ? "" : description;
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("base must name a preset (e.g. \"ring8-nsgan\") or an experiment file");
        }
        if (iterations != null && (iterations < 1 || iterations > 1_000_000_000L)) {
            throw new IllegalArgumentException("iterations must be from 1 to 1,000,000,000, not " + iterations);
        }
        if (seeds < 1 || seeds > 1000) {
            throw new IllegalArgumentException("seeds must be from 1 to 1000 (runs per combination), not " + seeds);
        }
        set = set == null ? new LinkedHashMap<>() : new LinkedHashMap<>(set);
        for (String path : set.keySet()) {
            checkPath(path, "set");
        }
        grid = grid == null ? new LinkedHashMap<>() : new LinkedHashMap<>(grid);
        long count = 1;
        for (Map.Entry<String, List<JsonNode>> e : grid.entrySet()) {
            checkPath(e.getKey(), "grid");
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("grid \"" + e.getKey() + "\" needs a list of one or more values");
            }
            count *= e.getValue().size();
            if (count > MAX_RUNS) {
                break;
            }
        }
        combinations = combinations == null ? List.of() : List.copyOf(combinations);
        List<String> labels = new ArrayList<>();
        for (Combination c : combinations) {
            if (labels.contains(c.label())) {
                throw new IllegalArgumentException("two combinations are labelled '" + c.label() + "': give each its"
                        + " own label");
            }
            labels.add(c.label());
        }
        count *= Math.max(1, combinations.size());
        if (count * seeds > MAX_RUNS) {
            throw new IllegalArgumentException("the sweep asks for " + (count > MAX_RUNS ? "more than " + MAX_RUNS
                    : count * seeds) + " runs; at most " + MAX_RUNS + ": fewer values or seeds");
        }
        if (metrics == null || metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics must name one or more metrics.csv columns to report (e.g."
                    + " [\"modes_covered\", \"hq_fraction\"])");
        }
        metrics = List.copyOf(metrics);
        at = at == null ? List.of() : List.copyOf(at);
        long previous = 0;
        for (Long a : at) {
            if (a == null || a <= previous) {
                throw new IllegalArgumentException("at must list iterations from 1 upwards, each larger than the one"
                        + " before, not " + at);
            }
            previous = a;
        }
        if (iterations != null && !at.isEmpty() && at.get(at.size() - 1) > iterations) {
            throw new IllegalArgumentException("at asks for iteration " + at.get(at.size() - 1) + ", after the runs'"
                    + " last (iterations " + iterations + ")");
        }
    }

    /** How many runs the sweep makes: combinations × seeds. */
    public int runCount() {
        int product = 1;
        for (List<JsonNode> values : grid.values()) {
            product *= values.size();
        }
        return product * Math.max(1, combinations.size()) * seeds;
    }

    private static void checkPath(String path, String where) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException(where + ": \"" + path + "\" is not a path into the experiment file:"
                    + " field names joined by '.', list positions as numbers (e.g. training.packing,"
                    + " discriminator.layers.0.units)");
        }
    }
}
