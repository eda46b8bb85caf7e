package org.latentlab.experiment;

import org.latentlab.core.AtomicFiles;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.latentlab.core.InputFiles;
import org.latentlab.core.LabException;
import org.latentlab.model.LabJson;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads and writes experiment files. A file that cannot be read gives one {@link LabException} naming the file, the
 * place in it (JSON path and line) and what is wrong; writing is atomic.
 */
public final class ExperimentFiles {

    /** Strict ({@link LabJson}): trailing text, {@code "NaN"} for a number and non-finite numbers are refused. */
    private static final ObjectMapper MAPPER = LabJson.strictMapper();

    /** The families an experiment file's {@code "family"} may name: a GAN's, then {@link ModelExperiment.Family}. */
    private static final String FAMILIES = "gan, " + Arrays.stream(ModelExperiment.Family.values())
            .map(ModelExperiment.Family::id).collect(Collectors.joining(", "));

    private ExperimentFiles() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ExperimentSpec read(Path file) {
        return parse(readText(file), file.toString());
    }

    /** Parses an experiment from JSON text; {@code source} names it in messages. */
    public static ExperimentSpec parse(String json, String source) {
        try {
            if (!isGan(json, source)) {
                throw new LabException(source + ": this is an autoencoder / VAE / RBM experiment (it has a \"family\""
                        + " field); open it on the autoencoder bench or train it with the same train command");
            }
            return MAPPER.readValue(json, ExperimentSpec.class);
        } catch (JsonProcessingException e) {
            throw new LabException(source + ": " + describe(e), e);
        }
    }

    /** True when the JSON text is a GAN experiment (no {@code "family"} field, or {@code "family": "gan"}). */
    public static boolean isGan(String json, String source) {
        JsonNode family = root(json, source).get("family");
        if (family == null) {
            return true;
        }
        if (!family.isTextual()) {
            throw new LabException(source + ": at family: expected text, one of " + FAMILIES + ", not " + family);
        }
        if ("gan".equalsIgnoreCase(family.asText())) {
            return true;
        }
        try {
            ModelExperiment.Family.parse(family.asText());
        } catch (IllegalArgumentException e) {
            throw new LabException(source + ": at family: unknown family '" + family.asText() + "' (known: "
                    + FAMILIES + ")");
        }
        return false;
    }

    /**
     * The experiment as a tree, refused unless it is one JSON object: an empty file, {@code null}, a list, a number
     * or text after the object each give a message naming {@code source}.
     */
    private static JsonNode root(String json, String source) {
        JsonNode root;
        try (JsonParser p = MAPPER.createParser(json)) {
            root = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(p);
            if (root != null && !root.isMissingNode()) {
                JsonLocation end = p.currentLocation();
                try {
                    if (p.nextToken() != null) {
                        throw afterTheEnd(source, p.currentTokenLocation());
                    }
                } catch (JsonProcessingException e) {
                    throw afterTheEnd(source, e.getLocation() != null ? e.getLocation() : end);
                }
            }
        } catch (JsonProcessingException e) {
            throw new LabException(source + ": " + describe(e), e);
        } catch (java.io.IOException e) {
            throw new LabException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new LabException(source + ": the file is empty; an experiment is a JSON object {...}"
                    + " (see: latentlab presets NAME)");
        }
        if (!root.isObject()) {
            throw new LabException(source + ": holds " + (root.isNull() ? "just null" : root.isArray() ? "a list [...]"
                    : "a single value (" + root + ")") + ", not an experiment: an experiment is a JSON object {...}"
                    + " (see: latentlab presets NAME)");
        }
        return root;
    }

    /** Text or a second document after the experiment's closing brace: "a file holds one experiment". */
    private static LabException afterTheEnd(String source, JsonLocation at) {
        return new LabException(source + ": (line " + at.getLineNr() + ", column " + at.getColumnNr() + "): text"
                + " after the end of the experiment: a file holds one JSON object {...} and nothing after it");
    }

    /**
     * Reads the text of an experiment file, with a message naming the file when it cannot: missing, not a regular
     * file ({@code /dev/zero}), over {@link InputFiles#MAX_JSON_BYTES} or not UTF-8.
     */
    public static String readText(Path file) {
        return InputFiles.readJson(file, "experiment file");
    }

    /** Parses an autoencoder / VAE / RBM experiment; {@code source} names it in messages. */
    public static ModelExperiment parseModel(String json, String source) {
        JsonNode tree = root(json, source);
        JsonNode family = tree.get("family");
        if (family == null ? tree.has("generator") || tree.has("discriminator") : isGan(json, source)) {
            throw new LabException(source + ": this is a GAN experiment; open it on the GAN bench");
        }
        try {
            return MAPPER.readValue(json, ModelExperiment.class);
        } catch (JsonProcessingException e) {
            throw new LabException(source + ": " + describe(e), e);
        }
    }

    public static ModelExperiment readModel(Path file) {
        return parseModel(readText(file), file.toString());
    }

    public static String toJson(ModelExperiment spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new LabException("cannot write experiment '" + spec.name() + "': " + e.getMessage(), e);
        }
    }

    public static void write(ModelExperiment spec, Path file) {
        AtomicFiles.writeString(file, toJson(spec));
    }

    public static String toJson(ExperimentSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new LabException("cannot write experiment '" + spec.name() + "': " + e.getMessage(), e);
        }
    }

    public static void write(ExperimentSpec spec, Path file) {
        AtomicFiles.writeString(file, toJson(spec));
    }

    /** "at training.batchSize (line 12): must be 1..65536, not 0". */
    static String describe(JsonProcessingException e) {
        return org.latentlab.model.JsonErrors.describe(e);
    }
}
