package org.latentlab.ui.studies;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import java.nio.file.Path;
import org.latentlab.experiment.tangentprop.TangentPropComparison;
import org.latentlab.experiment.tangentprop.TangentPropFiles;
import org.latentlab.experiment.tangentprop.TangentPropResult;
import org.latentlab.latent.ImageShape;
import org.latentlab.ui.common.ChartStyle;
import org.latentlab.ui.common.ImageConversion;

import java.util.Locale;

/**
 * The Tangent Prop study: a Run button (quick or full), progress, then a few training images with their classic
 * and autoencoder tangents, the held-out accuracy curves with and without the penalty, and the table.
 */
public final class TangentPropPane extends BorderPane {

    private static final int ZOOM = 3;

    private final TangentPropViewModel model;
    private final VBox tangents = new VBox(4);
    private final BorderPane chart = new BorderPane();
    private final GridPane table = new GridPane();

    public TangentPropPane(StudyContext context) {
        this(new TangentPropViewModel(context.runner(), Path.of(".")));
    }

    /** The tangents and the curves, shown in place of the introduction once a comparison has run. */
    private final HBox results;

    TangentPropPane(TangentPropViewModel model) {
        this.model = model;
        setId("tangent-prop-pane");
        ChoiceBox<TangentPropViewModel.Size> size = new ChoiceBox<>();
        size.getItems().addAll(TangentPropViewModel.Size.values());
        size.valueProperty().bindBidirectional(model.size());
        size.setId("tangent-prop-size");
        Button run = new Button("Run");
        run.setId("tangent-prop-run");
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.running());
        Button stop = new Button("Stop");
        stop.setId("tangent-prop-stop");
        stop.setOnAction(e -> model.stop());
        stop.disableProperty().bind(model.running().not());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progress());
        bar.setPrefWidth(180);
        Label status = new Label();
        status.setId("tangent-prop-status");
        status.textProperty().bind(model.status());
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {run, stop, size}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox top = new HBox(8, run, stop, size, bar, status);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        setTop(top);
        tangents.setPadding(new Insets(6));
        tangents.setId("tangent-prop-tangents");
        table.setId("tangent-prop-table");
        table.setHgap(14);
        table.setVgap(3);
        table.setPadding(new Insets(6));
        HBox.setHgrow(chart, Priority.ALWAYS);
        results = new HBox(8, tangents, chart);
        Label intro = new Label("Tangent Prop (Simard, Victorri, LeCun & Denker 1992) trains a classifier with a"
                + " penalty λ Σ ‖J(x) t‖² that keeps its outputs still when an image moves along a tangent t of the"
                + " data: small shifts, rotations and scalings of the image (classic tangents), or the directions"
                + " an autoencoder's code follows. Run trains the same MLP three ways on the same few images and"
                + " seeds: plain, with classic tangents, with the autoencoder's. Then look at the tangents as"
                + " pictures, at the held-out curves, and at the accuracy on shifted and rotated test digits.");
        intro.setWrapText(true);
        intro.setMaxWidth(760);
        intro.setPadding(new Insets(12, 6, 6, 6));
        intro.setId("tangent-prop-intro");
        BorderPane.setAlignment(intro, javafx.geometry.Pos.TOP_LEFT);
        setCenter(intro);
        setBottom(table);
        model.result().addListener((o, old, r) -> show(r));
    }

    private void show(TangentPropResult r) {
        if (r == null) {
            return;
        }
        TangentPropResult.Examples ex = r.examples();
        ImageShape shape = ImageShape.image(1, ex.height(), ex.width());
        int classic = ex.classic()[0].length;
        int auto = ex.autoencoder()[0].length;
        int columns = 1 + classic + auto;
        float[][] cells = new float[ex.images().length * columns][];
        for (int i = 0; i < ex.images().length; i++) {
            cells[i * columns] = ex.images()[i];
            for (int j = 0; j < classic; j++) {
                cells[i * columns + 1 + j] = signed(ex.classic()[i][j]);
            }
            for (int j = 0; j < auto; j++) {
                cells[i * columns + 1 + classic + j] = signed(ex.autoencoder()[i][j]);
            }
        }
        ImageView grid = new ImageView(ImageConversion.grid(cells, shape, ex.images().length, columns, 2));
        grid.setFitWidth(columns * (ex.width() + 2) * ZOOM);
        grid.setPreserveRatio(true);
        grid.setSmooth(false);
        Label title = new Label("Training images and their unit tangents (grey 0, white +, black −)");
        title.setStyle("-fx-font-weight: bold");
        Label heads = new Label("image  |  classic: shift x, shift y, rotation, scaling  |  autoencoder: top " + auto
                + " singular directions of the encoder Jacobian");
        Label note = new Label(String.format(Locale.ROOT, "Classic tangents are the derivatives of the image"
                + " smoothed by a Gaussian under each transformation; the autoencoder's are the directions its code"
                + " follows (a contractive AE of %d units trained without labels).", 64));
        note.setWrapText(true);
        note.setMaxWidth(grid.getFitWidth());
        tangents.getChildren().setAll(title, heads, grid, note);
        setCenter(results);
        JFreeChart c = ChartStyle.apply(TangentPropFiles.chart(r));
        for (int i = 0; i < TangentPropFiles.COLOURS.length; i++) {
            c.getXYPlot().getRenderer().setSeriesPaint(i, TangentPropFiles.COLOURS[i]);
        }
        chart.setCenter(ChartStyle.viewer(c, "tangent-prop-curves"));
        table.getChildren().clear();
        String[] heads2 = {"classifier", "held-out accuracy %", "shifted ≤ " + TangentPropComparison.SHIFT + " px %",
                "rotated ≤ " + (int) TangentPropComparison.DEGREES + "° %"};
        for (int col = 0; col < heads2.length; col++) {
            Label h = new Label(heads2[col]);
            h.setStyle("-fx-font-weight: bold");
            table.add(h, col, 0);
        }
        int row = 1;
        for (TangentPropResult.Arm a : r.arms()) {
            table.add(new Label(a.about()), 0, row);
            table.add(new Label(TangentPropFiles.percent(a.heldOut())), 1, row);
            table.add(new Label(TangentPropFiles.percent(a.translated())), 2, row);
            table.add(new Label(TangentPropFiles.percent(a.rotated())), 3, row);
            row++;
        }
        table.add(new Label((r.options().seeds() < 2 ? "one seed" : "mean ± sd over " + r.options().seeds()
                + " seeds") + "; the same training images and"
                + " initial weights for the three classifiers of a seed"), 0, row, 4, 1);
    }

    /** A signed tangent as a picture: 0 grey, its largest |value| white or black. */
    private static float[] signed(float[] t) {
        float max = 1e-12f;
        for (float v : t) {
            max = Math.max(max, Math.abs(v));
        }
        float[] out = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = 0.5f + 0.5f * t[i] / max;
        }
        return out;
    }

    /** For tests: the pane's view model. */
    TangentPropViewModel model() {
        return model;
    }

    /** Unused node accessor kept small: the tangent column. */
    Node tangentColumn() {
        return tangents;
    }
}
