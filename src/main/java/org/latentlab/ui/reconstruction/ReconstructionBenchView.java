package org.latentlab.ui.reconstruction;

import javafx.scene.control.ToggleButton;
import org.latentlab.ui.settings.SettingsPanel;
import org.latentlab.ui.common.Controls;
import org.latentlab.ui.common.ChartStyle;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.experiment.ReconstructionSamples;
import org.latentlab.experiment.Presets;
import org.latentlab.train.ReconstructionView;
import org.latentlab.ui.common.PresetChoice;
import org.latentlab.ui.common.ReplaceRunDialog;
import org.latentlab.ui.common.RunControls;
import org.latentlab.ui.common.FxTaskRunner;
import org.latentlab.ui.studies.StudiesPane;
import org.latentlab.ui.studies.StudyContext;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

/**
 * The autoencoder / VAE / RBM bench (which also trains sigmoid belief nets by wake-sleep): pick a preset or open a
 * file, train, and watch the loss parts, the held-out measurements, inputs | corrupted | reconstructions, the learned filters, the code units' activity (ρ marked for a
 * sparse AE), a 2-D code scatter coloured by label, and samples. "Keep for comparison" stores a run; the Compare tab
 * overlays the kept runs' held-out curves and shows their reconstructions in columns.
 */
public final class ReconstructionBenchView extends BorderPane {

    private static final int SCALE = 3;

    private final ReconstructionBenchViewModel vm;
    private final Window owner;
    private final ComboBox<String> presets = new ComboBox<>();
    private final XYSeriesCollection lossData = new XYSeriesCollection();
    private final XYSeriesCollection heldOutData = new XYSeriesCollection();
    /** The code-versus-prior MMD² on an axis of its own: it is not on the reconstruction's scale. */
    private final XYSeriesCollection heldOutRight = new XYSeriesCollection();
    private org.jfree.chart.axis.NumberAxis rightAxis;
    private final XYSeriesCollection scatterData = new XYSeriesCollection();
    private final JFreeChart activityChart;
    private final ImageView inputs = imageView("inputs");
    private final ImageView corrupted = imageView("corrupted");
    private final ImageView reconstructions = imageView("reconstructions");
    private final ImageView filters = imageView("filters");
    private final ImageView samples = imageView("samples");
    private static final String CORRUPTED_TITLE = "corrupted input (what the encoder sees)";
    private static final String INPUTS_TITLE = "held-out inputs";
    private final Label corruptedTitle = title(CORRUPTED_TITLE);
    private final Label filtersTitle = title("first-layer filters");
    private final Label samplesTitle = title("samples");
    private final Label reconstructionsTitle = title("reconstructions");
    private final Label inputsTitle = title(INPUTS_TITLE);
    private final StackCaption stackCaption = new StackCaption();
    private final ChartViewer scatterViewer;
    private ChartViewer activityViewer;
    private final ComparePane compare;
    private final TabPane tabs;
    private final Tab studiesTab = new Tab("Studies");
    private final StudiesPane studies;
    private final Label status = new Label();
    /** The preset list, and asking before another experiment replaces one with progress. */
    private final PresetChoice choice;

    public ReconstructionBenchView(ReconstructionBenchViewModel vm, Window owner) {
        this(vm, owner, new StudyContext(owner, new FxTaskRunner("latentlab-studies", m -> { }), Path.of("runs")));
    }

