package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.train.Evaluation;
import org.latentlab.train.RunState;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * What every family's run does around its training loop, on the run's thread: a measurement every
 * {@code sampleInterval} iterations (written to the run folder as a metrics row and a picture, and handed to the next
 * status), a checkpoint every {@code checkpointInterval}, a last measurement and checkpoint when the run finishes or
 * closes, and the run folder made lazily at the first write (a reset starts a new one). The families supply the
 * measuring, the writing and the saving; the timing and bookkeeping are here once.
 *
 * @param <T> the trainer
 * @param <S> the status record published to the screen
 * @param <V> the family's views (measurements and pictures of the model)
 */
abstract class RecordingHooks<T extends Trainer, S, V extends FamilyViews<T, ?>> implements TrainingRun.Hooks<T, S> {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingHooks.class);

    private final int sampleInterval;
    private final int checkpointInterval;
    /** Whether this run writes a folder at all (null runs root and no existing folder: nothing is written). */
    private final boolean makesFolders;
    /** The run folder, made at the first write or given when resuming. */
    volatile RunStore store;
    /** Seconds already spent before a resume (the last metrics row kept), so elapsed time continues. */
    double elapsedBefore;
    V views;
    /** What a resume passed over to reach the checkpoint it loaded, or null. */
    volatile String resumeNote;
    /**
     * The curves the run folder recorded up to the checkpoint a resume loaded; completed on the run's thread once
     * it has loaded (before the first status), at once with nothing for a new run.
     */
    final java.util.concurrent.CompletableFuture<RecordedCurves> recorded = new java.util.concurrent.CompletableFuture<>();
    private Evaluation pending;
    private long startNanos = System.nanoTime();
    private long lastCheckpoint = -1;
    /** A resume's settings changes recorded at or after its checkpoint, applied again at their iterations. */
    private java.util.List<java.util.Map.Entry<Long, com.fasterxml.jackson.databind.JsonNode>> replay =
            new java.util.ArrayList<>();

    RecordingHooks(int sampleInterval, int checkpointInterval, boolean makesFolders) {
        this.sampleInterval = sampleInterval;
        this.checkpointInterval = checkpointInterval;
        this.makesFolders = makesFolders;
    }

    /** The family's views of a freshly built trainer. */
    abstract V newViews(T trainer);

    /** Measures the model now (held-out scores, coverage, ...). */
    Evaluation evaluate(T trainer) {
        return views.evaluate(trainer);
    }

    /** Appends the metrics row and writes the picture of this measurement to the run folder. */
    abstract void write(RunStore store, T trainer, Evaluation evaluation, double elapsedSeconds);

    /** Saves a checkpoint into the run folder; false when this iteration is not one to save (e.g. pretraining). */
    abstract boolean save(RunStore store, T trainer);

    /** Creates the run folder at the first write. */
    abstract RunStore createStore();

    /**
     * The name the statuses give the loss part recorded in metrics column {@code column}, or null when the live
     * charts do not draw that column. Here: the column with its underscores read as spaces, as the autoencoder, VAE
     * and RBM rows write their loss parts.
     */
    String lossPart(String column) {
        return column.replace('_', ' ');
    }

    /** The status record, with the measurement not yet published (or null) and the view (or null). */
    abstract S status(TrainingRun.Progress progress, T trainer, Evaluation evaluation, V views, boolean withView);

    @Override
    public void onTrainerCreated(T trainer) {
        views = newViews(trainer);
        pending = null;
        startNanos = System.nanoTime();
        lastCheckpoint = trainer.iteration();
        SettingsChanges.applyDue(trainer, replay);
        if (makesFolders) {
            store = null; // a reset starts a new folder at its first write
        }
    }

    @Override
    public void onClosed() {
        views = null;
        pending = null;
    }

    @Override
    public boolean afterIteration(T trainer) {
        long it = trainer.iteration();
        boolean news = false;
        if (it % sampleInterval == 0) {
            pending = record(trainer);
            news = true;
        }
        if (it % checkpointInterval == 0) {
            checkpoint(trainer);
        }
        // a change made while paused here, in the run this one resumes, is made again at the same point
        SettingsChanges.applyDue(trainer, replay);
        return news;
    }

    @Override
    public boolean onStop(T trainer, RunState state) {
        if (trainer.isFaulted() || trainer.iteration() == lastCheckpoint
                || (state != RunState.FINISHED && state != RunState.CLOSED)) {
            return false;
        }
        boolean news = false;
        if (trainer.iteration() % sampleInterval != 0) {
            pending = record(trainer);
            news = true;
        }
        checkpoint(trainer);
        return news;
    }

    @Override
    public S status(TrainingRun.Progress progress, T trainer, boolean withView) {
        Evaluation e = pending;
        pending = null;
        return status(progress, trainer, e, views, withView && trainer != null);
    }

    /** Seconds of training in this run folder, including those before a resume. */
    double elapsedSeconds() {
        return elapsedBefore + (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * A resumed trainer has loaded its checkpoint: only now are the metrics rows measured after it dropped, and the
     * clock continues from the last row kept.
     */
    T resumed(Checkpoints.Restored<T> restored) {
        store.keepMetricsUpTo(restored.iteration());
        elapsedBefore = store.lastElapsedSeconds();
        resumeNote = Checkpoints.fallbackNote(restored);
        replay = new java.util.ArrayList<>(SettingsChanges.toReplay(store.dir(), restored.iteration()));
        try {
            recorded.complete(RecordedCurves.read(store.dir(), restored.iteration(), this::lossPart));
        } catch (LabException e) {
            // the charts start empty; the run itself does not need its old rows
            LOG.warn("could not read the recorded curves: {}", e.getMessage());
            recorded.complete(RecordedCurves.EMPTY);
        }
        if (resumeNote != null) {
            LOG.debug(resumeNote); // the session hands the note to the window or the command line
        }
        return restored.trainer();
    }

    private Evaluation record(T trainer) {
        Evaluation evaluation = evaluate(trainer);
        RunStore s = store();
        if (s != null) {
            try {
                write(s, trainer, evaluation, elapsedSeconds());
            } catch (LabException e) {
                // a full disk or a folder gone: the run stops, and says which checkpoint a resume would continue from
                Path good = Checkpoints.newestIntact(s.dir());
                throw new LabException(e.getMessage() + (good == null ? "; no checkpoint was saved yet"
                        : "; the newest good checkpoint is " + s.dir().relativize(good)), e);
            }
        }
        return evaluation;
    }

    /**
     * Saves a checkpoint now unless the newest one is of this iteration (a session being saved, so that the run
     * reopens where it is); returns the run folder, or null when the run has not trained (and has no folder).
     */
    Path checkpointNow(T trainer) {
        if (trainer == null || trainer.isFaulted() || trainer.iteration() == 0 && store == null) {
            return store == null ? null : store.dir();
        }
        if (trainer.iteration() != lastCheckpoint) {
            checkpoint(trainer);
        }
        return store == null ? null : store.dir();
    }

    /** Saves a checkpoint; a failure stops the run (a run that cannot save must not report success). */
    private void checkpoint(T trainer) {
        RunStore s = store();
        if (s == null) {
            return;
        }
        if (save(s, trainer)) {
            lastCheckpoint = trainer.iteration();
        }
    }

    RunStore store() {
        if (store == null && makesFolders) {
            store = createStore();
        }
        return store;
    }

    /** A view that could not be drawn is logged and left out of the status; training goes on. */
    static <R> R safely(java.util.function.Supplier<R> draw) {
        try {
            return draw.get();
        } catch (RuntimeException e) {
            LOG.warn("could not draw the view", e);
            return null;
        }
    }
}
