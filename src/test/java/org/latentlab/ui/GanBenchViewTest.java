package org.latentlab.ui;

import static org.latentlab.ui.FxWait.waitFor;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.train.GanView;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.FxTaskRunner;
import org.latentlab.ui.gan.ImageGrid;
import org.latentlab.ui.gan.PointsCanvas;
import org.latentlab.ui.gan.GanBenchView;
import org.latentlab.ui.gan.GanBenchViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the training dashboard headless (Monocle): start, pause, step, charts and views update, errors shown. */
@ExtendWith(ApplicationExtension.class)
class GanBenchViewTest {

    @TempDir
    static Path runs;

    private GanBenchViewModel vm;
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner("test-gan-bench", m -> { });
        vm = new GanBenchViewModel(new ExperimentRunner.Options(runs, Path.of("."), 20, 40), runner);
        GanBenchView view = new GanBenchView(vm, stage);
        Scene scene = new Scene(view, 1280, 800);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
        runner.close();
    }


    /**
     * ring8-nsgan for {@code iterations}, measured every {@code sampleInterval} (the preset measures every 250):
     * a finished run with measurements, made short.
     */
    private static org.latentlab.experiment.GanExperiment shortRing(long iterations, int sampleInterval) {
        org.latentlab.experiment.GanExperiment p = org.latentlab.experiment.Presets.loadGan("ring8-nsgan");
        return new org.latentlab.experiment.GanExperiment(p.name(), p.description(), p.seed(), p.dataset(),
                p.generator(), p.discriminator(), p.training(), iterations, sampleInterval, p.checkpointInterval(),
                p.conditional());
    }

    private RunState state() {
        return vm.stateProperty().get();
    }

    private long iteration() {
        return vm.statusProperty().get() == null ? -1 : vm.statusProperty().get().iteration();
    }

    @Test
    void startPauseStepOnRing(FxRobot robot) throws Exception {
        robot.interact(() -> vm.loadPreset("ring8-nsgan"));
        waitFor("the run to be ready", () -> state() == RunState.READY);
        Button start = robot.lookup("#startButton").queryButton();
        waitFor("start to be enabled", () -> !start.isDisabled());
        robot.clickOn("#startButton");
        waitFor("the loss chart to gain points", () -> vm.chartPointCount() >= 5);
        assertEquals(RunState.RUNNING, state());
        robot.clickOn("#pauseButton");
        waitFor("the run to pause", () -> state() == RunState.PAUSED);
        long paused = iteration();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, iteration(), "a paused run must not advance");
        assertTrue(paused > 0);

        PointsCanvas canvas = robot.lookup("#pointsCanvas").query();
        robot.clickOn("#stepButton");
        waitFor("one more iteration", () -> iteration() == paused + 1);
        waitFor("the view of that iteration", () -> canvas.getView() != null
                && canvas.getView().iteration() == paused + 1);
        GanView.Points before = canvas.getView();

        robot.clickOn("#stepGButton");
        waitFor("a new view after step G", () -> canvas.getView() != before);
        assertEquals(paused + 1, iteration(), "a single G step is not a whole iteration");
        assertFalse(Arrays.equals(before.fake(), canvas.getView().fake()), "a G step moves the generated points");
        assertEquals(before.heatRes() * before.heatRes(), canvas.getView().heat().length);

        Label status = robot.lookup("#iterationLabel").query();
        assertTrue(status.getText().contains(String.format("%,d", paused + 1)), status.getText());
    }

    @Test
    void exportsChartsViewAndMetrics(FxRobot robot) throws Exception {
        robot.interact(() -> vm.loadSpec(shortRing(80, 40)));
        waitFor("the run to be ready", () -> state() == RunState.READY);
        robot.clickOn("#startButton");
        waitFor("the run to finish", () -> state() == RunState.FINISHED);
        GanBenchView view = robot.lookup("#trainingView").query();
        java.io.File charts = runs.resolve("charts.png").toFile();
        java.io.File picture = runs.resolve("view.png").toFile();
        java.io.File csv = runs.resolve("metrics.csv").toFile();
        robot.interact(() -> {
            view.exportChartsTo(charts);
            view.exportViewTo(picture);
            view.exportMetricsTo(csv);
        });
        waitFor("the three files", () -> charts.length() > 0 && picture.length() > 0 && csv.length() > 0);
        waitFor("the last file to be complete", () -> {
            try {
                return javax.imageio.ImageIO.read(charts) != null && javax.imageio.ImageIO.read(picture) != null
                        && Files.readAllLines(csv.toPath()).size() >= 2;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertEquals(1200, javax.imageio.ImageIO.read(charts).getHeight(), "four charts of 300 for ring8");
        java.util.List<String> rows = Files.readAllLines(csv.toPath());
        assertTrue(rows.get(0).startsWith("iteration,elapsed_s,d_loss,g_loss"), rows.get(0));
        assertTrue(rows.get(rows.size() - 1).startsWith("80,"), rows.get(rows.size() - 1));
    }

    @Test
    void theTheoryViewsAppearForRing8(FxRobot robot) {
        // a divergence point at 50 and a finished run for the Jacobian
        robot.interact(() -> vm.loadSpec(shortRing(60, 50)));
        waitFor("the run to be ready", () -> state() == RunState.READY);
        javafx.scene.Node panel = robot.lookup("#optimalPanel").query();
        assertTrue(panel.isVisible(), "D* vs D is shown for ring8");
        assertTrue(robot.lookup("#divergenceChart").query().isVisible(), "the divergence chart is shown for ring8");
        org.latentlab.ui.gan.OptimalDViewModel optimal = vm.optimal();
        waitFor("D* of the first view", () -> optimal.optimalProperty().get() != null);
        Label gap = robot.lookup("#optimalGapLabel").query();
        assertTrue(gap.getText().startsWith("gap: mean |D − D*|"), gap.getText());
        Label caption = robot.lookup("#optimalCaption").query();
        assertTrue(caption.getText().contains("bandwidth"), caption.getText());
        Button jacobian = robot.lookup("#gameJacobianButton").queryButton();
        assertTrue(jacobian.isDisabled(), "the Jacobian needs a paused run");

        robot.clickOn("#xyGameButton");
        waitFor("the xy game window", () -> robot.lookup("#xyGameChart").tryQuery().isPresent());
        javafx.scene.control.Slider eta = robot.lookup("#xyEtaSlider").query();
        robot.interact(() -> eta.setValue(0.5));
        assertEquals(0.5, vm.xyGame().simultaneousProperty().get().eta(), 1e-12, "the slider moves the paths");
        robot.interact(() -> ((Stage) eta.getScene().getWindow()).close());

        robot.clickOn("#startButton");
        waitFor("the run to finish", () -> state() == RunState.FINISHED);
        waitFor("the divergence curves", () -> vm.divergencePointCount() > 0);
        waitFor("the Jacobian to be offered", () -> !jacobian.isDisabled());
        robot.clickOn("#gameJacobianButton");
        waitFor("the eigenvalues", () -> vm.jacobian().spectrumProperty().get() != null);
        Label readings = robot.lookup("#jacobianReadings").query();
        waitFor("their readings", () -> readings.getText().startsWith("λ1 = "));
        robot.interact(() -> ((Stage) readings.getScene().getWindow()).close());
    }

    @Test
    void imageGridChangesAndEnlarges(FxRobot robot) {
        robot.interact(() -> vm.loadPreset("mnist-mlp-gan"));
        waitFor("the run to be ready", () -> state() == RunState.READY);
        ImageGrid grid = robot.lookup("#imageGrid").query();
        waitFor("the first grid", () -> grid.getView() != null);
        float[] first = grid.getView().pixels().clone();
        assertEquals(64, grid.getView().count());
        robot.clickOn("#stepButton");
        waitFor("the grid after one step", () -> grid.getView().iteration() == 1);
        robot.clickOn("#stepButton");
        waitFor("the grid after two steps", () -> grid.getView().iteration() == 2);
        assertFalse(Arrays.equals(first, grid.getView().pixels()), "training must change the samples");
        robot.clickOn(grid.canvas());
        ImageView enlarged = robot.lookup("#enlargedImage").query();
        waitFor("the enlarged cell", () -> enlarged.getImage() != null);
        assertNotNull(enlarged.getImage());
    }

    @Test
    void badExperimentFileIsReportedAndTheRunKept(FxRobot robot) throws Exception {
        robot.interact(() -> vm.loadPreset("ring8-nsgan"));
        waitFor("the run to be ready", () -> state() == RunState.READY);
        Path bad = runs.resolve("broken-experiment.json");
        Files.writeString(bad, "{ \"name\": \"x\", \"seed\": \"not a number\" }");
        robot.interact(() -> vm.openFile(bad));
        waitFor("the error dialog", () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#errorDialog").query();
        assertTrue(pane.getContentText().contains("broken-experiment.json"), pane.getContentText());
        assertTrue(pane.getContentText().contains("seed"), pane.getContentText());
        assertEquals("ring8-nsgan", vm.specProperty().get().name(), "the loaded experiment is kept");
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
    }

    @Test
    void applyingNewRatesRewritesTheDescription(FxRobot robot) {
        robot.interact(() -> vm.loadPreset("ring8-nsgan"));
        waitFor("the run to be ready", () -> state() == RunState.READY);
        Label description = robot.lookup("#descriptionLabel").query();
        assertFalse(description.getText().contains("lr=0.0042"), description.getText());
        robot.interact(() -> {
            robot.lookup("#lrDField").queryTextInputControl().setText("0.0042");
            robot.lookup("#lrGField").queryTextInputControl().setText("0.0017");
        });
        robot.clickOn("#applyButton");
        waitFor("the description to follow the applied rates", () -> description.getText().contains("lr=0.0042")
                && description.getText().contains("lr=0.0017"));
        String old = "lr=" + org.latentlab.experiment.Presets.loadGan("ring8-nsgan").training()
                .discriminatorOptimizer().learningRate() + " ";
        assertFalse(description.getText().contains(old), description.getText());
    }

    @Test
    void r1SetInTheRemediesRowReachesTheTrainer(FxRobot robot) {
        robot.interact(() -> vm.loadPreset("ring8-nsgan"));
        waitFor("the run to be ready", () -> state() == RunState.READY);
        assertEquals(0.0, vm.statusProperty().get().settings().r1Gamma());
        javafx.scene.control.TextField r1 = robot.lookup("#r1GammaField").queryAs(
                javafx.scene.control.TextField.class);
        assertEquals("0", r1.getText());
        robot.clickOn("#r1GammaField").eraseText(r1.getText().length()).write("2.5");
        robot.interact(() -> robot.lookup("#featureMatchingChoice").queryComboBox().getSelectionModel().select("d2"));
        robot.clickOn("#applyRemediesButton");
        waitFor("the trainer to take R1 and feature matching", () -> vm.statusProperty().get().settings().r1Gamma()
                == 2.5 && vm.statusProperty().get().settings().featureMatching().equals("d2"));
        Label description = robot.lookup("#descriptionLabel").query();
        waitFor("the description to name them", () -> description.getText().contains("R1 γ 2.5")
                && description.getText().contains("feature matching on d2"));
        robot.clickOn("#stepButton");
        waitFor("an iteration under R1", () -> iteration() == 1);
        assertEquals(2.5, vm.statusProperty().get().settings().r1Gamma());
        assertFalse(Double.isNaN(vm.statusProperty().get().penalty()), "R1's penalty is measured");

        robot.interact(() -> r1.setText("-3"));
        robot.clickOn("#applyRemediesButton");
        Label message = robot.lookup("#messageLabel").query();
        waitFor("the refusal in the status bar", () -> message.getText().startsWith("R1 γ: a number from 0"));
        assertTrue(r1.getStyleClass().contains("field-error"));
        assertEquals(2.5, vm.statusProperty().get().settings().r1Gamma(), "nothing applied");
        Label packing = robot.lookup("#packingLabel").query();
        assertEquals("packing m = 1 (off) · spectral norm off", packing.getText());
        assertTrue(packing.getTooltip().getText().contains("Lin et al. 2018")
                && packing.getTooltip().getText().contains("builder"), packing.getTooltip().getText());
    }

    @Test
    void singleStepsAddChartPointsAndACriticIsLabelledAsOne(FxRobot robot) {
        robot.interact(() -> vm.loadPreset("ring8-wgan"));
        waitFor("the run to be ready", () -> state() == RunState.READY);
        Label legend = robot.lookup("#viewLegend").query();
        javafx.scene.control.CheckBox heat = robot.lookup("#heatToggle").query();
        assertFalse(legend.getText().contains("belief"), legend.getText());
        assertTrue(legend.getText().contains("critic"), legend.getText());
        assertFalse(heat.getText().contains("D(x)"), heat.getText());
        Label iterations = robot.lookup("#iterationLabel").query();
        int points = vm.chartPointCount();
        robot.clickOn("#stepDButton");
        waitFor("a point for the D step", () -> vm.chartPointCount() == points + 1);
        waitFor("the D step in the status bar", () -> iterations.getText().startsWith("it 0 +1 D /"));
        robot.clickOn("#stepGButton");
        waitFor("a point for the G step", () -> vm.chartPointCount() == points + 2);
        waitFor("the G step in the status bar", () -> iterations.getText().startsWith("it 0 +1 D +1 G /"));
        robot.clickOn("#stepButton");
        waitFor("a point for the whole iteration", () -> vm.chartPointCount() == points + 3);
        waitFor("iteration 1 in the status bar", () -> iterations.getText().startsWith("it 1 /"));
        assertEquals(1, iteration());
        assertFalse(iterations.getText().contains("NaN"), iterations.getText());
        Label losses = robot.lookup("#lossLabel").query();
        assertTrue(losses.getText().contains("mean s(x)") && !losses.getText().contains("D(x)"), losses.getText());
    }

    @Test
    void choosingAnotherPresetWhileRunningAsksFirst(FxRobot robot) {
        robot.interact(() -> vm.loadPreset("ring8-nsgan"));
        waitFor("the run to be ready", () -> state() == RunState.READY);
        GanBenchView view = robot.lookup("#trainingView").query();
        java.util.List<String> asked = new java.util.ArrayList<>();
        robot.interact(() -> view.setReplaceAsker((current, progress, next, answer) -> {
            asked.add(current + " -> " + next + ": " + progress);
            answer.accept(org.latentlab.ui.common.ReplaceRunDialog.Choice.CANCEL);
        }));
        javafx.scene.control.ComboBox<String> presets = robot.lookup("#presetChoice").queryComboBox();
        robot.interact(() -> presets.setValue("grid25-nsgan"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(asked.isEmpty(), "a run with no progress is replaced without asking: " + asked);
        waitFor("the other preset", () -> "grid25-nsgan".equals(vm.specProperty().get().name())
                && state() == RunState.READY);
        robot.clickOn("#startButton");
        waitFor("the run to train", () -> state() == RunState.RUNNING && iteration() > 0);
        robot.interact(() -> presets.setValue("ring8-wgan"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, asked.size(), "asked once");
        assertTrue(asked.get(0).startsWith("grid25-nsgan -> ring8-wgan: "), asked.get(0));
        assertTrue(asked.get(0).contains("running"), asked.get(0));
        assertEquals("grid25-nsgan", presets.getValue(), "cancel puts the list back on what runs");
        assertEquals("grid25-nsgan", vm.specProperty().get().name());
        long before = iteration();
        waitFor("the kept run to go on", () -> iteration() > before && state() == RunState.RUNNING);

        // the real dialog: Cancel keeps the run, Discard loads the other one
        robot.interact(() -> view.setReplaceAsker(org.latentlab.ui.common.ReplaceRunDialog.Asker.dialog(
                presets.getScene().getWindow())));
        robot.interact(() -> presets.setValue("ring8-wgan"));
        waitFor("the question", () -> robot.lookup("#replaceDialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#replaceCancel").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("grid25-nsgan", vm.specProperty().get().name());
        assertEquals(RunState.RUNNING, state());
        assertEquals("grid25-nsgan", presets.getValue());
        robot.interact(() -> presets.setValue("ring8-wgan"));
        waitFor("the question again", () -> robot.lookup("#replaceDialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#replaceDiscard").queryButton().fire());
        waitFor("the other preset", () -> "ring8-wgan".equals(vm.specProperty().get().name()));
        assertEquals("ring8-wgan", presets.getValue());
    }

    /** The builder's Train shows the bench only once its design is loaded: a cancelled replacement stays put. */
    @Test
    void aDesignFromElsewhereReportsWhetherItWasLoaded(FxRobot robot) {
        robot.interact(() -> vm.loadPreset("ring8-nsgan"));
        waitFor("the run to be ready", () -> state() == RunState.READY);
        GanBenchView view = robot.lookup("#trainingView").query();
        robot.clickOn("#startButton");
        waitFor("the run to train", () -> state() == RunState.RUNNING && iteration() > 0);
        org.latentlab.experiment.GanExperiment p = org.latentlab.experiment.Presets.loadGan("ring8-wgan");
        org.latentlab.experiment.GanExperiment design = new org.latentlab.experiment.GanExperiment("a-design",
                "built in the network builder", p.seed(), p.dataset(), p.generator(), p.discriminator(), p.training(),
                p.iterations(), p.sampleInterval(), p.checkpointInterval());
        java.util.concurrent.atomic.AtomicInteger loaded = new java.util.concurrent.atomic.AtomicInteger();

        robot.interact(() -> view.setReplaceAsker(org.latentlab.ui.common.ReplaceRunDialog.Asker.always(
                org.latentlab.ui.common.ReplaceRunDialog.Choice.CANCEL)));
        robot.interact(() -> view.loadSpec(design, loaded::incrementAndGet));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, loaded.get(), "cancelled: nothing loaded, nothing to show");
        assertEquals("ring8-nsgan", vm.specProperty().get().name());

        robot.interact(() -> view.setReplaceAsker(org.latentlab.ui.common.ReplaceRunDialog.Asker.always(
                org.latentlab.ui.common.ReplaceRunDialog.Choice.DISCARD)));
        robot.interact(() -> view.loadSpec(design, loaded::incrementAndGet));
        waitFor("the design to load", () -> "a-design".equals(vm.specProperty().get().name()));
        assertEquals(1, loaded.get());
    }

    @Test
    void anExperimentFromElsewhereIsNamedInTheList(FxRobot robot) {
        org.latentlab.experiment.GanExperiment p = org.latentlab.experiment.Presets.loadGan("ring8-nsgan");
        org.latentlab.experiment.GanExperiment design = new org.latentlab.experiment.GanExperiment("my-ring-design",
                "built in the network builder", p.seed(), p.dataset(), p.generator(), p.discriminator(), p.training(),
                p.iterations(), p.sampleInterval(), p.checkpointInterval());
        GanBenchView view = robot.lookup("#trainingView").query();
        robot.interact(() -> view.loadSpec(design));
        waitFor("the design to load", () -> vm.specProperty().get() != null
                && "my-ring-design".equals(vm.specProperty().get().name()));
        javafx.scene.control.ComboBox<String> presets = robot.lookup("#presetChoice").queryComboBox();
        assertEquals("my-ring-design", presets.getValue(), "the list names what runs, not the last preset");
    }
}
