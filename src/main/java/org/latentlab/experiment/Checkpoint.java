package org.latentlab.experiment;

import org.latentlab.core.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.LabException;
import org.latentlab.train.GanTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A checkpoint: G and D with their optimiser state (DL4J model zips, which Netron also opens) and the trainer's
 * counters, in {@code checkpoints/iter-NNNNNNNN/}. A checkpoint becomes current only once complete: the pointer file
 * {@code checkpoints/LATEST} is written atomically after it, so a process killed mid-write leaves the previous one.
 */
public final class Checkpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {
    }

    public static Path save(Path runDir, GanTrainer trainer) {
        Path dir = runDir.resolve("checkpoints").resolve(String.format("iter-%08d", trainer.iteration()));
        if (!isFinite(trainer.generator()) || !isFinite(trainer.discriminator())) {
            throw new LabException("not saving a checkpoint at iteration " + trainer.iteration()
                    + ": parameters are NaN or infinite");
        }
        AtomicFiles.write(dir.resolve("G.zip"), out -> ModelSerializer.writeModel(trainer.generator(), out, true));
        AtomicFiles.write(dir.resolve("D.zip"), out -> ModelSerializer.writeModel(trainer.discriminator(), out, true));
        try {
            Map<String, Object> state = new java.util.LinkedHashMap<>();
            state.put("iteration", trainer.iteration());
            state.put("discriminatorUpdates", trainer.discriminatorUpdates());
            state.put("generatorUpdates", trainer.generatorUpdates());
            state.put("settings", trainer.settings());
            AtomicFiles.writeString(dir.resolve("state.json"),
                    ExperimentFiles.mapper().writeValueAsString(state));
        } catch (IOException e) {
            throw new LabException("cannot write checkpoint state: " + e.getMessage(), e);
        }
        AtomicFiles.writeString(runDir.resolve("checkpoints").resolve("LATEST"), dir.getFileName().toString());
        pruneOlderThan(runDir, dir);
        return dir;
    }

    /** Iteration of the latest complete checkpoint, or -1 if there is none. */
    public static long latestIteration(Path runDir) {
        Path dir = latest(runDir);
        return dir == null ? -1 : readState(dir).get("iteration").asLong();
    }

    /** Loads the latest checkpoint's parameters, optimiser state and counters into a freshly built trainer. */
    public static boolean restoreLatest(Path runDir, GanTrainer trainer) {
        Path dir = latest(runDir);
        if (dir == null) {
            return false;
        }
        try {
            MultiLayerNetwork g = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("G.zip").toFile(), true);
            MultiLayerNetwork d = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("D.zip").toFile(), true);
            copyInto(g, trainer.generator(), "G");
            copyInto(d, trainer.discriminator(), "D");
        } catch (IOException | RuntimeException e) {
            throw new LabException(dir + ": cannot read checkpoint: " + e.getMessage(), e);
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
        return true;
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

    private static Path latest(Path runDir) {
        Path pointer = runDir.resolve("checkpoints").resolve("LATEST");
        if (!Files.isRegularFile(pointer)) {
            return null;
        }
        try {
            Path dir = pointer.resolveSibling(Files.readString(pointer).trim());
            return Files.isDirectory(dir) ? dir : null;
        } catch (IOException e) {
            throw new LabException(pointer + ": cannot read: " + e.getMessage(), e);
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

    /**
     * Deletes every other checkpoint folder with what is inside it (the geometry bench's cached results live in an
     * {@code analysis/} folder within a checkpoint).
     */
    private static void pruneOlderThan(Path runDir, Path keep) {
        try (Stream<Path> dirs = Files.list(runDir.resolve("checkpoints"))) {
            for (Path p : dirs.filter(Files::isDirectory).filter(p -> !p.equals(keep)).toList()) {
                try (Stream<Path> tree = Files.walk(p)) {
                    for (Path f : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException e) {
            // an old checkpoint left behind wastes disk space but loses nothing
        }
    }
}
