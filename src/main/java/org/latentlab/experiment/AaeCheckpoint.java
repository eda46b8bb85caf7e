package org.latentlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.LabException;
import org.latentlab.train.aae.AaeTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An adversarial autoencoder's checkpoint, in the run's {@code checkpoints/iter-NNNNNNNN/} like every family's
 * (written and sealed through {@link Checkpoints}): DL4J model zips with their optimiser state, {@code encoder.zip}
 * and {@code decoder.zip} (the names an autoencoder's checkpoint uses, so the latent studio opens the decoder),
 * {@value #DISCRIMINATOR} and {@value #ENCODER_ADVERSARY} (the encoder's regularisation-phase optimiser state; its
 * weights equal the encoder's), and {@code state.json} with the iteration and the settings. The trainer draws each
 * iteration's random numbers from the random seed and the iteration, so a resumed run continues bit for bit.
 */
final class AaeCheckpoint {

    static final String DISCRIMINATOR = "discriminator.zip";
    static final String ENCODER_ADVERSARY = "encoder-regularisation.zip";

    private AaeCheckpoint() {
    }

    static Path save(Path runDir, AaeTrainer trainer) {
        Path target = Checkpoint.folder(runDir, trainer.iteration());
        if (Files.exists(target) && Checkpoints.damage(target) == null) {
            return target;
        }
        return Checkpoints.write(target, tmp -> {
            ModelSerializer.writeModel(trainer.encoder(), tmp.resolve("encoder.zip").toFile(), true);
            ModelSerializer.writeModel(trainer.decoder(), tmp.resolve("decoder.zip").toFile(), true);
            ModelSerializer.writeModel(trainer.discriminator(), tmp.resolve(DISCRIMINATOR).toFile(), true);
            ModelSerializer.writeModel(trainer.encoderAdversary(), tmp.resolve(ENCODER_ADVERSARY).toFile(), true);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("iteration", trainer.iteration());
            state.put("settings", trainer.settings());
            Files.writeString(tmp.resolve("state.json"), ExperimentFiles.mapper().writeValueAsString(state));
        });
    }

    static void restore(Path checkpoint, AaeTrainer trainer) {
        Path state = checkpoint.resolve("state.json");
        try {
            JsonNode node = ExperimentFiles.mapper().readTree(state.toFile());
            if (node == null || !node.hasNonNull("iteration") || !node.get("iteration").canConvertToLong()) {
                throw new LabException(state + ": 'iteration' is missing or not a whole number");
            }
            load(checkpoint, "encoder.zip", trainer.encoder());
            load(checkpoint, "decoder.zip", trainer.decoder());
            load(checkpoint, DISCRIMINATOR, trainer.discriminator());
            load(checkpoint, ENCODER_ADVERSARY, trainer.encoderAdversary());
            trainer.restoreIteration(node.get("iteration").asLong());
        } catch (IOException e) {
            throw new LabException(checkpoint + ": cannot restore the checkpoint: " + e.getMessage(), e);
        }
    }

    private static void load(Path checkpoint, String name, MultiLayerNetwork into) throws IOException {
        Path file = checkpoint.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new LabException(checkpoint + ": checkpoint incomplete, " + name + " is missing");
        }
        Checkpoint.copyInto(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true), into,
                name.replace(".zip", ""));
    }
}
