package org.latentlab.ui.common;

import org.latentlab.experiment.RecordedCurves;

import java.util.concurrent.CompletableFuture;

/**
 * The curves a reopened run recorded before it was reopened, handed to its bench once, ahead of its statuses. The
 * session completes them on the run's thread before its first status, so a bench that takes them at the start of
 * each frame, before it drains the statuses, always draws the recorded points first and the live ones after them.
 * Used on the FX thread.
 */
public final class EarlierCurves {

    private CompletableFuture<RecordedCurves> pending;

    /** The run now on the bench will have these (a new run: nothing, at once). */
    public void expect(CompletableFuture<RecordedCurves> curves) {
        pending = curves;
    }

    /** Nothing more to draw (the run was reset). */
    public void forget() {
        pending = null;
    }

    /** The recorded curves once they are read, once; null before, after, or when nothing was recorded. */
    public RecordedCurves take() {
        if (pending == null || !pending.isDone()) {
            return null;
        }
        RecordedCurves curves = pending.isCompletedExceptionally() ? RecordedCurves.EMPTY : pending.join();
        pending = null;
        return curves.isEmpty() ? null : curves;
    }
}
