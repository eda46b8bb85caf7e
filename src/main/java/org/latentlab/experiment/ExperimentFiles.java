package org.latentlab.experiment;

import org.latentlab.core.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.latentlab.core.LabException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes experiment files. A file that cannot be read gives one {@link LabException} naming the file, the
 * place in it (JSON path and line) and what is wrong; writing is atomic.
 */
public final class ExperimentFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

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
        try {
            com.fasterxml.jackson.databind.JsonNode family = MAPPER.readTree(json).get("family");
            return family == null || "gan".equalsIgnoreCase(family.asText());
        } catch (JsonProcessingException e) {
            throw new LabException(source + ": " + describe(e), e);
        }
    }

    /** Reads the text of an experiment file, with a message naming the file when it cannot. */
    public static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new LabException(file + ": no such experiment file");
        } catch (IOException e) {
            throw new LabException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses an autoencoder / VAE / RBM experiment; {@code source} names it in messages. */
    public static ModelExperiment parseModel(String json, String source) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = MAPPER.readTree(json);
            com.fasterxml.jackson.databind.JsonNode family = tree.get("family");
            if (family == null ? tree.has("generator") || tree.has("discriminator")
                    : "gan".equalsIgnoreCase(family.asText())) {
                throw new LabException(source + ": this is a GAN experiment; open it on the GAN bench");
            }
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
