package org.latentlab.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.CsvTable;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanComparisonTable;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.FxTaskRunner;
import org.latentlab.ui.gan.GanBenchView;
import org.latentlab.ui.gan.GanBenchViewModel;
import org.latentlab.ui.gan.GanComparisonViewModel;
import org.latentlab.ui.gan.PointsCanvas;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.ui.FxWait.waitFor;

/**
 * The GAN bench's Compare tab, headless (Monocle): two short runs (the plain GAN on the ring and its twin with R1)
 * are trained and kept, and the tab shows them side by side: one legend, the overlaid charts in the same colour per
 * run, both last views, and the table of their measurements, which exports as CSV.
 */
@ExtendWith(ApplicationExtension.class)
class GanCompareViewTest {

    private static final int ITERATIONS = 100;
    private static final int SAMPLE_INTERVAL = 40;

    @TempDir
    static Path runs;

    private GanBenchViewModel vm;
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner("test-gan-compare", m -> { });
        vm = new GanBenchViewModel(new ExperimentRunner.Options(runs, Path.of("."), 20, 40), runner);
        GanBenchView view = new GanBenchView(vm, stage);
        Scene scene = new Scene(view, 1500, 950);
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
     * The preset, short, measured every {@value #SAMPLE_INTERVAL} iterations (the presets measure every 250) so
     * that its charts gain points well before the end.
     */
    private static GanExperiment shortRun(String preset) {
        GanExperiment p = Presets.loadGan(preset);
        return new GanExperiment(p.name(), p.description(), p.seed(), p.dataset(), p.generator(), p.discriminator(),
                p.training(), ITERATIONS, SAMPLE_INTERVAL, p.checkpointInterval(), p.conditional());
    }

    private void trainAndKeep(FxRobot robot, String preset, int keptBefore) {
        robot.interact(() -> vm.loadSpec(shortRun(preset)));
        waitFor(preset + " to be ready", () -> vm.stateProperty().get() == RunState.READY
                && vm.specProperty().get().name().equals(preset));
        Button keep = robot.lookup("#keepButton").queryButton();
        assertTrue(keep.isDisabled(), "nothing to keep before training");
        robot.clickOn("#startButton");
        waitFor(preset + " to finish", () -> vm.stateProperty().get() == RunState.FINISHED);
        waitFor("keeping to be offered", () -> !keep.isDisabled());
        robot.clickOn("#keepButton");
        waitFor(preset + " to be kept", () -> vm.comparison().kept().size() == keptBefore + 1);
        Label message = robot.lookup("#messageLabel").query();
        assertTrue(message.getText().startsWith("kept " + preset + " · seed 1"), message.getText());
    }

    @Test
    void twoKeptRunsShowSideBySideInChartsPicturesAndTable(FxRobot robot) throws Exception {
        trainAndKeep(robot, "ring8-nsgan", 0);
        trainAndKeep(robot, "ring8-r1", 1);
        robot.clickOn("Compare");
        waitFor("the compare pane", () -> robot.lookup("#comparePane").query().isVisible());
        assertFalse(robot.lookup("#compareEmpty").query().isVisible(), "no 'no kept runs' once runs are kept");

        List<GanComparisonViewModel.Compared> kept = vm.comparison().kept();
        FlowPane legend = robot.lookup("#compareLegend").query();
        assertEquals(2, legend.getChildren().size());
        Label second = (Label) ((HBox) legend.getChildren().get(1)).getChildren().get(1);
        assertEquals("ring8-r1 · seed 1 · R1 γ=1", second.getText());

        List<String> charts = List.of("#compareModesChart", "#compareQualityChart", "#compareReverseKlChart",
                "#compareLossChart");
        java.awt.Paint[] first = null;
        for (String id : charts) {
            ChartViewer viewer = robot.lookup(id).query();
            assertTrue(viewer.isVisible() && viewer.getWidth() > 150 && viewer.getHeight() > 100,
                    id + " is shown: " + viewer.getWidth() + " x " + viewer.getHeight());
            XYPlot plot = viewer.getChart().getXYPlot();
            int perRun = plot.getDataset().getSeriesCount() / 2;
            assertTrue(plot.getDataset().getItemCount(0) > 0 && plot.getDataset().getItemCount(perRun) > 0,
                    id + " draws both runs");
            java.awt.Paint[] paints = {plot.getRenderer().getSeriesPaint(0), plot.getRenderer().getSeriesPaint(perRun)};
            if (first == null) {
                first = paints;
                assertNotEquals(paints[0], paints[1], "one colour per run");
            } else if (!id.equals("#compareLossChart")) {
                assertEquals(first[0], paints[0], id + ": the first run's colour");
                assertEquals(first[1], paints[1], id + ": the second run's colour");
            }
        }
        assertTrue(robot.lookup("#compareDiversityChart").tryQuery().isEmpty(), "no image runs, no diversity chart");

        Node pictures = robot.lookup("#comparePictures").query();
        java.util.function.Predicate<Node> isView = n -> n instanceof PointsCanvas;
        assertEquals(2, robot.from(pictures).lookup(isView).queryAll().size(), "both runs' last 2-D views");
        robot.from(pictures).lookup(isView).queryAll()
                .forEach(n -> assertTrue(((PointsCanvas) n).getView() != null && ((PointsCanvas) n).getView()
                        .iteration() == ITERATIONS, "the view at the end of the run"));

        TableView<GanComparisonTable.Row> table = robot.lookup("#compareTable").query();
        assertEquals(1 + 2, table.getColumns().size(), "the iteration, then one group of columns per run");
        assertEquals(List.of("last"), table.getItems().stream().map(GanComparisonTable.Row::title).toList(),
                ITERATIONS + " iterations reach no fixed iteration; the last measurements are there");
        @SuppressWarnings("unchecked")
        TableColumn<GanComparisonTable.Row, String> at = (TableColumn<GanComparisonTable.Row, String>) table
                .getColumns().get(2).getColumns().get(0);
        assertEquals("" + ITERATIONS, at.getCellData(0), "the twin's last measurement, at its final iteration");
        @SuppressWarnings("unchecked")
        TableColumn<GanComparisonTable.Row, String> modes = (TableColumn<GanComparisonTable.Row, String>) table
                .getColumns().get(2).getColumns().get(1);
        assertTrue(modes.getCellData(0).endsWith(" / 8"), modes.getCellData(0));

        File csv = runs.resolve("comparison.csv").toFile();
        GanBenchView view = robot.lookup("#trainingView").query();
        robot.interact(() -> view.exportComparisonTo(csv));
        waitFor("the CSV", () -> csv.length() > 0);
        CsvTable t = CsvTable.read(csv.toPath());
        assertEquals(List.of(kept.get(0).run().label(), kept.get(1).run().label()),
                t.rows().stream().map(r -> r.get(0)).toList(), "one last row per run");

        robot.clickOn("#compareClearButton");
        waitFor("the runs to go", () -> vm.comparison().kept().isEmpty());
        assertTrue(robot.lookup("#compareEmpty").query().isVisible());
    }
}
