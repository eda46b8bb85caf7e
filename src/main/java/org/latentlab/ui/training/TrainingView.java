package org.latentlab.ui.training;

import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanView;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.GanStatus;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.PresetChoice;
import org.latentlab.ui.common.ReplaceRunDialog;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The training dashboard: preset / open, run controls, learning rates and k (editable while paused), the live 2-D
 * view or image grid, charts of the losses, D's outputs and mode coverage (or diversity), and a status bar.
 */
public final class TrainingView extends BorderPane {

    private final TrainingViewModel vm;
    private final Window owner;

    private final ComboBox<String> presetChoice = new ComboBox<>();
    private final Button startButton = button("Start", "startButton", "Start or resume training (Ctrl+Enter)");
    private final Button pauseButton = button("Pause", "pauseButton", "Pause after this iteration (Ctrl+P)");
    private final Button stepDButton = button("Step D", "stepDButton", "One discriminator update (Ctrl+D)");
    private final Button stepGButton = button("Step G", "stepGButton", "One generator update (Ctrl+G)");
    private final Button stepButton = button("Step", "stepButton", "One iteration: k D updates, one G update (Ctrl+B)");
    private final Button resetButton = button("Reset", "resetButton", "New networks from the same seed (Ctrl+R)");
    private final TextField lrDField = field("lrDField", 70);
    private final TextField lrGField = field("lrGField", 70);
    private final TextField kField = field("kField", 36);
    private final Button applyButton = button("Apply", "applyButton", "Apply learning rates and k (while paused)");
    private final Label descriptionLabel = new Label();
    private final Label stateLabel = new Label();
    private final Label iterationLabel = new Label();
    private final Label lossLabel = new Label();
    private final Label memoryLabel = new Label();
    private final Label messageLabel = new Label();
    private final PointsCanvas pointsCanvas = new PointsCanvas();
    private final ImageGrid imageGrid = new ImageGrid();
    private final ImageView enlarged = new ImageView();
    private final Label enlargedLabel = new Label("Click a cell to enlarge it");
    private final StackPane viewHolder = new StackPane();
    private final HBox layerToggles = new HBox(12);
    private final Label legend = new Label();
    private final CheckBox heatToggle = check("Heat map: D(x)", "heatToggle", true);
    /** The preset list, and asking before another experiment replaces one with progress. */
    private final PresetChoice choice;
    private final JFreeChart lossChart;
    private final JFreeChart scoreChart;
    private final JFreeChart metricChart;
    private long lastMemoryUpdate;

