package org.latentlab.ui.geometry;

import org.latentlab.experiment.Family;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.analysis.toy.ViewRange;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.LineOptions;
import org.latentlab.experiment.geometry.LineResult;
import org.latentlab.experiment.geometry.LossSpec;
import org.latentlab.experiment.geometry.SliceOptions;
import org.latentlab.experiment.geometry.SurfaceSlice;
import org.latentlab.ui.common.NumberInput;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loss-surface section's state and jobs: the model at a checkpoint of a run, the 1-D loss along the line from
 * the initial weights (or another checkpoint) to it (Goodfellow et al. 2015), and a 2-D slice on a plane through it
 * with the training trajectory projected on the plane (Li et al. 2018). A scan hands its rows to {@link #gridProperty()}
 * as they come, stops on Cancel and continues where it stopped; the results can be written as CSV. One concept,
 * read in one sitting despite its length: most of it is the properties the panel binds.
 */
final class LossSurfaceViewModel {

    /** Where the 1-D line starts: a checkpoint of the run, or (null) the initial weights. */
    record LineStart(Path checkpoint) {
        static final LineStart INITIAL = new LineStart(null);

        @Override
        public String toString() {
            return checkpoint == null ? "the initial weights" : "checkpoint " + checkpoint.getFileName();
        }
    }

    /** A model opened for analysis with its run's checkpoints. */
    record Opened(GeometryJobs jobs, List<Path> checkpoints) {
    }

    /** A finished scan and the square of the plane it covers. */
    record Scan(SurfaceSlice slice, ViewRange view) {
    }

    private static final int CONTOUR_LEVELS = 16;

    private final SectionTasks tasks;
    private final ModelSourceViewModel source;
    private final LossChoice loss = new LossChoice(500);
    private final ObservableList<Path> checkpoints = FXCollections.observableArrayList();
    private final ObjectProperty<Path> checkpoint = new SimpleObjectProperty<>();
    private final ObservableList<LineStart> lineStarts = FXCollections.observableArrayList(LineStart.INITIAL);
    private final ObjectProperty<LineStart> lineStart = new SimpleObjectProperty<>(LineStart.INITIAL);
    private final StringProperty linePoints = new SimpleStringProperty(Integer.toString(LineOptions.DEFAULT_POINTS));
    private final ObjectProperty<SliceOptions.Directions> directions =
            new SimpleObjectProperty<>(SliceOptions.Directions.RANDOM);
    private final StringProperty grid = new SimpleStringProperty("41");
    private final StringProperty range = new SimpleStringProperty("1");
    private final BooleanProperty fit = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper canContinue = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper(
            "Train a model here or open a run, then scan a slice or draw the line.");
    private final ReadOnlyObjectWrapper<SurfaceGrid> shownGrid = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PlanePath> track = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SurfaceSlice> slice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LineResult> line = new ReadOnlyObjectWrapper<>();
    private GeometryJobs jobs;

    LossSurfaceViewModel(TaskRunner runner, Path runsRoot) {
        tasks = new SectionTasks(runner);
        source = new ModelSourceViewModel(List.of("ring8-ae-2d", "mnist-ae", "mnist-dae", "mnist-cae",
                "mnist-vae-2d"), 600, 6, runsRoot, tasks, this::open);
        // the principal components of the trajectory suit a range fitted to it; random directions do not
        directions.addListener((o, was, d) -> fit.set(d == SliceOptions.Directions.PCA));
        checkpoint.addListener((o, was, cp) -> {
            if (cp != null && jobs != null && !cp.equals(jobs.model().checkpoint())) {
                open(cp);
            }
        });
    }

    /** Opens a run folder (its latest checkpoint) or a checkpoint folder for analysis. */
    void open(Path folder) {
        open(folder, null);
    }

    /** Opens the folder, then scans a slice with the current settings and draws the line (the launch argument). */
    void openAndScan(Path folder) {
        open(folder, () -> computeSlice(this::computeLine));
    }

    private void open(Path folder, Runnable then) {
        GeometryJobs old = jobs;
        tasks.run("opening " + folder.getFileName(), m -> {
            m.progress(0, "opening " + folder.getFileName());
            if (old != null) {
                old.close();
            }
            GeometryJobs j = GeometryJobs.open(folder);
            return new Opened(j, SavedModel.checkpoints(j.model().runDir()));
        }, opened -> {
            jobs = opened.jobs();
            List<Path> cps = opened.checkpoints();
            SavedModel model = jobs.model();
            source.show(model.name() + " (" + model.kind().name().toLowerCase(Locale.ROOT) + "), "
                    + model.checkpoint().getFileName() + " of " + model.runDir().getFileName() + "; " + cps.size()
                    + " checkpoint" + (cps.size() == 1 ? "" : "s"));
            checkpoints.setAll(cps);
            checkpoint.set(model.checkpoint());
            LineStart from = lineStart.get();
            List<LineStart> starts = new ArrayList<>(List.of(LineStart.INITIAL));
            for (Path cp : cps) {
                if (!cp.equals(model.checkpoint())) {
                    starts.add(new LineStart(cp));
                }
            }
            lineStarts.setAll(starts);
            lineStart.set(starts.contains(from) ? from : LineStart.INITIAL);
            boolean gan = model.kind() == Family.GAN;
            loss.setGan(gan);
            report.set("Opened " + model + ".\n" + (gan ? "A GAN run keeps only its two newest checkpoints: its"
                    + " trajectory is the initial weights and those. Choose D's or G's loss above.\n" : ""));
            canContinue.set(false);
            clearPlots();
            if (then != null) {
                then.run();
            }
        });
    }

    private void clearPlots() {
        slice.set(null);
        line.set(null);
        shownGrid.set(null);
        track.set(null);
    }

    private boolean ready() {
        if (jobs == null) {
            tasks.say("first train a model here or open a run");
            return false;
        }
        return true;
    }

    /** The loss along the line from the chosen start to the checkpoint. */
    void computeLine() {
        if (!ready()) {
            return;
        }
        LossSpec spec;
        LineOptions options;
        try {
            spec = loss.spec();
            options = new LineOptions(NumberInput.wholeNumber(linePoints.get(), "points", 2, 10_001), -0.5, 1.5);
        } catch (LabException e) {
            tasks.say(e.getMessage());
            return;
        }
        Path from = lineStart.get() == null ? null : lineStart.get().checkpoint();
        GeometryJobs j = jobs;
        tasks.run("the 1-D line", m -> j.line(spec, from, options, m), r -> {
            line.set(r);
            report.set(SurfaceReports.line(r, slice.get()));
        });
    }

    /** Scans the slice with the current settings (continuing a stopped scan of the same plane and grid). */
    void computeSlice() {
        computeSlice(null);
    }

    private void computeSlice(Runnable after) {
        if (!ready()) {
            return;
        }
        LossSpec spec;
        SliceOptions options;
        try {
            spec = loss.spec();
            options = new SliceOptions(directions.get(), NumberInput.wholeNumber(grid.get(), "grid", 2, 1001),
                    NumberInput.positive(range.get(), "range"));
        } catch (LabException e) {
            tasks.say(e.getMessage());
            return;
        }
        GeometryJobs j = jobs;
        boolean fitRange = fit.get();
        // handed from the worker to the owner's thread with each progress report: the newest rows, a fitted range
        AtomicReference<SurfaceGrid> rows = new AtomicReference<>();
        AtomicReference<Double> fitted = new AtomicReference<>();
        Runnable handOver = () -> {
            Double r = fitted.getAndSet(null);
            if (r != null) {
                range.set(Double.toString(r));
            }
            SurfaceGrid g = rows.getAndSet(null);
            if (g != null) {
                shownGrid.set(g);
            }
        };
        canContinue.set(false);
        tasks.run("scanning the slice", m -> {
            Repeating monitor = new Repeating(m);
            SliceOptions o = options;
            if (fitRange) {
                monitor.progress(0, "projecting the trajectory to choose the range");
                SurfaceSlice probe = j.slice(spec, options.withGrid(2).withRange(1), null, monitor);
                o = options.withRange(SurfaceReports.fittedRange(probe.trajectory()));
                fitted.set(o.range());
            }
            ViewRange view = new ViewRange(-o.range(), o.range(), -o.range(), o.range());
            SurfaceSlice result = j.slice(spec, o, null, values -> {
                rows.set(SurfaceGrid.of(view, values, CONTOUR_LEVELS));
                monitor.again();
            }, monitor);
            return new Scan(result, view);
        }, scan -> {
            handOver.run();
            showSlice(scan);
            if (after != null) {
                after.run();
            }
        }, error -> {
            handOver.run();
            canContinue.set(true);
        }, () -> {
            handOver.run();
            canContinue.set(true);
            report.set(SurfaceReports.STOPPED + report.get());
        }, handOver);
    }

    private void showSlice(Scan scan) {
        SurfaceSlice s = scan.slice();
        slice.set(s);
        shownGrid.set(SurfaceGrid.of(scan.view(), s.loss(), CONTOUR_LEVELS));
        track.set(SurfaceReports.path(s.trajectory()));
        report.set(SurfaceReports.sliceWithLine(s, line.get()));
    }

    /**
     * Writes the slice ({@code name.csv}: the resumable scan format, one row per cell), its trajectory
     * ({@code name-trajectory.csv}) and the line ({@code name-line.csv}), whichever exist; returns the files.
     */
    List<Path> writeCsv(Path file) {
        return SurfaceExport.writeCsv(slice.get(), line.get(), file);
    }

    /** Whether there is a slice or a line to write as CSV; if not, says so. */
    boolean canExportCsv() {
        if (slice.get() == null && line.get() == null) {
            tasks.say("nothing to export yet: scan a slice or draw the line first");
            return false;
        }
        return true;
    }

    /** Writes the CSV files next to {@code file} and says what was written. */
    void exportCsv(Path file) {
        try {
            List<Path> written = writeCsv(file);
            tasks.say("saved " + written.size() + " file(s): " + written.get(0).getFileName() + "…");
        } catch (LabException e) {
            tasks.say(e.getMessage());
        }
    }

    /** Whether there is a surface to save as a picture; if not, says so. */
    boolean canExportPng() {
        if (shownGrid.get() == null) {
            tasks.say("nothing to export yet: scan a slice first");
            return false;
        }
        return true;
    }

    /** Writes a picture taken of the surface views as PNG, off the owner's thread, and says when it is saved. */
    TaskHandle writePng(BufferedImage picture, Path file) {
        return tasks.runner().submit(BackgroundTask.ofAction("saving " + file.getFileName(),
                m -> SurfaceExport.writePng(picture, file))
                .onSuccess(v -> tasks.say("saved " + file.getFileName())).onFailure(tasks::say));
    }

    /** A monitor that can say its last report again (to hand over a row as soon as it is computed). */
    private static final class Repeating implements Monitor {
        private final Monitor inner;
        private volatile double fraction;
        private volatile String message;

        Repeating(Monitor inner) {
            this.inner = inner;
        }

        @Override
        public void progress(double f, String m) {
            fraction = f;
            message = m;
            inner.progress(f, m);
        }

        void again() {
            inner.progress(fraction, message);
        }

        @Override
        public boolean isCancelled() {
            return inner.isCancelled();
        }
    }

    // ---- for the view, the tests and the launch arguments

    SectionTasks tasks() {
        return tasks;
    }

    ModelSourceViewModel source() {
        return source;
    }

    LossChoice loss() {
        return loss;
    }

    ObservableList<Path> checkpoints() {
        return checkpoints;
    }

    ObjectProperty<Path> checkpointProperty() {
        return checkpoint;
    }

    ObservableList<LineStart> lineStarts() {
        return lineStarts;
    }

    ObjectProperty<LineStart> lineStartProperty() {
        return lineStart;
    }

    StringProperty linePointsProperty() {
        return linePoints;
    }

    ObjectProperty<SliceOptions.Directions> directionsProperty() {
        return directions;
    }

    StringProperty gridProperty() {
        return grid;
    }

    StringProperty rangeProperty() {
        return range;
    }

    BooleanProperty fitProperty() {
        return fit;
    }

    ReadOnlyBooleanProperty canContinueProperty() {
        return canContinue.getReadOnlyProperty();
    }

    ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The surface drawn: the scan so far (NaN where pending) or the finished slice. */
    ReadOnlyObjectProperty<SurfaceGrid> shownGridProperty() {
        return shownGrid.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<PlanePath> trackProperty() {
        return track.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SurfaceSlice> sliceProperty() {
        return slice.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<LineResult> lineProperty() {
        return line.getReadOnlyProperty();
    }

    boolean hasModel() {
        return jobs != null;
    }
}
