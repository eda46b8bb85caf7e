package org.latentlab.train;

/** Lifecycle of a training run of any family, as {@link TrainingRun} reports it. */
public enum RunState {
    STARTING, READY, RUNNING, PAUSED, FINISHED, FAILED, CLOSED;

    /** Whether the run is over (finished, failed or closed): it will publish nothing more. */
    public boolean isOver() {
        return this == FINISHED || this == FAILED || this == CLOSED;
    }
}
