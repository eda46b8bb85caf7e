package org.latentlab.ui.latent;

import org.latentlab.core.DirectTaskRunner;
import org.latentlab.core.TaskRunner;

import java.util.function.Function;

/**
 * The studio's three lanes of background work, each a {@link TaskRunner} running its tasks in order: {@code tasks}
 * opens and trains models and writes files, {@code model} waits for the model's own decode thread (so a slow
 * training never holds up the sliders), {@code inversion} searches codes on a second copy of the model (so the
 * sliders stay live while it runs).
 */
public record StudioRunners(TaskRunner tasks, TaskRunner model, TaskRunner inversion) {

    /** Three runners made by {@code make} from their thread names (the window passes the FX runner's constructor). */
    public static StudioRunners of(Function<String, TaskRunner> make) {
        return new StudioRunners(make.apply("latentlab-studio"), make.apply("latentlab-studio-model"),
                make.apply("latentlab-inversion"));
    }

    /** Runners that do every task at once on the caller's thread, for tests. */
    public static StudioRunners direct() {
        return new StudioRunners(new DirectTaskRunner(), new DirectTaskRunner(), new DirectTaskRunner());
    }

    /** Stops all three (tasks under way are asked to cancel). */
    void close() {
        tasks.close();
        model.close();
        inversion.close();
    }
}
