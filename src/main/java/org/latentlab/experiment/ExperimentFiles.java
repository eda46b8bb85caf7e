package org.latentlab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
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
        String where = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            where = "at " + path(m) + " ";
        }
        String line = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? "(line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "";
        String what;
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            what = v.getCause().getMessage();
        } else if (e instanceof InvalidTypeIdException t) {
            what = "unknown type '" + t.getTypeId() + "' (known layer types: " + java.util.Arrays.stream(
                    org.latentlab.model.LayerSpec.class.getAnnotation(
                            com.fasterxml.jackson.annotation.JsonSubTypes.class).value())
                    .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name)
                    .collect(java.util.stream.Collectors.joining(", ")) + ")";
        } else if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown field '" + u.getPropertyName() + "' (known: " + u.getKnownPropertyIds() + ")";
        } else {
            what = e.getOriginalMessage();
            Throwable c = e.getCause();
            if (c instanceof IllegalArgumentException) {
                what = c.getMessage();
            }
        }
        return (where + line).trim() + ": " + what;
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.toString();
    }
}
