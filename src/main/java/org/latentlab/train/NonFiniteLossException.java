package org.latentlab.train;

import org.latentlab.core.LabException;

/** A loss became NaN or infinite: the run pauses and keeps its last good checkpoint. */
public final class NonFiniteLossException extends LabException {

    private final String lossName;
    private final long iteration;

    public NonFiniteLossException(String lossName, double value, long iteration) {
        super(lossName + " became " + value + " at iteration " + iteration
                + ": training paused; the last good checkpoint is kept. Lower the learning rate, or reset.");
        this.lossName = lossName;
        this.iteration = iteration;
    }

    public String lossName() {
        return lossName;
    }

    public long iteration() {
        return iteration;
    }
}
