package org.latentlab.core;

/**
 * What a long computation (a Hessian spectrum, a surface scan, an inversion) reports to and asks of whoever runs
 * it: progress as a fraction with a short message, and whether it should stop. Implementations must be cheap and
 * thread-safe; the computation calls them from its own thread.
 */
public interface Monitor {

    /** A monitor that ignores progress and never cancels. */
    Monitor NONE = new Monitor() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports that {@code fraction} (0 to 1) of the work is done, with a message for a person. */
    void progress(double fraction, String message);

    /** True once the person asked to stop; the computation then throws {@link Cancelled} at its next check. */
    boolean isCancelled();

    /** Throws {@link Cancelled} if cancellation was asked for. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new Cancelled();
        }
    }

    /** Thrown by a computation that stopped because it was cancelled; callers keep what they had. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled");
        }
    }
}
