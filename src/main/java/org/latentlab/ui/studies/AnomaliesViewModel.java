package org.latentlab.ui.studies;

import org.latentlab.core.BackgroundTask;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.RunFolders;
import org.latentlab.experiment.anomaly.AnomalyDetection;
import org.latentlab.metrics.RocCurve;
import org.latentlab.ui.geometry.ShortRun;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The anomaly detection study's state, without JavaFX: the model run, the foreign images, the job in flight
 * (training a preset, or scoring), its progress and one-line error, and the last detection turned into what the
 * pane draws: both score histograms on shared bins and the ROC curve's points. Jobs run on the {@link TaskRunner};
 * every change is told to the listener on the runner's owner thread.
 */
public final class AnomaliesViewModel {

    /** The presets the study can train: an autoencoder (reconstruction error) and an RBM (free energy). */
    public static final List<String> PRESETS = List.of("mnist-ae", "mnist-rbm");
    /** The foreign images offered. */
    public static final List<String> OUTLIERS = List.of("fashion", "noise");
    static final int IMAGES = 1000;
    static final int BINS = 40;
    static final long SEED = 1;

    /**
     * Both sets' scores counted on the same bins, as shares of their set (each sums to 1).
     *
     * @param edges     BINS + 1 increasing bin edges, from the lowest score to the highest
     * @param normal    the held-out images' share in each bin
     * @param anomalous the foreign images' share in each bin
     */
    public record ScoreBins(double[] edges, double[] normal, double[] anomalous) {
    }

    /**
     * A detection as the pane draws it.
     *
     * @param run       the run folder whose model scored
     * @param detection the scores and the curve
     * @param bins      the histograms
     * @param roc       the curve's points (false positive rate, true positive rate), from (0, 0) to (1, 1)
     */
    public record View(Path run, AnomalyDetection detection, ScoreBins bins, double[][] roc) {
    }

    /**
     * What the pane shows.
     *
     * @param busy     a job runs
     * @param progress its progress, 0 to 1
     * @param message  what happens, for a person
     * @param error    the last job's one-line failure, or null
     * @param view     the last detection, or null
     */
    public record State(boolean busy, double progress, String message, String error, View view) {
    }

    private final TaskRunner runner;
    private final Path runsRoot;
    private Consumer<State> listener = s -> { };
    private State state = new State(false, 0, "Train a model or open a run, then pick the foreign images.", null,
            null);
    private TaskHandle handle;
    private Path run;

    public AnomaliesViewModel(TaskRunner runner, Path runsRoot) {
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

    /** The run scored last, or null. */
    public Path run() {
        return run;
    }

    /** Forgets the run opened last, so that Score looks for the chosen preset's newest run again. */
    public void forgetRun() {
        run = null;
    }

    /** The newest run of {@code preset} under the runs folder, if there is one. */
    public Optional<Path> newestRun(String preset) {
        return RunFolders.newest(runsRoot, preset);
    }

    /**
     * Scores with the run opened last, or else the newest run of {@code preset} under the runs folder (looked for on
     * the worker); when there is none, says so.
     */
    public void openNewest(String preset, String outliers) {
        Path last = run;
        submit("looking for a run of " + preset, m -> {
            Path r = last != null ? last : newestRun(preset).orElse(null);
            if (r == null) {
                return null;
            }
            m.progress(0.1, "scoring " + IMAGES + " held-out and " + IMAGES + " " + outliers + " images");
            return view(r, AnomalyDetection.run(r, outliers, IMAGES, SEED));
        });
    }

    /** Scores the held-out images of {@code runFolder} and {@code outliers} (fashion, noise) with its model. */
    public void open(Path runFolder, String outliers) {
        submit("scoring with " + runFolder.getFileName(), m -> {
            m.progress(0.1, "scoring " + IMAGES + " held-out and " + IMAGES + " " + outliers + " images");
            return view(runFolder, AnomalyDetection.run(runFolder, outliers, IMAGES, SEED));
        });
    }

    /** Trains {@code preset} for its iterations into a new run folder, then scores with it. */
    public void train(String preset, String outliers) {
        submit("training " + preset, m -> {
            Path dir = ShortRun.train(preset, (int) Presets.loadReconstruction(preset).iterations(), 2, runsRoot,
                    HashingViewModel.part(m, 0, 0.9));
            m.progress(0.92, "scoring " + IMAGES + " held-out and " + IMAGES + " " + outliers + " images");
            return view(dir, AnomalyDetection.run(dir, outliers, IMAGES, SEED));
        });
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    /** A detection's histograms and curve points. */
    static View view(Path run, AnomalyDetection d) {
        return new View(run, d, bins(d.normal(), d.anomalous(), BINS), points(d.roc()));
    }

    /**
     * Both score sets counted on {@code count} equal bins spanning the lowest to the highest score of either set
     * (the highest score in the last bin), each as shares of its own set.
     */
    static ScoreBins bins(double[] normal, double[] anomalous, int count) {
        if (count < 1 || normal.length == 0 || anomalous.length == 0) {
            throw new IllegalArgumentException("score histograms need at least one bin and a score in each set");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] set : new double[][] {normal, anomalous}) {
            for (double v : set) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double[] edges = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            edges[i] = lo + (hi - lo) * i / count;
        }
        return new ScoreBins(edges, shares(normal, lo, hi, count), shares(anomalous, lo, hi, count));
    }

    private static double[] shares(double[] scores, double lo, double hi, int count) {
        double[] s = new double[count];
        for (double v : scores) {
            int b = (int) Math.floor((v - lo) / (hi - lo) * count);
            s[Math.max(0, Math.min(count - 1, b))] += 1.0 / scores.length;
        }
        return s;
    }

    /** The curve's points as (false positive rate, true positive rate) pairs, in the curve's order. */
    static double[][] points(RocCurve roc) {
        double[] x = roc.falsePositiveRate();
        double[] y = roc.truePositiveRate();
        double[][] p = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            p[i] = new double[] {x[i], y[i]};
        }
        return p;
    }

    private void submit(String title, BackgroundTask.Work<View> work) {
        if (state.busy()) {
            return;
        }
        set(new State(true, 0, title, null, state.view()));
        handle = runner.submit(BackgroundTask.of(title, work)
                .onProgress((f, msg) -> set(new State(true, f, msg == null ? state.message() : msg, null,
                        state.view())))
                .onSuccess(v -> {
                    if (v == null) {
                        set(new State(false, 0, "No run of this preset under " + runsRoot + " yet: press Train (a"
                                + " few minutes) or open a run.", null, state.view()));
                        return;
                    }
                    run = v.run();
                    set(new State(false, 1, v.detection().model(), null, v));
                })
                .onFailure(e -> set(new State(false, 0, "", e, state.view())))
                .onCancelled(() -> set(new State(false, 0, "cancelled", null, state.view()))));
    }

    private void set(State s) {
        state = s;
        listener.accept(s);
    }
}
