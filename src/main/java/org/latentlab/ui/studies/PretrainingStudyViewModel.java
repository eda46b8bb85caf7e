package org.latentlab.ui.studies;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.pca.AutoencoderTraining;
import org.latentlab.experiment.pca.HeldOutImages;
import org.latentlab.experiment.pca.PretrainingComparison;
import org.latentlab.experiment.pca.PretrainingRun;
import org.latentlab.experiment.pca.PretrainingTable;
import org.latentlab.train.ae.AutoencoderSettings.Pretraining;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "Pretraining against none" study without a screen: the comparison's runs submitted one task each to the
 * worker (data opened once, by the first), each finished run added to {@link #runs()} as it comes, so the curves
 * and the table fill while the rest train.
 */
public final class PretrainingStudyViewModel {

    private final TaskRunner runner;
    private final ObservableList<PretrainingRun> runs = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would be collected with the listeners added to it. */
    private final ObservableList<PretrainingRun> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Press Run: three initialisations per"
            + " seed, one after another.");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final List<TaskHandle> handles = new ArrayList<>();
    private PretrainingComparison comparison;
    private int pending;

    public PretrainingStudyViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    /** The data the runs share, opened on the worker by the first run. */
    private static final class Shared {
        ExperimentData.Split split;
        HeldOutImages probe;
    }

    /** Starts every run of {@code c}; earlier results are cleared. */
    public void start(PretrainingComparison c) {
        if (running.get()) {
            return;
        }
        comparison = c;
        runs.clear();
        handles.clear();
        running.set(true);
        failed.set(false);
        progress.set(0);
        pending = c.runCount();
        Shared shared = new Shared();
        int index = 0;
        for (long seed : c.seeds()) {
            for (Pretraining p : PretrainingComparison.INITIALISATIONS) {
                int k = index++;
                handles.add(runner.submit(BackgroundTask.of("pretraining comparison", m -> {
                    if (shared.split == null) {
                        m.progress(0, "opening " + c.spec().dataset());
                        shared.split = AutoencoderTraining.data(c.spec());
                        shared.probe = AutoencoderTraining.probe(shared.split, c.probeSize());
                    }
                    return c.runOne(shared.split, shared.probe, p, seed, m);
                }).onProgress((f, msg) -> {
                    progress.set((k + f) / c.runCount());
                    if (msg != null) {
                        status.set(String.format(Locale.ROOT, "run %d of %d: %s", k + 1, c.runCount(), msg));
                    }
                }).onSuccess(this::add).onFailure(this::fail).onCancelled(this::cancelled)));
            }
        }
    }

    /** Stops the run in progress and drops those not started. */
    public void stop() {
        for (TaskHandle h : handles) {
            h.cancel();
        }
    }

    private void add(PretrainingRun r) {
        runs.add(r);
        pending--;
        progress.set((double) runs.size() / comparison.runCount());
        status.set(String.format(Locale.ROOT, "%d of %d runs done; last: %s, seed %d, final held-out MSE %.5f"
                        + " (%.0f s)", runs.size(), comparison.runCount(), PretrainingRun.label(r.initialisation()),
                r.seed(), r.curve().last(), r.seconds()));
        if (pending == 0) {
            running.set(false);
        }
    }

    private void fail(String message) {
        stop();
        status.set(message);
        failed.set(true);
        running.set(false);
    }

    private void cancelled() {
        if (running.get()) {
            running.set(false);
            status.set("stopped after " + runs.size() + " of " + comparison.runCount() + " runs");
        }
    }

    /** The finished runs, in the order they finished. */
    public ObservableList<PretrainingRun> runs() {
        return runsView;
    }

    /** The table of the finished runs. */
    public PretrainingTable table() {
        return PretrainingTable.of(new ArrayList<>(runs));
    }

    /** The comparison last started, or null. */
    public PretrainingComparison comparison() {
        return comparison;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
