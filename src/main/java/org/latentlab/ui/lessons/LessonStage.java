package org.latentlab.ui.lessons;

import java.util.function.Consumer;

/**
 * The window as a lesson drives it: the window implements it with its benches, a test with a recorder. Everything is
 * called on the FX thread and returns at once; waiting (a preset loading, a run reaching its iteration) happens by
 * listening, never by blocking.
 */
public interface LessonStage {

    /** What an action did ("paused at iteration 2,013"), or why it could not be done ({@code problem}). */
    record Outcome(String text, boolean problem) {
        public static Outcome done(String text) {
            return new Outcome(text, false);
        }

        public static Outcome failed(String text) {
            return new Outcome(text, true);
        }
    }

    /**
     * Does {@code action}, telling {@code report} one line when it is done or could not be done (e.g. "paused at
     * iteration 2,013", or why not). A newer action, or {@link #cancel()}, drops what an older one still waits for.
     */
    void perform(LessonAction action, Consumer<Outcome> report);

    /** Stops waiting for what an earlier action asked (a run to an iteration goes on, unpaused). */
    void cancel();
}
