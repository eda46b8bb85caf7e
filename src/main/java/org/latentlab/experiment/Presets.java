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

    /** Bundled autoencoder, VAE and RBM experiments, in the order they are listed. */
    public static final List<String> MODEL_NAMES = List.of(
            "mnist-ae", "mnist-ae-overcomplete-tied", "mnist-ae-sparse", "mnist-ae-l1", "mnist-dae",
            "mnist-cae", "mnist-conv-ae", "mnist-deep-ae", "mnist-deep-ae-dbn", "mnist-vae", "mnist-vae-2d",
            "fashion-vae", "ring8-ae-2d", "mnist-rbm", "mnist-rbm-pcd", "mnist-dbn");

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

    /** Whether {@code name} is a bundled autoencoder / VAE / RBM preset. */
    public static boolean isModel(String name) {
        return MODEL_NAMES.contains(name);
    }

    public static List<ModelExperiment> allModels() {
        List<ModelExperiment> out = new ArrayList<>();
        for (String n : MODEL_NAMES) {
            out.add(loadModel(n));
        }
        return out;
    }

    public static ModelExperiment loadModel(String name) {
        return ExperimentFiles.parseModel(text(name), "preset " + name);
    }

    /** The JSON text of any bundled preset. */
    public static String text(String name) {
        String resource = "presets/" + name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LabException("no preset named '" + name + "' (known: " + String.join(", ", NAMES) + ", "
                        + String.join(", ", MODEL_NAMES) + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("cannot read preset " + name + ": " + e.getMessage(), e);
        }
    }

    public static ExperimentSpec load(String name) {
        return ExperimentFiles.parse(text(name), "preset " + name);
    }
}
