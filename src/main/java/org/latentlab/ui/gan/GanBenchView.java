package org.latentlab.ui.gan;

import org.latentlab.ui.settings.SettingsPanel;
import org.latentlab.ui.common.Controls;
import org.latentlab.train.GanTrainer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import java.util.List;
import javafx.scene.layout.VBox;
import javafx.scene.Parent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.ui.common.PresetChoice;
import org.latentlab.ui.common.ReplaceRunDialog;
import org.latentlab.ui.common.RunControls;

import java.io.File;

/**
 * The GAN bench: preset / open, run controls, learning rates and k and the remedies for mode collapse
 * ({@link GanRemediesBar}; editable while paused), the live 2-D view or
 * image grid ({@link GanPictures}) with the timeline below it that scrubs back through earlier pictures while the
 * charts mark the iteration shown ({@link GanTimelineBar}), charts of the losses, D's outputs and mode coverage or diversity
 * ({@link GanCharts}), for image GANs the live scores of G's samples and the nearest-neighbour gallery in a tab beside
 * them ({@link GanScoresPane}), and a status bar; a Compare page beside it holds the runs kept for comparison
 * ({@link GanComparePane}). Layout and binding only: the state, the parsing and the jobs are the
 * {@link GanBenchViewModel}'s.
 */
public final class GanBenchView extends BorderPane {

    private final GanBenchViewModel vm;
    private final Window owner;

    private final ComboBox<String> presetChoice = new ComboBox<>();
    private final Button startButton = button("Start", "startButton", "Start or resume training (Ctrl+Enter)");
    private final Button pauseButton = button("Pause", "pauseButton", "Pause after this iteration (Ctrl+P)");
    private final Button stepDButton = button("Step D", "stepDButton", "One discriminator update (Ctrl+D)");
    private final Button stepGButton = button("Step G", "stepGButton", "One generator update (Ctrl+G)");
    private final Button stepButton = button("Step", "stepButton", "One iteration: k D updates, one G update (Ctrl+B)");
    private final Button resetButton = button("Reset", "resetButton", "New networks from the same seed (Ctrl+R)");
    private final TextField lrDField = field("lrDField", 60);
    private final TextField lrGField = field("lrGField", 60);
    private final TextField kField = field("kField", 36);
    private final Button applyButton = button("Apply", "applyButton",
            "Apply learning rates, k and the remedies (while paused)");
    private final Button keepButton = button("Keep for comparison", "keepButton",
            "Keep this run's curves, measurements and last picture for the Compare tab (Ctrl+K)");
    private final Button xyGameButton = button("xy game…", "xyGameButton",
            "The simplest game that does not converge, min_x max_y xy, under simultaneous and alternating steps");
    private final Button jacobianButton = button("Game Jacobian…", "gameJacobianButton",
            "The top eigenvalues of the GAN game's Jacobian at this point (while paused)");
    private Stage xyGameWindow;
    private Stage jacobianWindow;
    private final Label memoryLabel = new Label();
    private final GanPictures pictures;
    private final GanCharts charts;
    private final GanComparePane compare;
    private final ToggleButton trainingButton = new ToggleButton("Training");
    private final ToggleButton compareButton = new ToggleButton("Compare");
    /** The charts alone, or for image GANs with live scores, the charts and the scores as two tabs. */
    private final BorderPane right = new BorderPane();
    /** The charts, scrolled when the window is too short for them. */
    private final ScrollPane chartsScroll;
    private final BiganPane biganPane = new BiganPane();
    private final Tab curvesTab = new Tab("Training curves");
    private final Tab scoresTab = new Tab("Scores of generated images");
    private final TabPane rightTabs = new TabPane(curvesTab, scoresTab);
    /** The preset list, and asking before another experiment replaces one with progress. */
    private final PresetChoice choice;
    private long lastMemoryUpdate;

