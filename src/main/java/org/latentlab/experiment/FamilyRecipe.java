package org.latentlab.experiment;

import org.latentlab.data.DataSource;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingStatus;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;

/**
 * What {@link ExperimentRunner} needs to know of one family to start, record and resume its runs; the runner does
 * the rest (checks, the run folder, the training thread, resume from the newest intact checkpoint) once for all.
 * A new family adds an {@link Experiment} record and one of these.
 *
 * @param <E> the family's experiment
 * @param <T> its trainer
 * @param <S> its status records
 */
interface FamilyRecipe<E extends Experiment<S>, T extends Trainer, S extends TrainingStatus> {

    /** The data trained on and held out, opened from the experiment's data set. */
    ExperimentData.Split data(E spec, Path baseDir);

    /** Checks that the networks fit the data and the memory, with a message naming the experiment. */
    void checkFits(E spec, DataSource train);

    /** About how many bytes one checkpoint takes (to check the disk before training). */
    long checkpointBytes(E spec, int dataDimension);

    /** Builds a fresh trainer; called on the run's thread. */
    T buildTrainer(E spec, DataSource train, DataType dataType);

    /** The hooks that measure, draw, record and checkpoint the run; {@code existing} is the folder resumed in. */
    RecordingHooks<T, S, ?> hooks(E spec, ExperimentData.Split data, ExperimentRunner.Options options,
                                  RunStore existing);

    /** Loads a checkpoint into a freshly built trainer. */
    default void restore(Path checkpoint, T trainer) {
        Checkpoint.restore(checkpoint, trainer);
    }
}
