package org.latentlab.experiment;

import org.latentlab.train.aae.AaeTrainer;

import java.nio.file.Path;
import java.util.Map;

/**
 * An adversarial autoencoder's checkpoint, in the run's {@code checkpoints/iter-NNNNNNNN/} like every family's
 * (written and sealed through {@link FamilyCheckpoint}): DL4J model zips with their optimiser state,
 * {@value #ENCODER} and {@value #DECODER} (the names an autoencoder's checkpoint uses, so the latent studio opens
 * the decoder), {@value #DISCRIMINATOR} and {@value #ENCODER_ADVERSARY} (the encoder's regularisation-phase
 * optimiser state; its weights equal the encoder's), and {@code state.json} with the iteration and the settings. The
 * trainer draws each iteration's random numbers from the random seed and the iteration, so a resumed run continues
 * bit for bit.
 */
final class AaeCheckpoint {

    static final String ENCODER = "encoder.zip";
    static final String DECODER = "decoder.zip";
    static final String DISCRIMINATOR = "discriminator.zip";
    static final String ENCODER_ADVERSARY = "encoder-regularisation.zip";

    private AaeCheckpoint() {
    }

    /** Saves the trainer's networks at its iteration (an intact checkpoint already there is kept). */
    static Path save(Path runDir, AaeTrainer trainer) {
        return FamilyCheckpoint.save(runDir, trainer.iteration(), Map.of(), trainer.settings(), tmp -> {
            FamilyCheckpoint.writeNetwork(tmp, ENCODER, trainer.encoder());
            FamilyCheckpoint.writeNetwork(tmp, DECODER, trainer.decoder());
            FamilyCheckpoint.writeNetwork(tmp, DISCRIMINATOR, trainer.discriminator());
            FamilyCheckpoint.writeNetwork(tmp, ENCODER_ADVERSARY, trainer.encoderAdversary());
        });
    }

    /** Loads a checkpoint into a trainer freshly built from the same experiment. */
    static void restore(Path checkpoint, AaeTrainer trainer) {
        FamilyCheckpoint.restore(checkpoint, state -> {
            FamilyCheckpoint.loadNetwork(checkpoint, ENCODER, trainer.encoder());
            FamilyCheckpoint.loadNetwork(checkpoint, DECODER, trainer.decoder());
            FamilyCheckpoint.loadNetwork(checkpoint, DISCRIMINATOR, trainer.discriminator());
            FamilyCheckpoint.loadNetwork(checkpoint, ENCODER_ADVERSARY, trainer.encoderAdversary());
            trainer.restoreIteration(FamilyCheckpoint.iteration(state));
        });
    }
}
