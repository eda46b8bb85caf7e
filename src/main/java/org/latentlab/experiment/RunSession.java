package org.latentlab.experiment;

import org.latentlab.train.NativeMemory;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;

import java.nio.file.Path;

/**
 * A running experiment of any family: its spec, the training run on its own thread, and the run folder the run's
 * {@link RecordingHooks} write (once it exists). Closing it stops the run.
 *
 * @param <P> the experiment spec
 * @param <T> the trainer
 * @param <S> the status records the run publishes
 */
public abstract class RunSession<P, T extends Trainer, S> implements AutoCloseable {

    private final P spec;
    private final TrainingRun<T, S> run;
    private final RecordingHooks<T, S, ?> hooks;

    RunSession(P spec, TrainingRun<T, S> run, RecordingHooks<T, S, ?> hooks) {
        this.spec = spec;
        this.run = run;
        this.hooks = hooks;
    }

    public P spec() {
        return spec;
    }

    public TrainingRun<T, S> run() {
        return run;
    }

    /** The run folder, or null until the first write (or when runs are not stored). */
    public Path runDir() {
        RunStore s = hooks.store;
        return s == null ? null : s.dir();
    }

    /**
     * When a resume passed over damaged checkpoints: one line saying which it loaded and why (null otherwise, and
     * until the run's thread has loaded it).
     */
    public String resumeNote() {
        return hooks.resumeNote;
    }

    /** Stops the run; once the caller has let go of this session its native memory goes back to the system. */
    @Override
    public void close() {
        run.close();
        NativeMemory.releaseSoon();
    }
}
