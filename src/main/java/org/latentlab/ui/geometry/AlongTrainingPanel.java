package org.latentlab.ui.geometry;

import org.latentlab.experiment.Family;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.latentlab.core.LabException;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.geometry.CurvatureHistory;
import org.latentlab.experiment.geometry.CurvatureRow;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.LossSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The curvature of the loss at every checkpoint of a run against the training loss there: the top Hessian
 * eigenvalue (Lanczos) and the fraction of negative eigenvalues (stochastic Lanczos quadrature), the
 * "training error vs index" figure of Dauphin et al. 2014 ({@link GeometryJobs#alongTraining}; each checkpoint's numbers are kept
 * beside it, so a second look is instant). A run with a single checkpoint gives one point, and the
 * panel says so.
 */
final class AlongTrainingPanel extends BorderPane {

    private final TaskBar tasks = new TaskBar("training");
    private final ModelSource source;
    private final ComboBox<GeometryModels.Part> part = LossPartChooser.create("training-part",
            "for a GAN: whose loss; autoencoders and VAEs have one (this is ignored)");
    private final TextField examples = new TextField("500");
    private final TextField runs = new TextField("2");
    private final TextField steps = new TextField("40");
    private final Label note = new Label();
    private final CheckpointCurveChart top = new CheckpointCurveChart("top Hessian eigenvalue λ₁ at each checkpoint",
            "λ₁", "λ₁", "training-top-chart");
    private final CheckpointCurveChart negative = new CheckpointCurveChart(
            "fraction of negative eigenvalues at each checkpoint", "negative fraction", "negative",
            "training-negative-chart");
    private final TextArea table = new TextArea();
    private Path folder;
    private CurvatureHistory history;

    AlongTrainingPanel(Window owner, Path runsRoot) {
        source = new ModelSource(owner, "training", List.of("ring8-ae-2d", "mnist-ae", "mnist-vae-2d"), 1200, 6,
                tasks, runsRoot, this::openAndCompute);
        examples.setPrefColumnCount(5);
        examples.setId("training-examples");
        runs.setPrefColumnCount(3);
        runs.setId("training-runs");
        steps.setPrefColumnCount(3);
        steps.setId("training-steps");
        Button compute = new Button("Compute");
        compute.setId("training-compute");
        compute.setOnAction(e -> compute());
        Label explain = new Label("Dauphin et al. 2014 (\"training error vs index\"): at critical"
                + " points of lower loss fewer Hessian eigenvalues are negative. Here each checkpoint of a run gives"
                + " one point: its training loss against its top eigenvalue λ₁ (sharpness) and its fraction of"
                + " negative eigenvalues (directions that still go down).");
        explain.getStyleClass().add("description");
        explain.setWrapText(true);
        HBox settings = row(new Label("GAN loss"), part, new Label("examples"), examples,
                new Label("density: random starts"), runs, new Label("Lanczos steps"), steps, compute);
        note.setId("training-note");
        note.setWrapText(true);
        note.setStyle("-fx-text-fill: #8a4b00; -fx-font-weight: bold;");
        VBox topBox = new VBox(4, explain, source, settings, tasks, note);
        topBox.setPadding(new Insets(6));
        setTop(topBox);
        table.setEditable(false);
        table.setId("training-table");
        table.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        table.setText("Train a model here (it keeps 6 checkpoints) or open a run folder.");
        SplitPane charts = new SplitPane(top, negative);
        SplitPane centre = new SplitPane(charts, table);
        centre.setOrientation(javafx.geometry.Orientation.VERTICAL);
        centre.setDividerPositions(0.72);
        setCenter(centre);
    }

    private static HBox row(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** Opens a run folder and computes its curvature along training. */
    void openAndCompute(Path runOrCheckpoint) {
        folder = runOrCheckpoint;
        source.show(runOrCheckpoint.toString());
        compute();
    }

    void compute() {
        if (folder == null) {
            tasks.say("first train a model here or open a run");
            return;
        }
        LossSpec loss;
        int r;
        int m;
        try {
            int n = Integer.parseInt(examples.getText().trim());
            r = Integer.parseInt(runs.getText().trim());
            m = Integer.parseInt(steps.getText().trim());
            if (n < 1 || n > 10_000 || r < 1 || r > 20 || m < 2 || m > 500) {
                throw new NumberFormatException();
            }
            loss = new LossSpec(n, part.getValue(), 1);
        } catch (NumberFormatException e) {
            tasks.say("examples 1–10000, random starts 1–20, Lanczos steps 2–500");
            return;
        }
        Path dir = folder;
        tasks.run(mon -> {
            try (GeometryJobs jobs = GeometryJobs.open(dir)) {
                SavedModel model = jobs.model();
                if (model.kind() == Family.RBM) {
                    throw new LabException(dir.getFileName() + " is an RBM run: its energy is not a network loss");
                }
                return new Object[] {jobs.alongTraining(loss, r, m, mon), model.toString(),
                        SavedModel.checkpoints(model.runDir()).size(), model.kind() == Family.GAN};
            }
        }, res -> show((CurvatureHistory) res[0], (String) res[1], (int) res[2], (boolean) res[3]));
    }

    private void show(CurvatureHistory h, String model, int checkpoints, boolean gan) {
        history = h;
        part.setDisable(!gan);
        source.show(model + "; " + checkpoints + " checkpoint" + (checkpoints == 1 ? "" : "s"));
        int n = h.rows().size();
        long[] it = new long[n];
        double[] loss = new double[n];
        double[] lambda = new double[n];
        double[] neg = new double[n];
        for (int i = 0; i < n; i++) {
            CurvatureRow row = h.rows().get(i);
            it[i] = row.iteration();
            loss[i] = row.loss();
            lambda[i] = row.topEigenvalue();
            neg[i] = row.negativeFraction();
        }
        top.show(it, loss, lambda);
        negative.show(it, loss, neg);
        String say = h.note().isEmpty() && n == 1 ? "This run has only one checkpoint, so the figure has one point."
                : h.note().isEmpty() ? "" : h.note().substring(0, 1).toUpperCase(Locale.ROOT) + h.note().substring(1)
                + ".";
        note.setText(say);
        note.setVisible(!say.isEmpty());
        table.setText(String.format(Locale.ROOT, "%s%nrun %s, %d checkpoint(s); negative: eigenvalues below −%.0e"
                + " · max|λ|%n%n", h.objective(), h.run(), n, GeometryJobs.NEGATIVE_TOLERANCE) + h.table());
    }

    // ---- for tests

    CurvatureHistory history() {
        return history;
    }

    TaskBar tasks() {
        return tasks;
    }
}
