package org.latentlab.ui.studies;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.latentlab.experiment.sensitivity.SensitivityFiles;
import org.latentlab.experiment.sensitivity.SensitivityResult;
import org.latentlab.ui.common.ChartStyle;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The sensitivity lecture (Novak et al. 2018): Run and the set of runs, progress; then the scatter of the
 * generalisation gap against the mean norm of the classifier's input-output Jacobian, a point added as each run
 * ends, its correlations, and the table of runs.
 */
public final class SensitivityPane extends BorderPane {

    private final SensitivityViewModel model;
    private final GridPane table = new GridPane();
    private final VBox results = new VBox(6);
    private ChartViewer viewer;
    private final Label correlation = new Label();

    public SensitivityPane(StudyContext context) {
        this(new SensitivityViewModel(context.runner(), Path.of(".")));
    }

    SensitivityPane(SensitivityViewModel model) {
        this.model = model;
        setId("sensitivity-pane");
        Button run = new Button("Run");
        run.setId("sensitivity-run");
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.running());
        Button stop = new Button("Stop");
        stop.setId("sensitivity-stop");
        stop.setOnAction(e -> model.stop());
        stop.disableProperty().bind(model.running().not());
        ChoiceBox<SensitivityViewModel.Grid> grid = new ChoiceBox<>();
        grid.getItems().addAll(SensitivityViewModel.Grid.values());
        grid.valueProperty().bindBidirectional(model.grid());
        grid.setId("sensitivity-grid");
        grid.disableProperty().bind(model.running());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progress());
        bar.setPrefWidth(160);
        Label status = new Label();
        status.setId("sensitivity-status");
        status.textProperty().bind(model.status());
        for (Control c : new Control[] {run, stop, grid}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox top = new HBox(8, run, stop, grid, bar, status);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        setTop(top);
        Label intro = new Label("Novak, Bahri, Abolafia, Pennington & Sohl-Dickstein (2018) measured, over thousands"
                + " of trained networks, how much a classifier's output moves when its input moves: the Frobenius"
                + " norm of the input-output Jacobian ‖∂softmax(f(x))/∂x‖_F of the class probabilities, at"
                + " held-out points. Networks that generalise worse are more sensitive there: the norm grows with"
                + " the generalisation gap (training minus held-out accuracy). Run trains the random-labels MLP on"
                + " 250 and 1,000 MNIST digits with a fraction of their labels shuffled, measures each and draws one"
                + " point per network. This Jacobian is of the classifier's output with respect to its input image;"
                + " it is not the encoder sensitivity ‖∂h/∂x‖ of the autoencoder studies.");
        intro.setWrapText(true);
        intro.setMaxWidth(820);
        intro.setPadding(new Insets(12, 6, 6, 6));
        intro.setId("sensitivity-intro");
        BorderPane.setAlignment(intro, Pos.TOP_LEFT);
        setCenter(intro);
        table.setId("sensitivity-table");
        table.setHgap(14);
        table.setVgap(2);
        table.setPadding(new Insets(6));
        results.setPadding(new Insets(0, 6, 6, 6));
        model.result().addListener((o, old, r) -> show(r));
    }

    private void show(SensitivityResult r) {
        if (r == null || r.points().isEmpty()) {
            return;
        }
        JFreeChart chart = ChartStyle.apply(SensitivityFiles.chart(r));
        if (viewer == null) {
            viewer = ChartStyle.viewer(chart, "sensitivity-scatter");
            viewer.setPrefWidth(620);
            viewer.setMinWidth(420);
            Label note = new Label("‖J‖_F: Frobenius norm of ∂softmax(f(x))/∂x, the classifier's input-output"
                    + " Jacobian, averaged over " + r.options().jacobianPoints() + " held-out digits. Gap: accuracy on"
                    + " the training labels minus accuracy on held-out digits with their true labels.");
            note.setWrapText(true);
            note.setMaxWidth(440);
            correlation.setWrapText(true);
            correlation.setMaxWidth(440);
            correlation.setStyle("-fx-font-weight: bold");
            correlation.setId("sensitivity-correlation");
            VBox side = new VBox(8, table, correlation, note);
            side.setMinWidth(Region.USE_PREF_SIZE);
            side.setPadding(new Insets(6));
            HBox row = new HBox(8, viewer, side);
            HBox.setHgrow(viewer, Priority.ALWAYS);
            VBox.setVgrow(row, Priority.ALWAYS);
            results.getChildren().setAll(row);
            setCenter(results);
        } else {
            viewer.setChart(chart);
        }
        table.getChildren().clear();
        String[] heads = {"images", "shuffled %", "train %", "held-out %", "gap %", "mean ‖J‖_F"};
        for (int col = 0; col < heads.length; col++) {
            Label h = new Label(heads[col]);
            h.setStyle("-fx-font-weight: bold");
            h.setMinWidth(Region.USE_PREF_SIZE);
            table.add(h, col, 0);
        }
        int row = 1;
        for (SensitivityResult.Point p : r.points()) {
            table.add(new Label(String.format(Locale.ROOT, "%,d", p.size())), 0, row);
            table.add(new Label(String.format(Locale.ROOT, "%.0f", 100 * p.fraction())), 1, row);
            table.add(new Label(String.format(Locale.ROOT, "%.1f", 100 * p.train())), 2, row);
            table.add(new Label(String.format(Locale.ROOT, "%.1f", 100 * p.heldOut())), 3, row);
            table.add(new Label(String.format(Locale.ROOT, "%.1f", 100 * p.gap())), 4, row);
            table.add(new Label(String.format(Locale.ROOT, "%.3f", p.jacobian())), 5, row);
            row++;
        }
        correlation.setText(r.points().size() >= 3 ? SensitivityFiles.correlations(r)
                : "the correlations need at least 3 runs");
    }

    /** For tests: the pane's view model. */
    SensitivityViewModel model() {
        return model;
    }
}
