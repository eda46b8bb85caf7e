package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.train.Trainer;
import org.latentlab.train.rbm.DbnSampler;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;

/**
 * A trained stack of RBMs read back from an RBM run folder (its latest checkpoint) or one of its checkpoints, to
 * be sampled by depth. The trainer is the caller's, to use on one thread.
 *
 * @param name      the run folder's name
 * @param iteration the checkpoint's iteration
 * @param trainer   the stack with the checkpoint's parameters, over the run's training data
 */
public record SavedDbn(String name, long iteration, RbmTrainer trainer) {

    /** Opens {@code path}: an RBM or DBN run folder, or a checkpoint folder inside one. */
    public static SavedDbn open(Path path) {
        SavedModel saved = SavedModel.open(path);
        if (saved.kind() != Family.RBM) {
            throw new LabException(saved.runDir().getFileName() + " is a " + saved.kind().name().toLowerCase(
                    java.util.Locale.ROOT) + " run, not an RBM or DBN run: open one made from mnist-dbn3, mnist-dbn or"
                    + " mnist-rbm");
        }
        if (saved.data().shape().length != 3) {
            throw new LabException(saved.runDir().getFileName() + " was trained on points, not images: sampling by"
                    + " depth draws images");
        }
        ExperimentData.Split split = ExperimentData.split(saved.data(), saved.modelSpec().heldOut(),
                saved.modelSpec().seed());
        Trainer trainer = ExperimentRunner.buildTrainer(saved.modelSpec(), split.train(), DataType.FLOAT);
        Checkpoint.restore(saved.checkpoint(), trainer);
        return new SavedDbn(saved.runDir().getFileName().toString(), saved.iteration(), (RbmTrainer) trainer);
    }

    /** Number of RBMs in the stack. */
    public int layers() {
        return trainer.deepBeliefNet().layers();
    }

    /** Samples of the DBNs of depth 1 to {@link #layers()}, as {@link DbnDepthSamples#draw}. */
    public DbnDepthSamples samples(int count, int steps, DbnSampler.DownPass pass, boolean fromNoise) {
        return DbnDepthSamples.draw(trainer, layers(), count, steps, pass, fromNoise);
    }
}
