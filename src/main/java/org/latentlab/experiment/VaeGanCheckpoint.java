package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.train.vaegan.VaeGanSettings;
import org.latentlab.train.vaegan.VaeGanTrainer;

import java.nio.file.Path;
import java.util.Map;

/**
 * A VAE-GAN's checkpoint, in the run's {@code checkpoints/iter-NNNNNNNN/} like every family's (written and sealed
 * through {@link FamilyCheckpoint}): {@code encoder.zip} and {@code decoder.zip}, as a VAE's (so the latent studio
 * and the analyses open them as one), {@code discriminator.zip}, each a DL4J model zip with its optimiser state, and
 * {@code state.json} with the iteration, the update count and the settings. The trainer draws each iteration's
 * random numbers from the random seed and the iteration's number, so these are the whole state: a resumed run
 * continues bit for bit.
 */
final class VaeGanCheckpoint {

    static final String ENCODER = "encoder.zip";
    static final String DECODER = "decoder.zip";
    static final String DISCRIMINATOR = "discriminator.zip";

    private VaeGanCheckpoint() {
    }

    /** Saves the trainer's networks at its iteration (an intact checkpoint already there is kept). */
    static Path save(Path runDir, VaeGanTrainer trainer) {
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {trainer.encoder(), trainer.decoder(),
                trainer.discriminator()}) {
            if (net.params().isNaN().any() || net.params().isInfinite().any()) {
                throw new LabException("not saving a checkpoint at iteration " + trainer.iteration()
                        + ": parameters are NaN or infinite");
            }
        }
        return FamilyCheckpoint.save(runDir, trainer.iteration(), Map.<String, Object>of("updates", trainer.updates()),
                trainer.settings(), tmp -> {
                    FamilyCheckpoint.writeNetwork(tmp, ENCODER, trainer.encoder());
                    FamilyCheckpoint.writeNetwork(tmp, DECODER, trainer.decoder());
                    FamilyCheckpoint.writeNetwork(tmp, DISCRIMINATOR, trainer.discriminator());
                });
    }

    /** Loads a checkpoint into a trainer freshly built from the same experiment. */
    static void restore(Path checkpoint, VaeGanTrainer trainer) {
        FamilyCheckpoint.restore(checkpoint, state -> {
            FamilyCheckpoint.loadNetwork(checkpoint, ENCODER, trainer.encoder());
            FamilyCheckpoint.loadNetwork(checkpoint, DECODER, trainer.decoder());
            FamilyCheckpoint.loadNetwork(checkpoint, DISCRIMINATOR, trainer.discriminator());
            if (state.hasNonNull("settings")) {
                trainer.updateSettings(ExperimentFiles.mapper().treeToValue(state.get("settings"),
                        VaeGanSettings.class));
            }
            long iteration = FamilyCheckpoint.iteration(state);
            trainer.restoreCounters(iteration, state.path("updates").asLong(iteration));
        });
    }
}
