package org.latentlab.ui.studies;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.latentlab.experiment.pca.CodeScatters;
import org.latentlab.experiment.pca.PcaBaseline;
import org.latentlab.experiment.pca.PcaComparison;
import org.latentlab.experiment.pca.PcaFiles;
import org.latentlab.ui.common.ChartStyle;
import org.latentlab.ui.common.Controls;
import org.latentlab.ui.common.ImageConversion;

import java.io.File;
import java.util.Locale;

/**
 * "Deep autoencoder against PCA": pick a preset (trained here) or a saved autoencoder run; held-out originals, the
 * PCA reconstructions with as many components as the code and the autoencoder's, with both errors; and for a 2-D
 * code both codes of the held-out images coloured by digit, side by side (Hinton &amp; Salakhutdinov 2006, Figs.
 * 2 and 3).
 */
public final class PcaStudyPane extends BorderPane {

    private static final double IMAGE_ZOOM = 2.2;
    private static final int HELD_OUT = 1000;

    private final PcaStudyViewModel model;
    private final ComboBox<String> source = new ComboBox<>();
    private final TextField iterations = Controls.field("pca-iterations", "", 80);
    private final GridPane rows = new GridPane();
    private final HBox scatters = new HBox(8);
    private final StudyContext context;

    public PcaStudyPane(StudyContext context) {
        this.context = context;
        this.model = new PcaStudyViewModel(context.runner());
        setPadding(new Insets(10));
        source.setId("pca-source");
        source.setEditable(true);
        source.getItems().setAll(PcaStudyViewModel.PRESETS);
        source.setValue(PcaStudyViewModel.PRESETS.get(0));
        source.setPrefWidth(260);
        iterations.setPromptText("as the file");
        Button open = Controls.idButton("pca-open-run", "Open run…", "compare a saved autoencoder run (its latest"
                + " checkpoint) instead of training a preset", this::openRun);
        Button compare = Controls.idButton("pca-compare", "Compare", "train the preset (or open the run), fit PCA"
                + " with as many components as its code on the training images, and reconstruct " + HELD_OUT
                + " held-out images both ways", this::compare);
        Button stop = Controls.idButton("pca-stop", "Stop", "stop the training", model::stop);
        compare.disableProperty().bind(model.runningProperty());
        stop.disableProperty().bind(model.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setId("pca-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setPrefWidth(160);
        HBox controls = new HBox(8, new Label("Autoencoder:"), source, open, new Label("iterations:"), iterations,
                compare, stop, bar);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("pca-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.styleProperty().bind(model.failedProperty().map(f -> f ? "-fx-text-fill: #c0392b;" : ""));
        Label about = new Label("PCA keeps the k directions of largest variance: the best linear code of k numbers."
                + " A deep autoencoder learns a non-linear one. With the same code size, compare the"
                + " reconstructions and the held-out mean squared errors per pixel; with a 2-D code, compare how"
                + " well the digits separate (Hinton & Salakhutdinov 2006, Science).");
        about.setWrapText(true);
        VBox top = new VBox(6, controls, status, about);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        rows.setId("pca-rows");
        rows.setHgap(10);
        rows.setVgap(6);
        rows.add(new Label("Reconstructions appear here."), 0, 0);
        scatters.setId("pca-scatters");
        scatters.getChildren().setAll(placeholder());
        VBox.setVgrow(scatters, Priority.ALWAYS);
        VBox body = new VBox(8, Controls.sectionTitle("Held-out reconstructions"), rows,
                Controls.sectionTitle("2-D codes of the held-out images, by digit"), scatters);
        setCenter(body);
        model.rowsProperty().addListener((o, a, b) -> showRows(b));
        model.scattersProperty().addListener((o, a, b) -> showScatters(b.scatters()));
    }

    private static Node placeholder() {
        Label l = new Label("Compare an autoencoder with a 2-D code (mnist-deep-ae-2d) to see both codes here.");
        l.setWrapText(true);
        return l;
    }

    private void openRun() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Autoencoder run folder");
        File runs = context.runsRoot() == null ? null : context.runsRoot().toFile();
        if (runs != null && runs.isDirectory()) {
            dc.setInitialDirectory(runs);
        }
        File f = dc.showDialog(context.owner());
        if (f != null) {
            source.setValue(f.getPath());
        }
    }

    private void compare() {
        String text = iterations.getText().trim();
        Long n = null;
        if (!text.isEmpty()) {
            try {
                n = Long.parseLong(text.replace(",", ""));
            } catch (NumberFormatException e) {
                n = -1L;
            }
            if (n < 1) {
                iterations.setStyle("-fx-border-color: #c0392b;");
                return;
            }
        }
        iterations.setStyle("");
        String s = source.getValue() == null ? "" : source.getValue().trim();
        model.compare(s, n, HELD_OUT);
    }

    private void showRows(PcaBaseline b) {
        PcaComparison c = b.comparison();
        rows.getChildren().clear();
        addRow(0, "held-out originals", c.originals(), c);
        addRow(1, String.format(Locale.ROOT, "PCA, %d components%nMSE %.5f", c.k(), c.pcaError()), c.byPca(), c);
        addRow(2, String.format(Locale.ROOT, "deep autoencoder, %d-D code%nMSE %.5f", c.k(), c.aeError()), c.byAe(),
                c);
        Label note = new Label(String.format(Locale.ROOT, "%s; errors over %d held-out images, PCA fitted on %d"
                + " training images.", c.model(), c.heldOut(), c.fitted()));
        rows.add(note, 0, 3, 2, 1);
    }

    private void addRow(int row, String label, float[][] images, PcaComparison c) {
        Label l = new Label(label);
        l.setMinWidth(190);
        ImageView v = new ImageView(ImageConversion.grid(images, c.shape(), 1, images.length, 2));
        v.setId("pca-row-" + row);
        v.setSmooth(false);
        v.setFitWidth(v.getImage().getWidth() * IMAGE_ZOOM);
        v.setPreserveRatio(true);
        rows.add(l, 0, row);
        rows.add(v, 1, row);
    }

    private void showScatters(CodeScatters s) {
        var pca = ChartStyle.viewer(PcaFiles.pcaChart(s), "pca-scatter-pca");
        var ae = ChartStyle.viewer(PcaFiles.aeChart(s), "pca-scatter-ae");
        for (var v : java.util.List.of(pca, ae)) {
            v.setPrefSize(520, 420);
            HBox.setHgrow(v, Priority.ALWAYS);
        }
        scatters.getChildren().setAll(pca, ae);
    }
}
