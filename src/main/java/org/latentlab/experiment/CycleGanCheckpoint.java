package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.train.cyclegan.CycleGanTrainer;

import java.nio.file.Path;
import java.util.Map;

/**
 * A CycleGAN's checkpoint, in the run's {@code checkpoints/iter-NNNNNNNN/} like every family's (written and sealed
 * through {@link FamilyCheckpoint}): {@code state.json} with the iteration and the settings, and the four networks with
 * their optimiser state ({@code G.zip}, {@code F.zip}, {@code D_A.zip}, {@code D_B.zip}, DL4J's format). The trainer
 * draws each iteration's batches from the random seed and the iteration's number, so these are the whole state: a
 * resumed run continues bit for bit.
 */
final class CycleGanCheckpoint {

    static final String[] FILES = {"G.zip", "F.zip", "D_A.zip", "D_B.zip"};

    private CycleGanCheckpoint() {
    }

    /** Saves the trainer's networks at its iteration (an intact checkpoint already there is kept). */
    static Path save(Path runDir, CycleGanTrainer trainer) {
        return FamilyCheckpoint.save(runDir, trainer.iteration(), Map.of(), trainer.settings(), tmp -> {
            MultiLayerNetwork[] nets = trainer.networks();
            for (int i = 0; i < nets.length; i++) {
                FamilyCheckpoint.writeNetwork(tmp, FILES[i], nets[i]);
            }
        });
    }

    /** Loads a checkpoint into a trainer freshly built from the same experiment. */
    static void restore(Path checkpoint, CycleGanTrainer trainer) {
        FamilyCheckpoint.restore(checkpoint, state -> {
            MultiLayerNetwork[] nets = trainer.networks();
            for (int i = 0; i < nets.length; i++) {
                FamilyCheckpoint.loadNetwork(checkpoint, FILES[i], nets[i]);
            }
            trainer.restoreIteration(FamilyCheckpoint.iteration(state));
        });
    }
}
