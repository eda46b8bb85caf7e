package org.latentlab.train;

/**
 * One immutable report of a running experiment of any family, published by {@link TrainingRun} from its thread
 * and read by the screens and the command line: where the run stands (state, iteration, speed, a message), and
 * a new measurement when there is one. Each family's record adds its own parts: {@link GanStatus} the two
 * players' losses and scores, {@link ReconstructionStatus} the parts of the reconstruction loss. Values not
 * measured are NaN; {@code evaluation} is null when there is nothing new.
 */
public sealed interface TrainingStatus permits GanStatus, ReconstructionStatus {

    RunState state();

    /** Whole iterations done. */
    long iteration();

    long maxIterations();

    long elapsedMillis();

    /** Iterations per second over the last reporting window. */
    double itersPerSecond();

    /** What the run says to a person (why it paused or stopped), or null. */
    String message();

    /** True when the run stopped on a fault (a non-finite loss, a failed write), not at a person's request. */
    boolean fault();

    /** The held-out / sample measurement made since the last status, or null. */
    Evaluation evaluation();

    /** A one-line summary of the settings in force. */
    String settingsSummary();
}
