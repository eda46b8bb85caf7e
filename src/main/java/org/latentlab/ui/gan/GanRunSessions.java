package org.latentlab.ui.gan;

import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.GanTimelineFiles;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.RecordedCurves;
import org.latentlab.train.GanStatus;
import org.latentlab.train.GanTrainer;
import org.latentlab.ui.common.EarlierCurves;
import org.latentlab.ui.common.ExperimentSource;
import org.latentlab.ui.common.RunLoader;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The GAN bench's runs as a session sees them: where the experiment on the bench came from (a preset, a file, a run
 * folder), reopening a run folder at its newest checkpoint with the pictures of its timeline and the curves its
 * metrics recorded, and the checkpoint a saved session reopens at. Used on the FX thread.
 */
final class GanRunSessions {

    private final RunLoader<ExperimentRunner.Session<GanTrainer, GanStatus>> runs;
    private final ExperimentRunner.Options options;
    private final GanTimelineViewModel timeline;
    private final Consumer<ExperimentRunner.Session<GanTrainer, GanStatus>> install;
    private final Consumer<String> error;
    private final GanExports.Messages messages;
    private final EarlierCurves earlier = new EarlierCurves();
    /** Where the experiment on the bench came from, and where the one loading comes from. */
    private ExperimentSource source = ExperimentSource.made();
    private ExperimentSource pending = ExperimentSource.made();
    /** The folder the experiment on the bench resolves its data paths against. */
    private Path baseDir;
    private boolean fellBack;

    /**
     * @param install    puts a session that loaded on the bench (then {@link #installed} is called)
     * @param error      told the one-line message of a load that failed, to show in a dialog
     * @param messages   the status bar
     */
    GanRunSessions(RunLoader<ExperimentRunner.Session<GanTrainer, GanStatus>> runs, ExperimentRunner.Options options,
                   GanTimelineViewModel timeline, Consumer<ExperimentRunner.Session<GanTrainer, GanStatus>> install,
                   Consumer<String> error, GanExports.Messages messages) {
        this.runs = runs;
        this.options = options;
        this.timeline = timeline;
        this.install = install;
        this.error = error;
        this.messages = messages;
        this.baseDir = options.baseDir();
    }

    void loadPreset(String name) {
        load(name, () -> Presets.loadGan(name), options.baseDir(), ExperimentSource.preset(name));
    }

    /** Starts the experiment {@code source} makes, its data paths resolved against {@code baseDir}. */
    void load(String what, Supplier<GanExperiment> source, Path baseDir, ExperimentSource from) {
        messages.say("loading…", false);
        this.baseDir = baseDir;
        pending = from;
        ExperimentRunner.Options o = new ExperimentRunner.Options(options.runsRoot(), baseDir,
                options.statusIntervalMillis(), options.viewIntervalMillis());
        runs.load(what, () -> ExperimentRunner.start(source.get(), o), install, this::loadFailed);
    }

    private void loadFailed(String msg) {
        error.accept(msg);
        messages.say(msg, true);
        if (runs.current() == null && !fellBack) {
            // nothing loaded yet (a bad file on the command line): open the default instead
            fellBack = true;
            loadPreset(Presets.defaultName());
        }
    }

    /** The folder the experiment loaded last resolves its data paths against. */
    Path baseDir() {
        return baseDir;
    }

    /** The session that loaded last is on the bench now: its source is the bench's, its recorded curves come next. */
    void installed(ExperimentRunner.Session<GanTrainer, GanStatus> session) {
        source = pending;
        earlier.expect(session.recordedCurves());
    }

    /** The recorded curves of the run installed last, once read, once (see {@link EarlierCurves}). */
    RecordedCurves takeEarlierCurves() {
        return earlier.take();
    }

    /** The run went back to its first iteration: its recorded curves are not drawn. */
    void reset() {
        earlier.forget();
    }

    /** Reopens the run in {@code runDir} at its newest checkpoint, paused, with the pictures of its timeline. */
    void openRun(Path runDir) {
        messages.say("opening " + runDir + "…", false);
        AtomicReference<GanTimelineFiles.Loaded> pictures = new AtomicReference<>();
        pending = ExperimentSource.run(runDir);
        runs.load(String.valueOf(runDir.getFileName()), () -> {
            ExperimentRunner.Session<GanTrainer, GanStatus> s = ExperimentRunner.resumeGan(runDir, options);
            pictures.set(GanTimelineFiles.read(runDir));
            return s;
        }, s -> {
            install.accept(s);
            timeline.restore(pictures.get().views(), s.spec().iterations());
            String note = pictures.get().problem() != null ? pictures.get().problem() : s.resumeNote();
            messages.say(note != null ? note : "reopened " + runDir.getFileName(), note != null);
        }, this::loadFailed);
    }

    /** Where the experiment came from, for a session; a run is checkpointed first, to reopen where it is now. */
    CompletableFuture<ExperimentSource> sessionSource() {
        ExperimentRunner.Session<GanTrainer, GanStatus> s = runs.current();
        ExperimentSource src = source;
        if (s == null) {
            return CompletableFuture.completedFuture(src);
        }
        return s.checkpointNow().thenApply(dir -> dir == null ? src : src.withRun(dir));
    }
}
