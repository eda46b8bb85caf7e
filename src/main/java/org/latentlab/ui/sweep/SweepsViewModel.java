package org.latentlab.ui.sweep;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.sweep.SweepFiles;
import org.latentlab.experiment.sweep.SweepPlan;
import org.latentlab.experiment.sweep.SweepProgress;
import org.latentlab.experiment.sweep.SweepTable;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The sweeps screen without a screen: a sweep folder opened, and what it holds read again and again on the worker
 * (the sweep may be training in another process or on a cluster): each run's stage, the table of the finished
 * runs, and the metric the plot shows. The folder is only read, never written.
 */
public final class SweepsViewModel {

    /** What one look at the folder found. */
    public record Snapshot(Path folder, SweepPlan plan, List<SweepProgress.Row> rows, SweepTable table) {

        public long finished() {
            return rows.stream().filter(r -> r.stage() == SweepProgress.Stage.FINISHED).count();
        }

        public boolean complete() {
            return finished() == rows.size();
        }
    }

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> metric = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a sweep folder (sweeps/NAME, made"
            + " by latentlab sweep FILE) to see its runs, its table and its curves as they fill.");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private boolean reading;

    public SweepsViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    /** Opens the sweep in {@code folder}: reads it on the worker and shows it. */
    public void open(Path folder) {
        snapshot.set(null);
        read(folder, true);
    }

    /** Reads the open folder again (nothing when none is open, or a read is under way). */
    public void refresh() {
        Snapshot s = snapshot.get();
        if (s != null && !reading) {
            read(s.folder(), false);
        }
    }

    private void read(Path folder, boolean first) {
        reading = true;
        if (first) {
            status.set("reading " + folder);
            failed.set(false);
        }
        runner.submit(BackgroundTask.of("reading sweep " + folder.getFileName(), m -> {
                    SweepPlan plan = SweepFiles.planOf(folder);
                    return new Snapshot(folder, plan, SweepProgress.of(plan, folder), SweepTable.of(plan, folder));
                })
                .onSuccess(s -> {
                    reading = false;
                    snapshot.set(s);
                    if (metric.get() == null || !s.table().metrics().contains(metric.get())) {
                        metric.set(s.table().metrics().get(0));
                    }
                    failed.set(false);
                    status.set(String.format(Locale.ROOT, "%s: %d of %d runs finished (%d combinations × %d random"
                                    + " seeds)%s", s.plan().spec().name(), s.finished(), s.rows().size(),
                            s.plan().combinations().size(), s.plan().spec().seeds(),
                            s.complete() ? "" : "; read again every few seconds"));
                })
                .onFailure(msg -> {
                    reading = false;
                    failed.set(true);
                    status.set(msg);
                }));
    }

    /** The last look at the open folder, or null. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The metric the plot shows. */
    public ObjectProperty<String> metricProperty() {
        return metric;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when the status line is an error. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
