package org.latentlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.LabException;
import org.latentlab.train.cyclegan.CycleGanTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CycleGAN's checkpoint, in the run's {@code checkpoints/iter-NNNNNNNN/} like every family's (written and sealed
 * through {@link Checkpoints}): {@code state.json} with the iteration and the settings, and the four networks with
 * their optimiser state ({@code G.zip}, {@code F.zip}, {@code D_A.zip}, {@code D_B.zip}, DL4J's format). The trainer
 * draws each iteration's batches from the random seed and the iteration's number, so these are the whole state: a
 * resumed run continues bit for bit.
 */
final class CycleGanCheckpoint {

    static final String[] FILES = {"G.zip", "F.zip", "D_A.zip", "D_B.zip"};
    private static final String[] NAMES = {"G", "F", "D_A", "D_B"};

    private CycleGanCheckpoint() {
    }

    /** Saves the trainer's networks at its iteration (an intact checkpoint already there is kept). */
    static Path save(Path runDir, CycleGanTrainer trainer) {
        Path target = Checkpoint.folder(runDir, trainer.iteration());
        if (Files.exists(target) && Checkpoints.damage(target) == null) {
            return target;
        }
        return Checkpoints.write(target, tmp -> {
            MultiLayerNetwork[] nets = trainer.networks();
            for (int i = 0; i < nets.length; i++) {
                ModelSerializer.writeModel(nets[i], tmp.resolve(FILES[i]).toFile(), true);
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("iteration", trainer.iteration());
            state.put("settings", trainer.settings());
            Files.writeString(tmp.resolve("state.json"), ExperimentFiles.mapper().writeValueAsString(state));
        });
    }

    /** Loads a checkpoint into a trainer freshly built from the same experiment. */
    static void restore(Path checkpoint, CycleGanTrainer trainer) {
        Path state = checkpoint.resolve("state.json");
        try {
            JsonNode node = ExperimentFiles.mapper().readTree(state.toFile());
            if (node == null || !node.hasNonNull("iteration") || !node.get("iteration").canConvertToLong()) {
                throw new LabException(state + ": 'iteration' is missing or not a whole number");
            }
            MultiLayerNetwork[] nets = trainer.networks();
            for (int i = 0; i < nets.length; i++) {
                Path file = checkpoint.resolve(FILES[i]);
                if (!Files.isRegularFile(file)) {
                    throw new LabException(checkpoint + ": checkpoint incomplete, " + FILES[i] + " is missing");
                }
                copyState(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true), nets[i], NAMES[i]);
            }
            trainer.restoreIteration(node.get("iteration").asLong());
        } catch (IOException e) {
            throw new LabException(checkpoint + ": cannot restore the checkpoint: " + e.getMessage(), e);
        }
    }

    /** Parameters and optimiser state of {@code from} into {@code to}, whose arrays the trainer's passes hold. */
    private static void copyState(MultiLayerNetwork from, MultiLayerNetwork to, String which) {
        if (from.numParams() != to.numParams()) {
            throw new LabException("the checkpoint's " + which + " has " + from.numParams() + " parameters but the"
                    + " experiment's " + which + " has " + to.numParams());
        }
        to.params().assign(from.params().castTo(to.params().dataType()));
        INDArray state = from.getUpdater().getStateViewArray();
        INDArray into = to.getUpdater().getStateViewArray();
        if (state != null && into != null) {
            into.assign(state.castTo(into.dataType()));
        }
    }
}