    public TrainingView(TrainingViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
        this.choice = new PresetChoice(presetChoice, Presets.gans(), ReplaceRunDialog.Asker.dialog(owner),
                () -> vm.specProperty().get().name(), vm::progressAtRisk, vm::pause,
                name -> replaceWith(name, () -> vm.loadPreset(name)));
        setId("trainingView");
        lossChart = chart("Losses", "loss", vm.discriminatorLoss, vm.generatorLoss);
        scoreChart = chart("Discriminator outputs", "D", vm.realScore, vm.fakeScore);
        metricChart = chart("Mode coverage / diversity", "", vm.metric, vm.metricReference);
        setTop(new VBox(toolbar(), descriptionRow()));
        setCenter(center());
        setBottom(statusBar());
        bind();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pump();
                if (now - lastMemoryUpdate > 1_000_000_000L) {
                    lastMemoryUpdate = now;
                    memoryLabel.setText(memoryText());
                }
            }
        }.start();
    }

    private Node toolbar() {
        presetChoice.setId("presetChoice");
        presetChoice.setValue(Presets.defaultName());
        presetChoice.setTooltip(new Tooltip("the experiment on the bench: a preset, or the name of a file or of a"
                + " design from the network builder"));
        Button open = button("Open…", "openButton", "Open an experiment JSON file (Ctrl+O)");
        open.setOnAction(e -> openFile());
        startButton.setOnAction(e -> vm.start());
        pauseButton.setOnAction(e -> vm.pause());
        stepDButton.setOnAction(e -> vm.step(TrainingRun.Step.DISCRIMINATOR));
        stepGButton.setOnAction(e -> vm.step(TrainingRun.Step.GENERATOR));
        stepButton.setOnAction(e -> vm.step(TrainingRun.Step.BOTH));
        resetButton.setOnAction(e -> vm.reset());
        applyButton.setOnAction(e -> applySettings());
        MenuButton export = new MenuButton("Export");
        export.setId("exportMenu");
        MenuItem chartPng = new MenuItem("Charts as PNG…");
        chartPng.setOnAction(e -> exportCharts());
        MenuItem viewPng = new MenuItem("View as PNG…");
        viewPng.setOnAction(e -> exportView());
        MenuItem csv = new MenuItem("Metrics as CSV…");
        csv.setOnAction(e -> exportMetrics());
        export.getItems().addAll(chartPng, viewPng, csv);
        HBox bar = new HBox(new Label("Experiment"), presetChoice, open, new Separator(Orientation.VERTICAL),
                startButton, pauseButton, stepDButton, stepGButton, stepButton, resetButton,
                new Separator(Orientation.VERTICAL), new Label("lr D"), lrDField, new Label("lr G"), lrGField,
                new Label("k"), kField, applyButton, spacer(), export);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private Node descriptionRow() {
        descriptionLabel.setId("descriptionLabel");
        descriptionLabel.getStyleClass().add("description");
        descriptionLabel.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(descriptionLabel);
        row.setPadding(new Insets(4, 10, 4, 10));
        return row;
    }

    private Node center() {
        pointsCanvas.setId("pointsCanvas");
        imageGrid.setId("imageGrid");
        viewHolder.getStyleClass().add("view-pane");
        viewHolder.setPadding(new Insets(6));
        CheckBox heat = heatToggle;
        CheckBox warp = check("Manifold warp: G(grid of z)", "warpToggle", true);
        CheckBox arrows = check("Arrows: −∇ₓ L_G", "arrowsToggle", false);
        CheckBox modes = check("Modes (3σ; green = covered)", "modesToggle", true);
        Runnable layers = () -> pointsCanvas.setLayers(heat.isSelected(), warp.isSelected(), arrows.isSelected(),
                modes.isSelected());
        for (CheckBox c : new CheckBox[] {heat, warp, arrows, modes}) {
            c.setOnAction(e -> layers.run());
        }
        layerToggles.getChildren().addAll(heat, warp, arrows, modes);
        legend.setId("viewLegend");
        legend.setWrapText(true);
        legend.getStyleClass().add("legend");
        enlarged.setId("enlargedImage");
        enlarged.setFitWidth(196);
        enlarged.setFitHeight(196);
        enlarged.setSmooth(false);
        enlargedLabel.setId("enlargedLabel");
        imageGrid.selectedProperty().addListener((o, a, b) -> updateEnlarged());
        VBox viewBox = new VBox(6, titled("Generator and discriminator"), viewHolder, layerToggles, legend);
        VBox.setVgrow(viewHolder, Priority.ALWAYS);
        viewBox.setPadding(new Insets(6, 6, 6, 10));
        VBox charts = new VBox(4, viewer(lossChart, "lossChart"), viewer(scoreChart, "scoreChart"),
                viewer(metricChart, "metricChart"));
        charts.setPadding(new Insets(6, 10, 6, 6));
        for (Node n : charts.getChildren()) {
            VBox.setVgrow(n, Priority.ALWAYS);
        }
        SplitPane split = new SplitPane(viewBox, charts);
        split.setDividerPositions(0.52);
        return split;
    }

    private Node statusBar() {
        stateLabel.setId("stateLabel");
        iterationLabel.setId("iterationLabel");
        lossLabel.setId("lossLabel");
        memoryLabel.setId("memoryLabel");
        messageLabel.setId("messageLabel");
        for (Label l : new Label[] {stateLabel, iterationLabel, lossLabel, memoryLabel}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        messageLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(messageLabel, Priority.ALWAYS);
        messageLabel.setTooltip(new Tooltip());
        messageLabel.textProperty().addListener((o, a, t) -> messageLabel.getTooltip().setText(t));
        HBox bar = new HBox(stateLabel, iterationLabel, lossLabel, memoryLabel, messageLabel);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void bind() {
        vm.specProperty().addListener((o, a, s) -> showSpec(s));
        descriptionLabel.textProperty().bind(vm.descriptionProperty());
        vm.viewProperty().addListener((o, a, v) -> showView(v));
        vm.statusProperty().addListener((o, a, s) -> showStatus(s));
        vm.messageProperty().addListener((o, a, m) -> messageLabel.setText(m));
        vm.messageIsErrorProperty().addListener((o, a, e) -> {
            messageLabel.getStyleClass().remove("message-error");
            if (e) {
                messageLabel.getStyleClass().add("message-error");
            }
        });
        vm.errorProperty().addListener((o, a, e) -> {
            if (e != null) {
                Alert alert = new Alert(Alert.AlertType.ERROR, e);
                alert.setHeaderText("Latent Lab cannot do that");
                alert.initOwner(owner);
                alert.getDialogPane().setId("errorDialog");
                alert.show();
                vm.errorProperty().set(null);
            }
        });
        vm.stateProperty().addListener((o, a, s) -> updateButtons(s));
        updateButtons(RunState.STARTING);
    }

    private void updateButtons(RunState s) {
        boolean ready = s == RunState.READY || s == RunState.PAUSED;
        boolean running = s == RunState.RUNNING;
        startButton.setText(s == RunState.PAUSED ? "Resume" : "Start");
        startButton.setDisable(!ready);
        pauseButton.setDisable(!running);
        stepDButton.setDisable(!ready);
        stepGButton.setDisable(!ready);
        stepButton.setDisable(!ready);
        resetButton.setDisable(s == RunState.STARTING || s == RunState.CLOSED);
        lrDField.setDisable(running);
        lrGField.setDisable(running);
        kField.setDisable(running);
        applyButton.setDisable(running || s == RunState.STARTING);
        stateLabel.setText(s.name().toLowerCase(Locale.ROOT));
    }

    private void showSpec(GanExperiment s) {
        if (s == null) {
            return;
        }
        showChoice(s.name());
        GanSettings t = s.training();
        lrDField.setText(Double.toString(t.discriminatorOptimizer().learningRate()));
        lrGField.setText(Double.toString(t.generatorOptimizer().learningRate()));
        kField.setText(Integer.toString(t.discriminatorSteps()));
        boolean points = s.generator().output().size() == 2;
        viewHolder.getChildren().setAll(points ? pointsCanvas : imageRow());
        layerToggles.setVisible(points);
        layerToggles.setManaged(points);
        ScoreLabels labels = ScoreLabels.of(t.loss());
        heatToggle.setText(labels.heatToggle());
        scoreChart.setTitle(labels.chartTitle());
        scoreChart.getXYPlot().getRangeAxis().setLabel(labels.axis());
        legend.setText(points ? labels.heatLegend()
                : "each cell is G(z) for one fixed code z, so it shows how that code evolves; pixels mapped from"
                + " [-1, 1] to black..white");
        metricChart.setTitle(points ? "Mode coverage (2,500 samples)" : "Diversity of a fixed batch");
        pointsCanvas.setView(null);
        enlarged.setImage(null);
    }

    private void showChoice(String name) {
        choice.show(name);
    }

    private void replaceWith(String next, Runnable load) {
        choice.replace(next, load);
    }

    /** Loads an experiment made elsewhere (the builder's Train), asking first if that replaces progress. */
    public void loadSpec(GanExperiment spec) {
        loadSpec(spec, () -> { });
    }

    /** As {@link #loadSpec(GanExperiment)}, then runs {@code loaded} if it was loaded (not when the user cancels). */
    public void loadSpec(GanExperiment spec, Runnable loaded) {
        replaceWith(spec.name(), () -> {
            vm.loadSpec(spec);
            loaded.run();
        });
    }

    /** How this view asks before replacing an experiment (tests: {@link ReplaceRunDialog.Asker#always}). */
    public void setReplaceAsker(ReplaceRunDialog.Asker asker) {
        choice.setAsker(asker);
    }

    private Node imageRow() {
        VBox side = new VBox(8, titled("Enlarged"), enlarged, enlargedLabel);
        side.setPadding(new Insets(0, 0, 0, 10));
        HBox row = new HBox(imageGrid, side);
        HBox.setHgrow(imageGrid, Priority.ALWAYS);
        return row;
    }

    private void showView(GanView v) {
        if (v instanceof GanView.Points p) {
            pointsCanvas.setView(p);
        } else if (v instanceof GanView.Images i) {
            imageGrid.setView(i);
            updateEnlarged();
        }
    }

    private void updateEnlarged() {
        GanView.Images v = imageGrid.getView();
        int k = imageGrid.selectedProperty().get();
        if (v != null && k >= 0 && k < v.count()) {
            enlarged.setImage(ImageGrid.cellImage(v, k, 7));
            enlargedLabel.setText("cell " + (k + 1) + " of " + v.count() + ", iteration " + v.iteration());
        }
    }

    private void showStatus(GanStatus s) {
        iterationLabel.setText(TrainingViewModel.describe(s));
        ScoreLabels labels = s.settings() == null ? null : ScoreLabels.of(s.settings().loss());
        lossLabel.setText("D " + num(s.discriminatorLoss(), 4) + "  G " + num(s.generatorLoss(), 4) + "  "
                + (labels == null ? "D(x)" : labels.real()) + " " + num(s.realScore(), 3) + "  "
                + (labels == null ? "D(G(z))" : labels.fake()) + " " + num(s.fakeScore(), 3)
                + (Double.isNaN(s.penalty()) ? "" : "  GP " + num(s.penalty(), 4))
                + (Double.isNaN(s.discriminatorGradNorm()) ? "" : "  |∇D| " + num(s.discriminatorGradNorm(), 3)
                + "  |∇G| " + num(s.generatorGradNorm(), 3)));
        if (s.settings() != null && s.state() != RunState.RUNNING) {
            lrDField.setText(Double.toString(s.settings().discriminatorOptimizer().learningRate()));
            lrGField.setText(Double.toString(s.settings().generatorOptimizer().learningRate()));
            kField.setText(Integer.toString(s.settings().discriminatorSteps()));
        }
    }

    private void applySettings() {
        lrDField.getStyleClass().remove("field-error");
        String err = vm.applySettings(lrDField.getText(), lrGField.getText(), kField.getText());
        if (err != null) {
            lrDField.getStyleClass().add("field-error");
            messageLabel.setText(err);
        }
    }

    /** Keyboard shortcuts for the run controls. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                () -> fire(startButton));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                () -> fire(pauseButton));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
                () -> fire(stepDButton));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN),
                () -> fire(stepGButton));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN),
                () -> fire(stepButton));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                () -> fire(resetButton));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openFile);
    }

    private static void fire(Button b) {
        if (!b.isDisabled()) {
            b.fire();
        }
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open experiment");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment JSON", "*.json"));
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            replaceWith(f.getName(), () -> vm.openFile(f.toPath()));
        }
    }

    // ---- export: images are taken on the FX thread, files written on a worker ----

    private void exportCharts() {
        File f = saveChooser("charts.png", "PNG image", "*.png");
        if (f != null) {
            exportChartsTo(f);
        }
    }

    /** The three charts stacked in one PNG; the picture is taken now, the file written on a worker. */
    public void exportChartsTo(File f) {
        int w = 900;
        int h = 300;
        BufferedImage out = new BufferedImage(w, 3 * h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.drawImage(lossChart.createBufferedImage(w, h), 0, 0, null);
        g.drawImage(scoreChart.createBufferedImage(w, h), 0, h, null);
        g.drawImage(metricChart.createBufferedImage(w, h), 0, 2 * h, null);
        g.dispose();
        writeLater(() -> ImageIO.write(out, "png", f), f);
    }

    private void exportView() {
        File f = saveChooser("view.png", "PNG image", "*.png");
        if (f != null) {
            exportViewTo(f);
        }
    }

    /** The 2-D view or image grid as shown, as a PNG. */
    public void exportViewTo(File f) {
        Node node = viewHolder.getChildren().isEmpty() ? viewHolder : viewHolder.getChildren().get(0);
        BufferedImage img = SwingFXUtils.fromFXImage(node.snapshot(null, null), null);
        writeLater(() -> ImageIO.write(img, "png", f), f);
    }

    private void exportMetrics() {
        Path dir = vm.runDir();
        if (dir == null || !Files.exists(dir.resolve("metrics.csv"))) {
            messageLabel.setText("no metrics yet: train past the first sample interval");
            return;
        }
        File f = saveChooser("metrics.csv", "CSV", "*.csv");
        if (f != null) {
            exportMetricsTo(f);
        }
    }

    /** A copy of the run's metrics.csv; says so in the status bar when there is none yet. */
    public void exportMetricsTo(File f) {
        Path dir = vm.runDir();
        if (dir == null || !Files.exists(dir.resolve("metrics.csv"))) {
            messageLabel.setText("no metrics yet: train past the first sample interval");
            return;
        }
        writeLater(() -> Files.copy(dir.resolve("metrics.csv"), f.toPath(), StandardCopyOption.REPLACE_EXISTING), f);
    }

    private interface IoAction {
        Object run() throws IOException;
    }

    private void writeLater(IoAction action, File f) {
        Thread t = new Thread(() -> {
            String msg;
            try {
                action.run();
                msg = "exported " + f;
            } catch (IOException e) {
                msg = "cannot write " + f + ": " + e.getMessage();
            }
            String m = msg;
            javafx.application.Platform.runLater(() -> messageLabel.setText(m));
        }, "latentlab-export");
        t.setDaemon(true);
        t.start();
    }

    private File saveChooser(String name, String what, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        return chooser.showSaveDialog(owner);
    }

    // ---- small builders ----

    private static JFreeChart chart(String title, String yLabel, XYSeries a, XYSeries b) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(a);
        data.addSeries(b);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "iteration", yLabel, data,
                PlotOrientation.VERTICAL, true, true, false);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 13));
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(250, 250, 252));
        plot.setDomainGridlinePaint(new Color(220, 220, 228));
        plot.setRangeGridlinePaint(new Color(220, 220, 228));
        XYLineAndShapeRenderer r = new StepPointRenderer();
        r.setSeriesPaint(0, new Color(20, 140, 70));
        r.setSeriesPaint(1, new Color(110, 40, 170));
        r.setSeriesStroke(0, new BasicStroke(1.4f));
        r.setSeriesStroke(1, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {5f, 3f}, 0f));
        plot.setRenderer(r);
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setStandardTickUnits(
                org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        org.jfree.chart.axis.NumberAxis range = (org.jfree.chart.axis.NumberAxis) plot.getRangeAxis();
        range.setAutoRangeIncludesZero(false);
        return chart;
    }

    /**
     * Lines, with a dot on points a person can tell apart: every point while there are few (the first single
     * steps), the newest point, and the single D or G steps drawn between two iterations (fractional x).
     */
    static final class StepPointRenderer extends XYLineAndShapeRenderer {
        private static final int FEW = 60;

        StepPointRenderer() {
            super(true, true);
            setDefaultShape(new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            setAutoPopulateSeriesShape(false);
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            org.jfree.data.xy.XYDataset d = getPlot() == null ? null : getPlot().getDataset();
            if (d == null) {
                return false;
            }
            int n = d.getItemCount(series);
            if (item >= n) {
                return false; // the legend asks for item 0 of a series that may be empty
            }
            double x = d.getXValue(series, item);
            return n <= FEW || item == n - 1 || x != Math.rint(x);
        }
    }

    private static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.setMinHeight(160);
        v.setPrefHeight(260);
        return v;
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static TextField field(String id, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefWidth(width);
        return f;
    }

    private static CheckBox check(String text, String id, boolean selected) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setSelected(selected);
        return c;
    }

    private static Label titled(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String memoryText() {
        Runtime rt = Runtime.getRuntime();
        long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
        long rss = org.latentlab.train.NativeMemory.residentBytes() >> 20;
        return "heap " + heap + " MB" + (rss > 0 ? "  RSS " + rss + " MB" : "");
    }
}
