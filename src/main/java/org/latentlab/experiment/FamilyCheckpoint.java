package org.latentlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.LabException;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the checkpoints of the families with a trainer of their own share ({@link SbnCheckpoint}, {@link
 * AaeCheckpoint}, {@link VaeGanCheckpoint}, {@link CycleGanCheckpoint}): the run's {@code checkpoints/iter-NNNNNNNN/}
 * written and sealed through {@link Checkpoints} (an intact one already there is kept), {@value #STATE} with the
 * iteration, the family's own counters and its settings, DL4J model zips with their optimiser state, and a restore
 * that checks the state and each file and says which one is wrong. Each family names its files and what its state
 * holds.
 */
final class FamilyCheckpoint {

    static final String STATE = "state.json";

    /** Reads a checkpoint's files into a freshly built trainer, given the checked {@value #STATE}. */
    @FunctionalInterface
    interface Loader {
        void load(JsonNode state) throws IOException;
    }

    private FamilyCheckpoint() {
    }

    /**
     * Saves the checkpoint at {@code iteration} into {@code runDir} (an intact checkpoint already there is kept):
     * {@code files} writes the family's files, then {@value #STATE} holds the iteration, {@code counters} in their
     * order and {@code settings}.
     */
    static Path save(Path runDir, long iteration, Map<String, Object> counters, Object settings,
                     Checkpoints.Contents files) {
        Path target = Checkpoint.folder(runDir, iteration);
        if (Files.exists(target) && Checkpoints.damage(target) == null) {
            return target;
        }
        return Checkpoints.write(target, tmp -> {
            files.writeInto(tmp);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("iteration", iteration);
            state.putAll(counters);
            state.put("settings", settings);
            Files.writeString(tmp.resolve(STATE), ExperimentFiles.mapper().writeValueAsString(state));
        });
    }

    /**
     * Reads {@value #STATE}, checks that it names a whole iteration and hands it to {@code loader}; a file that
     * cannot be read, or a value the trainer refuses, becomes a {@link LabException} naming the checkpoint.
     */
    static void restore(Path checkpoint, Loader loader) {
        Path state = checkpoint.resolve(STATE);
        try {
            JsonNode node = ExperimentFiles.mapper().readTree(state.toFile());
            if (node == null || !node.hasNonNull("iteration") || !node.get("iteration").canConvertToLong()) {
                throw new LabException(state + ": 'iteration' is missing or not a whole number");
            }
            loader.load(node);
        } catch (IOException | IllegalArgumentException e) {
            throw new LabException(checkpoint + ": cannot restore the checkpoint: " + e.getMessage(), e);
        }
    }

    /** The iteration a checked {@value #STATE} names. */
    static long iteration(JsonNode state) {
        return state.get("iteration").asLong();
    }

    /** The checkpoint's file {@code name}, which must be there. */
    static Path file(Path checkpoint, String name) {
        Path file = checkpoint.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new LabException(checkpoint + ": checkpoint incomplete, " + name + " is missing");
        }
        return file;
    }

    /** Writes {@code net} with its optimiser state as the DL4J model zip {@code name}. */
    static void writeNetwork(Path folder, String name, MultiLayerNetwork net) throws IOException {
        ModelSerializer.writeModel(net, folder.resolve(name).toFile(), true);
    }

    /**
     * The parameters and optimiser state of the checkpoint's model zip {@code name} into {@code to}, in place (the
     * trainer's passes hold its arrays); the network is named in a message by the file's name without {@code .zip}.
     */
    static void loadNetwork(Path checkpoint, String name, MultiLayerNetwork to) throws IOException {
        MultiLayerNetwork from = ModelSerializer.restoreMultiLayerNetwork(file(checkpoint, name).toFile(), true);
        String which = name.replace(".zip", "");
        if (from.numParams() != to.numParams()) {
            throw new LabException(checkpoint + ": the checkpoint's " + which + " has " + from.numParams()
                    + " parameters but the experiment's " + which + " has " + to.numParams());
        }
        to.params().assign(from.params().castTo(to.params().dataType()));
        INDArray state = from.getUpdater().getStateViewArray();
        INDArray into = to.getUpdater().getStateViewArray();
        if (state != null && into != null) {
            into.assign(state.castTo(into.dataType()));
        }
    }
}
