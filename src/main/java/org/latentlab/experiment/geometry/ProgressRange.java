package org.latentlab.experiment.geometry;

import org.latentlab.core.Monitor;

/** A part [from, to] of a parent monitor's progress, for a job made of steps; cancellation passes through. */
final class ProgressRange implements Monitor {

    private final Monitor parent;
    private final double from;
    private final double to;
    private final String prefix;

    ProgressRange(Monitor parent, double from, double to, String prefix) {
        this.parent = parent;
        this.from = from;
        this.to = to;
        this.prefix = prefix == null || prefix.isEmpty() ? "" : prefix + ": ";
    }

    @Override
    public void progress(double fraction, String message) {
        double f = Math.max(0, Math.min(1, fraction));
        parent.progress(from + (to - from) * f, prefix + message);
    }

    @Override
    public boolean isCancelled() {
        return parent.isCancelled();
    }
}
