package org.latentlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.LabException;
import org.latentlab.train.vaegan.VaeGanSettings;
import org.latentlab.train.vaegan.VaeGanTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A VAE-GAN's checkpoint, in the run's {@code checkpoints/iter-NNNNNNNN/} like every family's (written and sealed
 * through {@link Checkpoints}): {@code encoder.zip} and {@code decoder.zip}, as a VAE's (so the latent studio and the
 * analyses open them as one), {@code discriminator.zip}, each a DL4J model zip with its optimiser state, and
 * {@code state.json} with the iteration, the update count and the settings. The trainer draws each iteration's random
 * numbers from the random seed and the iteration's number, so these are the whole state: a resumed run continues bit for bit.
 */
final class VaeGanCheckpoint {

    static final String DISCRIMINATOR = "discriminator.zip";

    private VaeGanCheckpoint() {
    }

    /** Saves the trainer's networks at its iteration (an intact checkpoint already there is kept). */
    static Path save(Path runDir, VaeGanTrainer trainer) {
        Path target = Checkpoint.folder(runDir, trainer.iteration());
        if (Files.exists(target) && Checkpoints.damage(target) == null) {
            return target;
        }
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {trainer.encoder(), trainer.decoder(),
                trainer.discriminator()}) {
            if (net.params().isNaN().any() || net.params().isInfinite().any()) {
                throw new LabException("not saving a checkpoint at iteration " + trainer.iteration()
                        + ": parameters are NaN or infinite");
            }
        }
        return Checkpoints.write(target, tmp -> {
            ModelSerializer.writeModel(trainer.encoder(), tmp.resolve("encoder.zip").toFile(), true);
            ModelSerializer.writeModel(trainer.decoder(), tmp.resolve("decoder.zip").toFile(), true);
            ModelSerializer.writeModel(trainer.discriminator(), tmp.resolve(DISCRIMINATOR).toFile(), true);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("iteration", trainer.iteration());
            state.put("updates", trainer.updates());
            state.put("settings", trainer.settings());
            Files.writeString(tmp.resolve("state.json"), ExperimentFiles.mapper().writeValueAsString(state));
        });
    }

    /** Loads a checkpoint into a trainer freshly built from the same experiment. */
    static void restore(Path checkpoint, VaeGanTrainer trainer) {
        Path state = checkpoint.resolve("state.json");
        try {
            JsonNode node = ExperimentFiles.mapper().readTree(state.toFile());
            if (node == null || !node.hasNonNull("iteration") || !node.get("iteration").canConvertToLong()) {
                throw new LabException(state + ": 'iteration' is missing or not a whole number");
            }
            copy(checkpoint, "encoder.zip", trainer.encoder());
            copy(checkpoint, "decoder.zip", trainer.decoder());
            copy(checkpoint, DISCRIMINATOR, trainer.discriminator());
            if (node.hasNonNull("settings")) {
                trainer.updateSettings(ExperimentFiles.mapper().treeToValue(node.get("settings"),
                        VaeGanSettings.class));
            }
            long iteration = node.get("iteration").asLong();
            trainer.restoreCounters(iteration, node.path("updates").asLong(iteration));
        } catch (IOException | IllegalArgumentException e) {
            throw new LabException(checkpoint + ": cannot restore the checkpoint: " + e.getMessage(), e);
        }
    }

    /** A saved network's parameters and optimiser state into the trainer's network of the same layout. */
    private static void copy(Path checkpoint, String file, MultiLayerNetwork to) throws IOException {
        Path f = checkpoint.resolve(file);
        if (!Files.isRegularFile(f)) {
            throw new LabException(checkpoint + ": checkpoint incomplete, " + file + " is missing");
        }
        MultiLayerNetwork from = ModelSerializer.restoreMultiLayerNetwork(f.toFile(), true);
        if (from.numParams() != to.numParams()) {
            throw new LabException(f + ": " + from.numParams() + " parameters where the experiment's network has "
                    + to.numParams());
        }
        to.setParams(from.params().castTo(to.params().dataType()));
        INDArray s = from.getUpdater().getStateViewArray();
        if (s != null && to.getUpdater().getStateViewArray() != null) {
            to.getUpdater().getStateViewArray().assign(s.castTo(to.params().dataType()));
        }
    }
}
