package org.latentlab.core;

/**
 * Runs finite background jobs (loading a run, a Hessian spectrum, a surface scan, an export) off the owner's
 * thread and hands their outcome back on it. Every screen's ViewModel gets one: the window gives the FX one
 * ({@code ui.common.FxTaskRunner}), tests give {@link DirectTaskRunner}, which runs each job at once on the
 * caller's thread, so a ViewModel is tested in plain JUnit. Failures are logged once and told to the task's
 * failure handler (or the runner's) as one line.
 */
public interface TaskRunner extends AutoCloseable {

    /** Starts {@code task} (after those submitted before it, on the same worker) and returns its handle. */
    <T> TaskHandle submit(BackgroundTask<T> task);

    /** Stops taking tasks; those running are asked to cancel. */
    @Override
    void close();
}
