package org.latentlab.ui.geometry;

import org.latentlab.experiment.Family;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.core.LabException;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.geometry.CurvatureHistory;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.LossSpec;
import org.latentlab.ui.common.NumberInput;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The curvature-along-training section's state and job: for every checkpoint of a run, its training loss against
 * its top Hessian eigenvalue and its fraction of negative eigenvalues, the "training error vs index" figure of
 * Dauphin et al. 2014 ({@link GeometryJobs#alongTraining}; each checkpoint's numbers are kept beside it).
 */
final class AlongTrainingViewModel {

    /** What was computed, with what the section says about the run. */
    record Result(CurvatureHistory history, String model, int checkpoints, boolean gan) {
    }

    private final SectionTasks tasks;
    private final ModelSourceViewModel source;
    private final LossChoice loss = new LossChoice(500);
    private final StringProperty runs = new SimpleStringProperty("2");
    private final StringProperty steps = new SimpleStringProperty("40");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper table =
            new ReadOnlyStringWrapper("Train a model here (it keeps 6 checkpoints) or open a run folder.");
    private final ReadOnlyObjectWrapper<CurvatureHistory> history = new ReadOnlyObjectWrapper<>();
    private Path folder;

    AlongTrainingViewModel(TaskRunner runner, Path runsRoot) {
        tasks = new SectionTasks(runner);
        source = new ModelSourceViewModel(List.of("ring8-ae-2d", "mnist-ae", "mnist-vae-2d"), 1200, 6, runsRoot,
                tasks, this::openAndCompute);
    }

    /** Opens a run folder and computes its curvature along training. */
    void openAndCompute(Path runOrCheckpoint) {
        folder = runOrCheckpoint;
        source.show(runOrCheckpoint.toString());
        compute();
    }

    /** The curvature at every checkpoint of the open run. */
    void compute() {
        if (folder == null) {
            tasks.say("first train a model here or open a run");
            return;
        }
        LossSpec spec;
        int r;
        int m;
        try {
            spec = loss.spec();
            r = NumberInput.wholeNumber(runs.get(), "random starts", 1, 20);
            m = NumberInput.wholeNumber(steps.get(), "Lanczos steps", 2, 500);
        } catch (LabException e) {
            tasks.say(e.getMessage());
            return;
        }
        Path dir = folder;
        tasks.run("curvature along training", mon -> {
            try (GeometryJobs jobs = GeometryJobs.open(dir)) {
                SavedModel model = jobs.model();
                if (model.kind() == Family.RBM) {
                    throw new LabException(dir.getFileName() + " is an RBM run: its energy is not a network loss");
                }
                return new Result(jobs.alongTraining(spec, r, m, mon), model.toString(),
                        SavedModel.checkpoints(model.runDir()).size(), model.kind() == Family.GAN);
            }
        }, this::show);
    }

    private void show(Result result) {
        CurvatureHistory h = result.history();
        loss.setGan(result.gan());
        source.show(result.model() + "; " + result.checkpoints() + " checkpoint"
                + (result.checkpoints() == 1 ? "" : "s"));
        int n = h.rows().size();
        note.set(h.note().isEmpty() && n == 1 ? "This run has only one checkpoint, so the figure has one point."
                : h.note().isEmpty() ? "" : h.note().substring(0, 1).toUpperCase(Locale.ROOT) + h.note().substring(1)
                + ".");
        table.set(String.format(Locale.ROOT, "%s%nrun %s, %d checkpoint(s); negative: eigenvalues below −%.0e"
                + " · max|λ|%n%n", h.objective(), h.run(), n, GeometryJobs.NEGATIVE_TOLERANCE) + h.table());
        history.set(h);
    }

    SectionTasks tasks() {
        return tasks;
    }

    ModelSourceViewModel source() {
        return source;
    }

    LossChoice loss() {
        return loss;
    }

    StringProperty runsProperty() {
        return runs;
    }

    StringProperty stepsProperty() {
        return steps;
    }

    /** What a person must know about the points (one checkpoint only, a GAN's two); empty when nothing. */
    ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    ReadOnlyStringProperty tableProperty() {
        return table.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<CurvatureHistory> historyProperty() {
        return history.getReadOnlyProperty();
    }
}