    /** The bench, its Studies tab running their computations on {@code studies}' worker. */
    public ReconstructionBenchView(ReconstructionBenchViewModel vm, Window owner, StudyContext studies) {
        this.vm = vm;
        this.owner = owner;
        this.choice = new PresetChoice(presets, Presets.modelBench(), ReplaceRunDialog.Asker.dialog(owner),
                () -> vm.experimentNameProperty().get(), vm::progressAtRisk, vm::pause,
                name -> replaceWith(name, () -> vm.loadPreset(name)));
        setId("modelBenchView");
        getStyleClass().add("model-bench");
        vm.errorProperty().addListener((o, a, e) -> {
            if (e != null) {
                showError(e);
                vm.errorProperty().set(null);
            }
        });
        activityChart = ChartStyle.apply(ChartFactory.createHistogram(null, "",
                "number of units (dimensions) per bin", new HistogramDataset(), PlotOrientation.VERTICAL, false, false,
                false));
        JFreeChart scatter = ChartStyle.apply(ChartFactory.createScatterPlot("2-D code, coloured by label", "c1",
                "c2", scatterData, PlotOrientation.VERTICAL, true, false, false));
        scatterViewer = viewer(scatter, "code-scatter");
        compare = new ComparePane(vm);
        this.studies = new StudiesPane(studies);
        studiesTab.setContent(this.studies);
        studiesTab.setId("model-studies-tab");
        tabs = new TabPane(new Tab("Training", training()), new Tab("Compare", compare), studiesTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        setTop(toolbar());
        setCenter(tabs);
        setBottom(statusBar());
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pump();
                refresh();
            }
        }.start();
    }

    private Node toolbar() {
        presets.setId("model-preset");
        presets.setTooltip(new Tooltip("the experiment on the bench: a preset, or the name of a file or of a design"
                + " from the network builder"));
        vm.experimentNameProperty().addListener((o, a, name) -> showChoice(name));
        Button open = button("Open…", "open an autoencoder / VAE / RBM / sigmoid belief net experiment file", () -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment (JSON)", "*.json"));
            java.io.File f = fc.showOpenDialog(owner);
            if (f != null) {
                replaceWith(f.getName(), () -> vm.openFile(f.toPath()));
            }
        });
        open.setId("model-open");
        Button start = button("Start", "train flat out", vm::start);
        start.setId("model-start");
        Button pause = button("Pause", "pause after the current iteration", vm::pause);
        pause.setId("model-pause");
        Button step = button("Step", "one iteration", vm::step);
        step.setId("model-step");
        Button reset = button("Reset", "fresh networks, same seed", vm::reset);
        reset.setId("model-reset");
        Button keep = button("Keep for comparison", "store this run's held-out curve and reconstructions in the"
                + " Compare tab", () -> status.setText(vm.keepForComparison()));
        keep.setId("model-keep");
        // enabled by the run's state, as on the GAN bench: nothing while loading, Pause only while running
        RunControls c = vm.controls();
        start.textProperty().bind(c.startLabelProperty());
        start.disableProperty().bind(c.canStartProperty().not());
        pause.disableProperty().bind(c.canPauseProperty().not());
        step.disableProperty().bind(c.canStepProperty().not());
        reset.disableProperty().bind(c.canResetProperty().not());
        keep.disableProperty().bind(vm.canKeepProperty().not());
        Label description = new Label();
        description.textProperty().bind(vm.descriptionProperty());
        description.getStyleClass().add("description");
        ToggleButton settingsButton = new ToggleButton("Settings");
        settingsButton.setId("model-settings");
        settingsButton.setTooltip(new Tooltip("every setting of the experiment: all of them before the run, those"
                + " marked ● while paused (recorded in the run folder)"));
        SettingsPanel settingsPanel = new SettingsPanel(vm.settingsPanel());
        settingsButton.selectedProperty().addListener((o, a, on) -> setRight(on ? settingsPanel : null));
        HBox row = new HBox(new Label("Preset"), presets, open, start, pause, step, reset, keep, settingsButton);
        row.getStyleClass().add("toolbar-row");
        VBox top = new VBox(row, description);
        VBox.setMargin(description, new Insets(4, 10, 4, 10));
        return top;
    }

    private Node training() {
        VBox pictures = new VBox(4, stackCaption,
                inputsTitle, inputs,
                corruptedTitle, corrupted,
                reconstructionsTitle, reconstructions,
                samplesTitle, samples,
                filtersTitle, filters);
        pictures.setPadding(new Insets(8));
        ScrollPane left = new ScrollPane(pictures);
        left.setFitToWidth(true);
        left.setMinWidth(340);
        for (ImageView v : new ImageView[] {inputs, corrupted, reconstructions, filters, samples}) {
            v.fitWidthProperty().bind(left.widthProperty().subtract(30));
        }
        JFreeChart lossChart = ChartStyle.apply(ChartFactory.createXYLineChart("training loss parts (last batch)",
                "iteration", "loss", lossData, PlotOrientation.VERTICAL, true, false, false));
        JFreeChart heldOutChart = ChartStyle.apply(ChartFactory.createXYLineChart("held-out measurements",
                "iteration", "value", heldOutData, PlotOrientation.VERTICAL, true, false, false));
        XYPlot heldOutPlot = (XYPlot) heldOutChart.getPlot();
        heldOutPlot.setRenderer(new XYLineAndShapeRenderer(true, true));
        rightAxis = new org.jfree.chart.axis.NumberAxis(org.latentlab.train.Metric.CODE_PRIOR_MMD.label());
        rightAxis.setVisible(false);
        heldOutPlot.setRangeAxis(1, rightAxis);
        heldOutPlot.setDataset(1, heldOutRight);
        heldOutPlot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer right = new XYLineAndShapeRenderer(true, true);
        right.setSeriesPaint(0, new Color(30, 90, 200));
        heldOutPlot.setRenderer(1, right);
        iterationAxis(lossChart);
        iterationAxis(heldOutChart);
        GridPane charts = new GridPane();
        charts.setHgap(6);
        charts.setVgap(6);
        charts.add(viewer(lossChart, "loss-chart"), 0, 0);
        charts.add(viewer(heldOutChart, "heldout-chart"), 1, 0);
        activityViewer = viewer(activityChart, "activity-chart");
        charts.add(activityViewer, 0, 1);
        charts.add(scatterViewer, 1, 1);
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(50);
            charts.getColumnConstraints().add(c);
            javafx.scene.layout.RowConstraints r = new javafx.scene.layout.RowConstraints();
            r.setPercentHeight(50);
            charts.getRowConstraints().add(r);
        }
        charts.setPadding(new Insets(6));
        SplitPane split = new SplitPane(left, charts);
        split.setDividerPositions(0.36);
        return split;
    }

    private Node statusBar() {
        Label state = new Label();
        state.textProperty().bind(vm.stateProperty());
        state.setId("model-state");
        Label numbers = new Label();
        numbers.textProperty().bind(vm.numbersProperty());
        numbers.setId("model-numbers");
        vm.messageProperty().addListener((o, a, b) -> status.setText(b));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(state, numbers, spacer, status);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void refresh() {
        if (vm.takeSeriesChanged()) {
            sync(lossData, vm.losses());
            Map<String, XYSeries> left = new java.util.LinkedHashMap<>(vm.heldOut());
            XYSeries mmd = left.remove(org.latentlab.train.Metric.CODE_PRIOR_MMD.label());
            sync(heldOutData, left);
            sync(heldOutRight, mmd == null ? Map.of() : Map.of(mmd.getKey().toString(), mmd));
            rightAxis.setVisible(mmd != null);
        }
        if (vm.takeViewChanged()) {
            draw(vm.view());
        }
        compare.refresh();
    }

    private static void sync(XYSeriesCollection data, Map<String, XYSeries> series) {
        if (data.getSeriesCount() != series.size()) {
            data.removeAllSeries();
            series.values().forEach(data::addSeries);
        }
    }

    private void draw(ReconstructionView v) {
        if (v == null) {
            for (ImageView iv : new ImageView[] {inputs, corrupted, reconstructions, filters, samples}) {
                iv.setImage(null);
            }
            return;
        }
        stackCaption.show(v.stack(), v.captions(), reconstructionsTitle, filtersTitle, samplesTitle);
        boolean images = v.inputs().isImage();
        int perRow = images ? v.inputs().count() : 1;
        corruptedTitle.setText(v.captions() != null && v.captions().corrupted() != null ? v.captions().corrupted()
                : CORRUPTED_TITLE);
        inputsTitle.setText(v.translation() != null ? "G: A → B and F: B → A on held-out points" : INPUTS_TITLE);
        if (v.translation() != null) {
            inputs.setImage(fx(org.latentlab.experiment.CycleGanPicture.arrows(v.translation(), 300)));
            show(reconstructions, reconstructionsTitle, null);
        } else if (images) {
            inputs.setImage(fx(ReconstructionSamples.strip(v.inputs(), SCALE, perRow)));
            show(reconstructions, reconstructionsTitle, ReconstructionSamples.strip(v.reconstructions(), SCALE,
                    perRow));
        } else {
            inputs.setImage(fx(ReconstructionSamples.picture(v, 1)));
            reconstructions.setImage(null);
        }
        show(corrupted, corruptedTitle, v.corrupted() == null || !images ? null
                : ReconstructionSamples.strip(v.corrupted(), SCALE, perRow));
        show(filters, filtersTitle, v.filters() == null ? null : ReconstructionSamples.strip(v.filters(),
                v.filters().shape()[1] <= 8 ? 6 : 2, 16));
        show(samples, samplesTitle, v.samples() == null ? null : ReconstructionSamples.strip(v.samples(), 2, 16));
        drawActivity(v);
        drawScatter(v);
    }

    private void drawActivity(ReconstructionView v) {
        XYPlot plot = (XYPlot) activityChart.getPlot();
        HistogramDataset h = new HistogramDataset();
        if (v.codeActivity() != null && v.codeActivity().length > 0) {
            double max = 0;
            for (double a : v.codeActivity()) {
                max = Math.max(max, a);
            }
            h.addSeries("units", v.codeActivity(), 30, 0, Math.max(max * 1.05, 1e-6));
        }
        plot.setDataset(h);
        double mean = 0;
        for (double a : v.codeActivity()) {
            mean += a / v.codeActivity().length;
        }
        ChartStyle.title(activityChart,
                v.activityTitle() + String.format(java.util.Locale.ROOT, ": mean %.3f", mean));
        plot.getDomainAxis().setLabel(v.activityAxis());
        plot.getRangeAxis().setLabel(hasCode() ? "number of units (dimensions) per bin"
                : "number of held-out examples per bin");
        plot.clearDomainMarkers();
        if (Double.isFinite(v.activityTarget())) {
            ValueMarker m = ChartStyle.marker(v.activityTarget(), "ρ = " + v.activityTarget());
            m.setPaint(new Color(200, 30, 30));
            m.setStroke(new BasicStroke(2f));
            plot.addDomainMarker(m);
        }
    }

    /** False for a CycleGAN, which maps between two domains and has no code to scatter (Zhu et al. 2017). */
    private boolean hasCode() {
        var spec = vm.spec();
        return spec == null || spec.family() != org.latentlab.experiment.Family.CYCLEGAN;
    }

    private void drawScatter(ReconstructionView v) {
        scatterData.removeAllSeries();
        boolean code = hasCode();
        scatterViewer.setVisible(code);
        javafx.scene.layout.GridPane.setColumnSpan(activityViewer, code ? 1 : 2);
        if (v.codePoints() == null) {
            ChartStyle.title(scatterViewer.getChart(), "2-D code scatter (shown when the code is 2-D)");
            return;
        }
        ChartStyle.title(scatterViewer.getChart(), "2-D code of held-out examples, coloured by label");
        Map<Integer, XYSeries> byLabel = new java.util.TreeMap<>();
        float[] p = v.codePoints();
        for (int i = 0; i < p.length / 2; i++) {
            int label = v.codeLabels() == null ? -1 : v.codeLabels()[i];
            byLabel.computeIfAbsent(label, l -> new XYSeries(l < 0 ? "examples" : "label " + l, false, true))
                    .add(p[2 * i], p[2 * i + 1]);
        }
        byLabel.values().forEach(scatterData::addSeries);
        org.jfree.chart.renderer.xy.XYItemRenderer r = ((XYPlot) scatterViewer.getChart().getPlot()).getRenderer();
        int prior = scatterData.getSeriesCount();
        r.setSeriesPaint(prior, null);
        r.setSeriesShape(prior, null);
        if (v.priorPoints() != null) {
            // the last series is drawn first (the plot renders in reverse order): the prior lies beneath the code
            XYSeries draws = new XYSeries("prior draws", false, true);
            float[] q = v.priorPoints();
            for (int i = 0; i < q.length / 2; i++) {
                draws.add(q[2 * i], q[2 * i + 1]);
            }
            scatterData.addSeries(draws);
            r.setSeriesPaint(prior, new Color(190, 190, 190));
            r.setSeriesShape(prior, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
            ChartStyle.title(scatterViewer.getChart(), "2-D code of held-out examples, coloured by label, over as"
                    + " many draws of the prior (grey)");
        }
    }

    private static void show(ImageView view, Label title, BufferedImage img) {
        view.setImage(img == null ? null : fx(img));
        view.setVisible(img != null);
        view.setManaged(img != null);
        title.setVisible(img != null);
        title.setManaged(img != null);
    }

    private static Image fx(BufferedImage img) {
        return SwingFXUtils.toFXImage(img, null);
    }

    private static ImageView imageView(String id) {
        ImageView v = new ImageView();
        v.setId("model-" + id);
        v.setPreserveRatio(true);
        v.setSmooth(false);
        return v;
    }

    static Label title(String text) {
        return Controls.sectionTitle(text);
    }

    private static Button button(String text, String tip, Runnable action) {
        return Controls.button(text, tip, action);
    }

    static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = ChartStyle.viewer(chart, id);
        v.setMinHeight(160);
        return v;
    }

    private void showError(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText("Cannot open the experiment");
        a.initOwner(owner);
        a.show();
    }

    /**
     * Iterations are whole numbers, and a chart with one measurement still spans a few of them (otherwise its axis
     * repeats one rounded value, "2.5E2 2.5E2 …").
     */
    static void iterationAxis(JFreeChart chart) {
        org.jfree.chart.axis.NumberAxis x =
                (org.jfree.chart.axis.NumberAxis) ((XYPlot) chart.getPlot()).getDomainAxis();
        x.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        x.setAutoRangeMinimumSize(10);
    }

    private void showChoice(String name) {
        choice.show(name);
    }

    private void replaceWith(String next, Runnable load) {
        choice.replace(next, load);
    }

    /** Loads an experiment made elsewhere (the builder's Train), asking first if that replaces progress. */
    public void loadSpec(org.latentlab.experiment.Experiment<org.latentlab.train.ReconstructionStatus> spec) {
        loadSpec(spec, () -> { });
    }

    /** As {@link #loadSpec(org.latentlab.experiment.Experiment)}, then runs {@code loaded} if it was loaded. */
    public void loadSpec(org.latentlab.experiment.Experiment<org.latentlab.train.ReconstructionStatus> spec,
                         Runnable loaded) {
        replaceWith(spec.name(), () -> {
            vm.loadSpec(spec);
            loaded.run();
        });
    }

    /** How this view asks before replacing an experiment (tests: {@link ReplaceRunDialog.Asker#always}). */
    public void setReplaceAsker(ReplaceRunDialog.Asker asker) {
        choice.setAsker(asker);
    }

    /** Shows the page whose tab title starts with {@code title} (Training, Compare, Studies); false when none. */
    public boolean showPage(String title) {
        for (Tab t : tabs.getTabs()) {
            if (t.getText().toLowerCase(java.util.Locale.ROOT).startsWith(title.toLowerCase(java.util.Locale.ROOT))) {
                tabs.getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }

    /** The study shown when the Studies tab is the one shown; else null. */
    public String shownStudy() {
        return tabs.getSelectionModel().getSelectedItem() == studiesTab ? studies.selectedId() : null;
    }

    /** Shows the Studies tab at the study named {@code id}; false when there is none. */
    public boolean showStudy(String id) {
        tabs.getSelectionModel().select(studiesTab);
        return studies.select(id);
    }

    /** Selects a preset as if a person had picked it. */
    public void selectPreset(String name) {
        presets.setValue(name);
    }
}
