package org.latentlab.ui.common;

import javafx.application.Platform;
import org.latentlab.core.WorkerTaskRunner;

import java.util.function.Consumer;

/**
 * The window's {@link org.latentlab.core.TaskRunner}: tasks run one after another on a named worker thread, and
 * their outcomes and progress are told on the FX thread, so a screen never waits on its work.
 */
public final class FxTaskRunner extends WorkerTaskRunner {

    /**
     * @param threadName     the worker thread's name ("latentlab-geometry")
     * @param defaultFailure told (on the FX thread) the failures of tasks without their own failure handler
     */
    public FxTaskRunner(String threadName, Consumer<String> defaultFailure) {
        super(threadName, Platform::runLater, defaultFailure);
    }
}
