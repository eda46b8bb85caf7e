package org.latentlab.experiment;

import org.latentlab.core.LabException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The experiments bundled with the lab, as JSON resources under {@code org/latentlab/experiment/presets/}. */
public final class Presets {

    /** Bundled preset names, in the order the window and the CLI list them; the first is the default. */
    public static final List<String> NAMES = List.of(
            "ring8-nsgan", "ring8-minimax", "ring8-wgan", "ring8-wgangp", "ring8-lsgan", "ring8-hinge",
            "ring8-pacgan-nsgan", "grid25-nsgan", "spiral-nsgan", "mnist-mlp-gan", "fashion-dcgan");

    private Presets() {
    }

    public static String defaultName() {
        return NAMES.get(0);
    }

    public static List<ExperimentSpec> all() {
        List<ExperimentSpec> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(load(n));
        }
        return out;
    }

    public static ExperimentSpec load(String name) {
        String resource = "presets/" + name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LabException("no preset named '" + name + "' (known: " + String.join(", ", NAMES) + ")");
            }
            return ExperimentFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "preset " + name);
        } catch (IOException e) {
            throw new LabException("cannot read preset " + name + ": " + e.getMessage(), e);
        }
    }
}
