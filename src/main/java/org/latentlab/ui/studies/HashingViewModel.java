package org.latentlab.ui.studies;

import org.latentlab.core.BackgroundTask;
import org.latentlab.core.Monitor;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.RunFolders;
import org.latentlab.experiment.hashing.SemanticHashing;
import org.latentlab.ui.geometry.ShortRun;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The semantic hashing study's state, without JavaFX: which run is retrieved with, the job in flight (training
 * {@value #PRESET} or retrieving), its progress, its one-line error, and the last retrieval. Jobs run on the
 * {@link TaskRunner}; every change of state is told to the listener on the runner's owner thread.
 */
public final class HashingViewModel {

    /** The preset the study trains. */
    public static final String PRESET = "mnist-hash";
    static final int QUERIES = 300;
    static final int DATABASE = 10_000;
    static final int K = 10;
    static final int SHOWN = 6;

    /**
     * What the pane shows.
     *
     * @param busy     a job runs
     * @param progress its progress, 0 to 1
     * @param message  what happens, for a person
     * @param error    the last job's one-line failure, or null
     * @param result   the last retrieval, or null
     */
    public record State(boolean busy, double progress, String message, String error, SemanticHashing result) {
    }

    private final TaskRunner runner;
    private final Path runsRoot;
    private Consumer<State> listener = s -> { };
    private State state = new State(false, 0, "Train " + PRESET + " (a few minutes) or open a run of it.", null,
            null);
    private TaskHandle handle;

    public HashingViewModel(TaskRunner runner, Path runsRoot) {
        this.runner = runner;
        this.runsRoot = runsRoot;
    }

    public void onChange(Consumer<State> l) {
        listener = l;
        l.accept(state);
    }

    public State state() {
        return state;
    }

    /** The newest run of {@value #PRESET} under the runs folder, if there is one. */
    public Optional<Path> newestRun() {
        return RunFolders.newest(runsRoot, PRESET);
    }

    /** Retrieves with the newest run of {@value #PRESET} under the runs folder, looked for on the worker; none: says so. */
    public void openNewest() {
        submit("looking for a run of " + PRESET, m -> {
            Optional<Path> run = newestRun();
            return run.isPresent() ? retrieve(run.get(), m) : null;
        });
    }

    /** Retrieves with the run (or checkpoint) folder {@code run}. */
    public void open(Path run) {
        submit("retrieving with " + run.getFileName(), m -> retrieve(run, m));
    }

    /** Trains {@value #PRESET} for its iterations into a new run folder, then retrieves with it. */
    public void train() {
        submit("training " + PRESET, m -> {
            Path dir = ShortRun.train(PRESET, (int) org.latentlab.experiment.Presets.loadReconstruction(PRESET)
                    .iterations(), 3, runsRoot, part(m, 0, 0.85));
            return retrieve(dir, part(m, 0.85, 1));
        });
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    private static SemanticHashing retrieve(Path run, Monitor m) {
        return SemanticHashing.run(run, QUERIES, DATABASE, K, SHOWN, m);
    }

    private void submit(String title, BackgroundTask.Work<SemanticHashing> work) {
        if (state.busy()) {
            return;
        }
        set(new State(true, 0, title, null, state.result()));
        handle = runner.submit(BackgroundTask.of(title, work)
                .onProgress((f, msg) -> set(new State(true, f, msg == null ? state.message() : msg, null,
                        state.result())))
                .onSuccess(r -> set(r == null ? new State(false, 0, "No run of " + PRESET + " under " + runsRoot
                        + " yet: press Train " + PRESET + " (a few minutes) or open a run.", null, state.result())
                        : new State(false, 1, r.model(), null, r)))
                .onFailure(e -> set(new State(false, 0, "", e, state.result())))
                .onCancelled(() -> set(new State(false, 0, "cancelled", null, state.result()))));
    }

    private void set(State s) {
        state = s;
        listener.accept(s);
    }

    /** A monitor reporting into [from, to] of {@code m}'s range. */
    static Monitor part(Monitor m, double from, double to) {
        return new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                m.progress(from + (to - from) * fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return m.isCancelled();
            }
        };
    }
}