    public GanBenchView(GanBenchViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
        this.choice = new PresetChoice(presetChoice, Presets.gans(), ReplaceRunDialog.Asker.dialog(owner),
                () -> vm.specProperty().get().name(), vm::progressAtRisk, vm::pause,
                name -> choice().replace(name, () -> vm.loadPreset(name)));
        this.charts = new GanCharts(vm.curves());
        this.chartsScroll = Controls.fitting(charts);
        this.pictures = new GanPictures(vm.optimal());
        setId("trainingView");
        setTop(new VBox(toolbar(), new GanRemediesBar(vm.remedies(), vm::applySettings), descriptionRow()));
        VBox.setVgrow(pictures, Priority.ALWAYS);
        scoresTab.setContent(new GanScoresPane(vm.scores()));
        curvesTab.setClosable(false);
        scoresTab.setClosable(false);
        curvesTab.setId("curvesTab");
        scoresTab.setId("scoresTab");
        rightTabs.setId("chartTabs");
        showScores(vm.scores().availableProperty().get());
        vm.scores().availableProperty().addListener((o, a, on) -> showScores(on));
        biganPane.show((GanExperiment) null);
        VBox left = new VBox(pictures, biganPane, new GanTimelineBar(vm.timeline()));
        // each column scrolls when the window is shorter than its pictures or charts at their least readable
        // height, so the bench never grows past the window and its status bar stays in sight
        SplitPane split = new SplitPane(Controls.fitting(left), right);
        split.setDividerPositions(0.52);
        compare = new GanComparePane(vm.comparison(),
                () -> choose("comparison.csv", "CSV", "*.csv", this::exportComparisonTo),
                () -> choose("comparison.png", "PNG image", "*.png", this::exportComparisonChartsTo));
        // one row for the choice of page and the theory windows: a tab header of its own would take the height the
        // 2-D view and D* vs D need on a small screen
        StackPane pages = new StackPane(split, compare);
        compare.visibleProperty().bind(compareButton.selectedProperty());
        split.visibleProperty().bind(compareButton.selectedProperty().not());
        setCenter(new BorderPane(pages, pageRow(), null, null, null));
        setBottom(statusBar());
        bind();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pump();
                if (now - lastMemoryUpdate > 1_000_000_000L) {
                    lastMemoryUpdate = now;
                    memoryLabel.setText(GanBenchText.memory());
                }
            }
        }.start();
    }

    /** The scores tab beside the charts for a run whose samples are scored; the charts alone otherwise. */
    private void showScores(boolean on) {
        if (on) {
            right.setCenter(null);
            curvesTab.setContent(chartsScroll);
            right.setCenter(rightTabs);
        } else {
            curvesTab.setContent(null);
            right.setCenter(chartsScroll);
        }
    }

    /** Shows the scores of generated images (when the run has them). */
    public void selectScores() {
        if (vm.scores().availableProperty().get()) {
            rightTabs.getSelectionModel().select(scoresTab);
        }
    }

    private PresetChoice choice() {
        return choice;
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
        stepDButton.setOnAction(e -> vm.stepPart(GanTrainer.DISCRIMINATOR));
        stepGButton.setOnAction(e -> vm.stepPart(GanTrainer.GENERATOR));
        stepButton.setOnAction(e -> vm.step());
        resetButton.setOnAction(e -> vm.reset());
        applyButton.setOnAction(e -> vm.applySettings());
        xyGameButton.setOnAction(e -> showXyGame());
        jacobianButton.setOnAction(e -> showJacobian());
        keepButton.setOnAction(e -> vm.keepForComparison());
        MenuButton export = new MenuButton("Export");
        export.setId("exportMenu");
        MenuItem chartPng = new MenuItem("Charts as PNG…");
        chartPng.setOnAction(e -> choose("charts.png", "PNG image", "*.png", this::exportChartsTo));
        MenuItem viewPng = new MenuItem("View as PNG…");
        viewPng.setOnAction(e -> choose("view.png", "PNG image", "*.png", this::exportViewTo));
        MenuItem csv = new MenuItem("Metrics as CSV…");
        csv.setOnAction(e -> {
            if (vm.exports().metricsReady()) {
                choose("metrics.csv", "CSV", "*.csv", this::exportMetricsTo);
            }
        });
        MenuItem comparison = new MenuItem("Comparison table as CSV…");
        comparison.setOnAction(e -> choose("comparison.csv", "CSV", "*.csv", this::exportComparisonTo));
        export.getItems().addAll(chartPng, viewPng, csv, comparison);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(new Label("Experiment"), presetChoice, open, new Separator(Orientation.VERTICAL),
                startButton, pauseButton, stepDButton, stepGButton, stepButton, resetButton,
                new Separator(Orientation.VERTICAL), new Label("lr D"), lrDField, new Label("lr G"), lrGField,
                new Label("k"), kField, applyButton, new Separator(Orientation.VERTICAL), keepButton, spacer, export);
        bar.getStyleClass().add("toolbar-row");
        presetChoice.setMinWidth(100);
        Controls.keepLabelsWhole(bar);
        for (TextField f : List.of(lrDField, lrGField, kField)) {
            f.setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    /**
     * The page shown (this run's training, or the runs kept side by side), and the game's theory beyond this run's
     * pictures: the xy game and the Jacobian at the paused point, each in a window of its own.
     */
    private Node pageRow() {
        ToggleGroup pages = new ToggleGroup();
        trainingButton.setId("trainingTab");
        compareButton.setId("compareTab");
        trainingButton.setTooltip(new Tooltip("this run: its pictures and charts"));
        compareButton.setTooltip(new Tooltip("the runs kept for comparison, side by side"));
        for (ToggleButton b : new ToggleButton[] {trainingButton, compareButton}) {
            b.setToggleGroup(pages);
        }
        trainingButton.setSelected(true);
        pages.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one page is always shown
            }
        });
        ToggleButton settingsButton = new ToggleButton("Settings");
        settingsButton.setId("settingsToggle");
        settingsButton.setTooltip(new Tooltip("every setting of the experiment: all of them before the run, those"
                + " marked ● while paused (recorded in the run folder)"));
        SettingsPanel settingsPanel = new SettingsPanel(vm.settingsPanel());
        settingsButton.selectedProperty().addListener((o, a, on) -> setRight(on ? settingsPanel : null));
        HBox row = new HBox(8, trainingButton, compareButton, new Separator(Orientation.VERTICAL),
                new Label("Theory of the game"), xyGameButton, jacobianButton, new Separator(Orientation.VERTICAL),
                settingsButton);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.setPadding(new Insets(2, 6, 6, 10));
        return row;
    }

    private Node descriptionRow() {
        Label description = new Label();
        description.setId("descriptionLabel");
        description.getStyleClass().add("description");
        description.setMaxWidth(Double.MAX_VALUE);
        description.textProperty().bind(vm.descriptionProperty());
        HBox row = new HBox(description);
        row.setPadding(new Insets(4, 10, 4, 10));
        return row;
    }

    private Node statusBar() {
        Label state = new Label();
        state.setId("stateLabel");
        state.textProperty().bind(vm.controls().stateTextProperty());
        Label iteration = new Label();
        iteration.setId("iterationLabel");
        iteration.textProperty().bind(vm.iterationTextProperty());
        Label losses = new Label();
        losses.setId("lossLabel");
        losses.textProperty().bind(vm.lossTextProperty());
        memoryLabel.setId("memoryLabel");
        for (Label l : new Label[] {state, iteration, losses, memoryLabel}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label message = new Label();
        message.setId("messageLabel");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.textProperty().bind(vm.messageProperty());
        message.setTooltip(new Tooltip());
        message.getTooltip().textProperty().bind(vm.messageProperty());
        styleWhen(message, "message-error", vm.messageIsErrorProperty());
        HBox bar = new HBox(state, iteration, losses, memoryLabel, message);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void bind() {
        RunControls c = vm.controls();
        startButton.textProperty().bind(c.startLabelProperty());
        startButton.disableProperty().bind(c.canStartProperty().not());
        pauseButton.disableProperty().bind(c.canPauseProperty().not());
        for (Button b : new Button[] {stepDButton, stepGButton, stepButton}) {
            b.disableProperty().bind(c.canStepProperty().not());
        }
        resetButton.disableProperty().bind(c.canResetProperty().not());
        GanSettingsForm form = vm.settings();
        lrDField.textProperty().bindBidirectional(form.discriminatorRateProperty());
        lrGField.textProperty().bindBidirectional(form.generatorRateProperty());
        kField.textProperty().bindBidirectional(form.discriminatorStepsProperty());
        for (TextField f : new TextField[] {lrDField, lrGField, kField}) {
            f.disableProperty().bind(form.editableProperty().not());
        }
        applyButton.disableProperty().bind(form.canApplyProperty().not());
        jacobianButton.disableProperty().bind(vm.jacobian().canRunProperty().not());
        keepButton.disableProperty().bind(vm.comparison().canKeepProperty().not());
        styleWhen(lrDField, "field-error", form.invalidProperty());
        vm.specProperty().addListener((o, a, s) -> showSpec(s));
        vm.timeline().shownProperty().addListener((o, a, v) -> pictures.show(v));
        vm.encoderViewProperty().addListener((o, a, v) -> biganPane.show(v));
        vm.timeline().markedIterationProperty().addListener((o, a, x) -> charts.mark(x.doubleValue()));
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
    }

    private static void styleWhen(Node node, String styleClass, javafx.beans.value.ObservableValue<Boolean> on) {
        on.addListener((o, a, b) -> {
            node.getStyleClass().remove(styleClass);
            if (b) {
                node.getStyleClass().add(styleClass);
            }
        });
    }

    private void showSpec(GanExperiment s) {
        if (s != null) {
            choice.show(s.name());
            pictures.show(s);
            biganPane.show(s);
            charts.show(s);
        }
    }

    /**
     * The xy game in a window of its own beside the bench: a textbook toy, independent of the run, that should not
     * take room from the live views.
     */
    private void showXyGame() {
        if (xyGameWindow == null) {
            xyGameWindow = window("xy game: simultaneous vs alternating steps", new BilinearGameView(vm.xyGame()),
                    620, 820);
        }
        xyGameWindow.show();
        xyGameWindow.toFront();
    }

    /** The game's Jacobian in a window beside the bench, its computation started at the paused point. */
    private void showJacobian() {
        if (jacobianWindow == null) {
            jacobianWindow = window("GAN game Jacobian", new GameJacobianView(vm.jacobian()), 680, 760);
        }
        jacobianWindow.show();
        jacobianWindow.toFront();
        vm.jacobian().compute();
    }

    private Stage window(String title, Parent content, double width, double height) {
        Stage stage = new Stage();
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(content, width, height);
        if (getScene() != null) {
            scene.getStylesheets().addAll(getScene().getStylesheets());
        }
        stage.setScene(scene);
        return stage;
    }

    /** Loads an experiment made elsewhere (the builder's Train), asking first if that replaces progress. */
    public void loadSpec(GanExperiment spec) {
        loadSpec(spec, () -> { });
    }

    /** As {@link #loadSpec(GanExperiment)}, then runs {@code loaded} if it was loaded (not when the user cancels). */
    public void loadSpec(GanExperiment spec, Runnable loaded) {
        choice.replace(spec.name(), () -> {
            vm.loadSpec(spec);
            loaded.run();
        });
    }

    /** How this view asks before replacing an experiment (tests: {@link ReplaceRunDialog.Asker#always}). */
    public void setReplaceAsker(ReplaceRunDialog.Asker asker) {
        choice.setAsker(asker);
    }

    /** Keyboard shortcuts for the run controls. */
    public void installShortcuts(Scene scene) {
        shortcut(scene, KeyCode.ENTER, startButton);
        shortcut(scene, KeyCode.P, pauseButton);
        shortcut(scene, KeyCode.D, stepDButton);
        shortcut(scene, KeyCode.G, stepGButton);
        shortcut(scene, KeyCode.B, stepButton);
        shortcut(scene, KeyCode.R, resetButton);
        shortcut(scene, KeyCode.K, keepButton);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openFile);
    }

    private static void shortcut(Scene scene, KeyCode key, Button b) {
        scene.getAccelerators().put(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!b.isDisabled()) {
                b.fire();
            }
        });
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open experiment");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment JSON", "*.json"));
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            choice.replace(f.getName(), () -> vm.openFile(f.toPath()));
        }
    }

    // ---- export: pictures are taken on the FX thread, files written by the ViewModel's runner ----

    private void choose(String name, String what, String pattern, java.util.function.Consumer<File> then) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        File f = chooser.showSaveDialog(owner);
        if (f != null) {
            then.accept(f);
        }
    }

    /** The three charts stacked in one PNG, 900 pixels wide. */
    public void exportChartsTo(File f) {
        vm.exports().writePng(charts.picture(900, 300), f.toPath());
    }

    /** The 2-D view or image grid as shown, as a PNG. */
    public void exportViewTo(File f) {
        vm.exports().writePng(pictures.picture(), f.toPath());
    }

    /** The kept runs' measurements at the fixed iterations, as CSV. */
    public void exportComparisonTo(File f) {
        vm.comparison().exportCsv(f.toPath());
    }

    /** The Compare tab's charts stacked in one PNG, 900 pixels wide. */
    public void exportComparisonChartsTo(File f) {
        vm.exports().writePng(compare.chartsPicture(900, 300), f.toPath());
    }

    /** Shows the Compare tab (the window's --tab option, tests). */
    public void showCompare() {
        compareButton.setSelected(true);
    }

    /** Shows the run's pictures and charts again (a lesson's step). */
    public void showRun() {
        compareButton.setSelected(false);
    }

    /** A copy of the run's metrics.csv; says so in the status bar when there is none yet. */
    public void exportMetricsTo(File f) {
        vm.exports().copyMetrics(f.toPath());
    }

    // ---- small builders ----

    private static Button button(String text, String id, String tip) {
        return Controls.idButton(id, text, tip, null);
    }

    private static TextField field(String id, double width) {
        return Controls.field(id, "", width);
    }

    static Label titled(String text) {
        return Controls.sectionTitle(text);
    }
}
