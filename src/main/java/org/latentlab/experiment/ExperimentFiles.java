package org.latentlab.experiment;

import org.latentlab.train.ReconstructionStatus;

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

    /** The families an experiment file's {@code "family"} may name: a GAN's, then {@link Family}. */
    private static final String FAMILIES = Arrays.stream(Family.values())
            .map(Family::id).collect(Collectors.joining(", "));

    private ExperimentFiles() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads an experiment file of any family. */
    public static Experiment<?> read(Path file) {
        return parse(readText(file), file.toString());
    }

    /**
     * Parses an experiment of any family from JSON text; {@code source} names it in messages. A file without a
     * {@code "family"} field was written before families were named and is a GAN experiment (read as such; it is
     * written back with the field).
     */
    public static Experiment<?> parse(String json, String source) {
        familyOf(json, source);
        try {
            return MAPPER.readValue(json, Experiment.class);
        } catch (JsonProcessingException e) {
            throw new LabException(source + ": " + describe(e), e);
        }
    }

    public static GanExperiment readGan(Path file) {
        return parseGan(readText(file), file.toString());
    }

    /** Parses a GAN experiment; another family gives a message saying where it opens. */
    public static GanExperiment parseGan(String json, String source) {
        Family family = familyOf(json, source);
        if (family == Family.SBN || family == Family.AAE) {
            throw new LabException(source + ": this is " + (family == Family.SBN ? "a sigmoid belief net" : "an"
                    + " adversarial autoencoder") + " experiment (\"family\": \"" + family.id() + "\"), not a"
                    + " GAN; open it on the autoencoder / VAE / RBM bench or train it with the same train command");
        }
        if (family == Family.CYCLEGAN) {
            throw new LabException(source + ": this is a CycleGAN experiment (\"family\": \"cyclegan\"), not a"
                    + " GAN; open it on the autoencoder / VAE / RBM bench or train it with the same train command");
        }
        if (family == Family.VAEGAN) {
            throw new LabException(source + ": this is a VAE-GAN experiment (\"family\": \"vaegan\"); open it on the"
                    + " autoencoder / VAE / RBM bench or train it with the same train command");
        }
        if (family != Family.GAN) {
            throw new LabException(source + ": this is an autoencoder / VAE / RBM experiment (it has a \"family\""
                    + " field); open it on the autoencoder bench or train it with the same train command");
        }
        return (GanExperiment) parse(json, source);
    }

    /** True when the JSON text is a GAN experiment (no {@code "family"} field, or {@code "family": "gan"}). */
    public static boolean isGan(String json, String source) {
        return familyOf(json, source) == Family.GAN;
    }

    /**
     * The family an experiment's JSON text names ({@link Family#GAN} when it names none), with a message naming
     * {@code source} when the text is not one JSON object or the family is unknown.
     */
    public static Family familyOf(String json, String source) {
        JsonNode family = root(json, source).get("family");
        if (family == null) {
            return Family.GAN;
        }
        if (!family.isTextual()) {
            throw new LabException(source + ": at family: expected text, one of " + FAMILIES + ", not " + family);
        }
        if (ClassifierSpec.FAMILY.equals(family.asText())) {
            throw new LabException(source + ": a classifier experiment is not trained on a bench: the train command"
                    + " trains it into the models folder, where evaluations find it");
        }
        try {
            return Family.parse(family.asText());
        } catch (IllegalArgumentException e) {
            throw new LabException(source + ": at family: unknown family '" + family.asText() + "' (known: "
                    + FAMILIES + ")");
        }
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
    public static ReconstructionExperiment parseReconstruction(String json, String source) {
        Family family = familyOf(json, source);
        if (family == Family.GAN) {
            throw new LabException(source + ": this is a GAN experiment; open it on the GAN bench");
        }
        if (family == Family.CYCLEGAN) {
            throw new LabException(source + ": this is a CycleGAN experiment (family cyclegan): the autoencoder"
                    + " / VAE / RBM bench and the train command train it, tools made for autoencoders do not");
        }
        if (family == Family.SBN) {
            throw new LabException(source + ": this is a sigmoid belief net experiment (family sbn): the autoencoder"
                    + " / VAE / RBM bench and the train command train it, tools made for autoencoders do not");
        }
        if (family == Family.VAEGAN) {
            throw new LabException(source + ": this is a VAE-GAN experiment (family vaegan): the autoencoder / VAE /"
                    + " RBM bench, the train command and vaegan-compare train it");
        }
        if (family == Family.AAE) {
            throw new LabException(source + ": this is an adversarial autoencoder experiment (family aae): the"
                    + " autoencoder / VAE / RBM bench, the train command and the aae-codes command take it");
        }
        return (ReconstructionExperiment) parse(json, source);
    }

    /** Parses a sigmoid belief net experiment ({@code "family": "sbn"}); {@code source} names it in messages. */
    public static SbnExperiment parseSbn(String json, String source) {
        Family family = familyOf(json, source);
        if (family != Family.SBN) {
            throw new LabException(source + ": this is a" + (family == Family.GAN ? " GAN" : "n " + family.id())
                    + " experiment, not a sigmoid belief net (\"family\": \"sbn\")");
        }
        return (SbnExperiment) parse(json, source);
    }

    public static SbnExperiment readSbn(Path file) {
        return parseSbn(readText(file), file.toString());
    }

    /** Parses a VAE-GAN experiment ({@code "family": "vaegan"}); {@code source} names it in messages. */
    public static VaeGanExperiment parseVaeGan(String json, String source) {
        Family family = familyOf(json, source);
        if (family != Family.VAEGAN) {
            throw new LabException(source + ": this is a" + (family == Family.GAN ? " GAN" : "n " + family.id())
                    + " experiment, not a VAE-GAN (\"family\": \"vaegan\")");
        }
        return (VaeGanExperiment) parse(json, source);
    }

    /** Parses an adversarial autoencoder experiment ({@code "family": "aae"}); {@code source} names it in messages. */
    public static AaeExperiment parseAae(String json, String source) {
        Family family = familyOf(json, source);
        if (family != Family.AAE) {
            throw new LabException(source + ": this is a" + (family == Family.GAN ? " GAN" : "n " + family.id())
                    + " experiment, not an adversarial autoencoder (\"family\": \"aae\")");
        }
        return (AaeExperiment) parse(json, source);
    }

    /**
     * Parses an experiment the autoencoder / VAE / RBM bench trains: one of those families or a sigmoid belief net
     * ({@link Family#onModelBench()}); a GAN experiment is refused with a message.
     */
    public static Experiment<ReconstructionStatus> parseModel(String json, String source) {
        Family family = familyOf(json, source);
        if (family == Family.CYCLEGAN) {
            @SuppressWarnings("unchecked")
            Experiment<ReconstructionStatus> cyclegan = (Experiment<ReconstructionStatus>) parse(json, source);
            return cyclegan;
        }
        if (family == Family.VAEGAN) {
            return parseVaeGan(json, source);
        }
        if (family == Family.AAE) {
            return parseAae(json, source);
        }
        return family == Family.SBN ? parseSbn(json, source) : parseReconstruction(json, source);
    }

    public static Experiment<ReconstructionStatus> readModel(Path file) {
        return parseModel(readText(file), file.toString());
    }

    public static ReconstructionExperiment readReconstruction(Path file) {
        return parseReconstruction(readText(file), file.toString());
    }

    /** True when the JSON text is a classifier experiment ({@code "family": "classifier"}). */
    public static boolean isClassifier(String json, String source) {
        JsonNode family = root(json, source).get("family");
        return family != null && ClassifierSpec.FAMILY.equals(family.asText());
    }

    /** Parses a classifier experiment ({@code "family": "classifier"}); {@code source} names it in messages. */
    public static ClassifierSpec parseClassifier(String json, String source) {
        JsonNode family = root(json, source).get("family");
        if (family == null || !ClassifierSpec.FAMILY.equals(family.asText())) {
            throw new LabException(source + ": not a classifier experiment: it needs \"family\": \"classifier\"");
        }
        try {
            return MAPPER.readValue(json, ClassifierSpec.class);
        } catch (JsonProcessingException e) {
            throw new LabException(source + ": " + describe(e), e);
        }
    }

    /** Reads a classifier experiment file. */
    public static ClassifierSpec readClassifier(Path file) {
        return parseClassifier(readText(file), file.toString());
    }

    /** A classifier experiment as JSON, its {@code "family"} first. */
    public static String toJson(ClassifierSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new LabException("cannot write classifier '" + spec.name() + "': " + e.getMessage(), e);
        }
    }

    /** The experiment as JSON, its {@code "family"} first. */
    public static String toJson(Experiment<?> spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new LabException("cannot write experiment '" + spec.name() + "': " + e.getMessage(), e);
        }
    }

    /** Writes the experiment atomically: the file is complete or untouched. */
    public static void write(Experiment<?> spec, Path file) {
        AtomicFiles.writeString(file, toJson(spec));
    }

    /** "at training.batchSize (line 12): must be 1..65536, not 0". */
    static String describe(JsonProcessingException e) {
        return org.latentlab.model.JsonErrors.describe(e);
    }
}
