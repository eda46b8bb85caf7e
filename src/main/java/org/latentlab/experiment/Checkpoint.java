package org.latentlab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.LabException;
import org.latentlab.train.GanTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A GAN checkpoint: G and D with their optimiser state (DL4J model zips, which Netron also opens) and the trainer's
 * counters, in {@code checkpoints/iter-NNNNNNNN/}, written and verified through {@link Checkpoints} (complete or not
 * at all, sealed with a manifest of sizes and SHA-256s). A run keeps its newest {@value #KEEP} checkpoints, so a
 * damaged newest one leaves an older one to resume from.
 */
public final class Checkpoint {

    /** How many checkpoints a GAN run keeps. */
    static final int KEEP = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {
    }

    public static Path save(Path runDir, GanTrainer trainer) {
        Path dir = runDir.resolve("checkpoints").resolve(String.format("iter-%08d", trainer.iteration()));
        if (!isFinite(trainer.generator()) || !isFinite(trainer.discriminator())) {
            throw new LabException("not saving a checkpoint at iteration " + trainer.iteration()
                    + ": parameters are NaN or infinite");
        }
        Path saved = Checkpoints.write(dir, tmp -> {
            ModelSerializer.writeModel(trainer.generator(), tmp.resolve("G.zip").toFile(), true);
            ModelSerializer.writeModel(trainer.discriminator(), tmp.resolve("D.zip").toFile(), true);
            Map<String, Object> state = new java.util.LinkedHashMap<>();
            state.put("iteration", trainer.iteration());
            state.put("discriminatorUpdates", trainer.discriminatorUpdates());
            state.put("generatorUpdates", trainer.generatorUpdates());
            state.put("settings", trainer.settings());
            Files.writeString(tmp.resolve("state.json"), ExperimentFiles.mapper().writeValueAsString(state));
        });
        Checkpoints.keepNewest(runDir, KEEP);
        return saved;
    }

    /** Iteration of the newest intact checkpoint, or -1 if there is none. */
    public static long latestIteration(Path runDir) {
        Path dir = Checkpoints.newestIntact(runDir);
        return dir == null ? -1 : readState(dir).get("iteration").asLong();
    }

    /** Loads the newest intact checkpoint into a freshly built trainer; false when the run has none. */
    public static boolean restoreLatest(Path runDir, GanTrainer trainer) {
        Path dir = Checkpoints.newestIntact(runDir);
        if (dir == null) {
            return false;
        }
        restore(dir, trainer);
        return true;
    }

    /** Loads a checkpoint's parameters, optimiser state, counters and settings into a freshly built trainer. */
    public static void restore(Path dir, GanTrainer trainer) {
        try {
            MultiLayerNetwork g = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("G.zip").toFile(), true);
            MultiLayerNetwork d = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("D.zip").toFile(), true);
            copyInto(g, trainer.generator(), "G");
            copyInto(d, trainer.discriminator(), "D");
        } catch (IOException | RuntimeException e) {
            throw new LabException(dir + ": cannot read checkpoint: " + Checkpoints.describe(e), e);
        }
        com.fasterxml.jackson.databind.JsonNode state = readState(dir);
        trainer.restoreCounters(state.get("iteration").asLong(), state.get("discriminatorUpdates").asLong(),
                state.get("generatorUpdates").asLong());
        if (state.hasNonNull("settings")) {
            try {
                // learning rates and k changed during the run (in the window) continue as they were
                trainer.updateSettings(ExperimentFiles.mapper().treeToValue(state.get("settings"),
                        org.latentlab.train.GanSettings.class));
            } catch (IOException | IllegalArgumentException e) {
                throw new LabException(dir.resolve("state.json") + ": bad settings: " + e.getMessage(), e);
            }
        }
    }

    private static void copyInto(MultiLayerNetwork from, MultiLayerNetwork to, String which) {
        if (from.numParams() != to.numParams()) {
            throw new LabException("checkpoint " + which + " has " + from.numParams() + " parameters but the"
                    + " experiment's " + which + " has " + to.numParams());
        }
        to.setParams(from.params().castTo(to.params().dataType()));
        if (from.getUpdater().getStateViewArray() != null) {
            to.getUpdater().getStateViewArray().assign(from.getUpdater().getStateViewArray());
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readState(Path dir) {
        Path file = dir.resolve("state.json");
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new LabException(file + ": cannot read: " + e.getMessage(), e);
        }
        for (String key : new String[] {"iteration", "discriminatorUpdates", "generatorUpdates"}) {
            if (node == null || !node.hasNonNull(key) || !node.get(key).canConvertToLong()) {
                throw new LabException(file + ": '" + key + "' is missing or not a whole number");
            }
        }
        return node;
    }

    private static boolean isFinite(MultiLayerNetwork net) {
        double sum = net.params().sumNumber().doubleValue();
        return Double.isFinite(sum);
    }
}
