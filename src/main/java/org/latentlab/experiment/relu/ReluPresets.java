package org.latentlab.experiment.relu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.latentlab.core.LabException;
import org.latentlab.model.JsonErrors;
import org.latentlab.model.LabJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lecture's bundled fits, JSON files under {@code org/latentlab/experiment/relu/presets/} read by the lecture and
 * by {@code fit-function}; a person's own file in the same format is read by {@link #read(Path)}.
 */
public final class ReluPresets {

    /** The bundled fits, in the order the lecture lists them. */
    public static final List<String> NAMES = List.of("relu-square", "relu-sawtooth", "relu-sine", "relu-ridge-2d",
            "relu-bump-2d");

    private static final ObjectMapper MAPPER = LabJson.strictMapper();

    private ReluPresets() {
    }

    /** A bundled fit. */
    public static ReluFitSpec load(String name) {
        if (!NAMES.contains(name)) {
            throw new LabException("no ReLU fit preset named '" + name + "' (known: " + String.join(", ", NAMES)
                    + ")");
        }
        try (InputStream in = ReluPresets.class.getResourceAsStream("presets/" + name + ".json")) {
            if (in == null) {
                throw new LabException("the preset " + name + " is missing from the lab's files");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "preset " + name);
        } catch (IOException e) {
            throw new LabException("cannot read preset " + name + ": " + e.getMessage(), e);
        }
    }

    /** A bundled fit by name, or a fit file. */
    public static ReluFitSpec loadOrRead(String nameOrFile) {
        Path p = Path.of(nameOrFile);
        return NAMES.contains(nameOrFile) || !Files.isRegularFile(p) ? load(nameOrFile) : read(p);
    }

    /** A fit file. */
    public static ReluFitSpec read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new LabException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static ReluFitSpec parse(String json, String where) {
        try {
            return MAPPER.readValue(json, ReluFitSpec.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof LabException) {
                throw new LabException(where + ": " + cause.getMessage(), e);
            }
            throw new LabException(where + ": " + JsonErrors.describe(e), e);
        }
    }

    /** The spec as the preset files write it. */
    public static String write(ReluFitSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec) + "\n";
        } catch (JsonProcessingException e) {
            throw new LabException("cannot write the fit " + spec.name() + ": " + e.getMessage(), e);
        }
    }
}
