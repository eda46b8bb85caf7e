package org.latentlab.experiment;

import org.latentlab.train.Evaluation;
import org.latentlab.train.Trainer;

import java.nio.file.Path;

/**
 * A family's pictures and measurements of its model, made on the run's thread: what the dashboard draws, what a
 * measurement row holds, and the picture saved beside it in the run folder's {@code samples/}.
 *
 * @param <T> the trainer
 * @param <V> the view record handed to the screen (values copied out of ND4J)
 */
interface FamilyViews<T extends Trainer, V> {

    /** Measures the model now (mode coverage, held-out loss, ...). */
    Evaluation evaluate(T trainer);

    /** What the dashboard draws now. */
    V view(T trainer);

    /** Saves {@code view} as a PNG. */
    void write(V view, Path png);
}
