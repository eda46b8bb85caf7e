package org.latentlab.core;

/** A submitted {@link BackgroundTask}: it can be asked to stop, and says whether its outcome was delivered. */
public interface TaskHandle {

    /** A handle for nothing running: cancel does nothing and it is done. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    /**
     * Asks the work to stop: its {@link Monitor#isCancelled()} turns true, a task not yet started never starts, and
     * the task's cancelled handler is told instead of success or failure.
     */
    void cancel();

    /** True once success, failure or cancellation has been told to the task's handler. */
    boolean isDone();
}
