package org.latentlab.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Presets;
import org.latentlab.train.GanView;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.FxTaskRunner;
import org.latentlab.ui.gan.GanBenchView;
import org.latentlab.ui.gan.GanBenchViewModel;
import org.latentlab.ui.gan.PointsCanvas;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Collection;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.ui.FxWait.waitFor;

/**
 * The GAN bench's timeline, headless (Monocle): ring8 trains, the slider is moved back while it runs, the 2-D view
 * shows that snapshot (its very points) while training goes on, every chart marks the snapshot's iteration, and
 * Live returns to the newest picture with the marks gone.
 */
@ExtendWith(ApplicationExtension.class)
class GanTimelineViewTest {

    @TempDir
    static Path runs;

    private GanBenchViewModel vm;
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner("test-gan-timeline", m -> { });
        vm = new GanBenchViewModel(new ExperimentRunner.Options(runs, Path.of("."), 20, 40), runner);
        GanBenchView view = new GanBenchView(vm, stage);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
        runner.close();
    }

    private static List<Marker> marks(FxRobot robot, String chart) {
        ChartViewer viewer = robot.lookup(chart).query();
        Collection<?> m = viewer.getChart().getXYPlot().getDomainMarkers(Layer.FOREGROUND);
        return m == null ? List.of() : m.stream().map(Marker.class::cast).toList();
    }

    @Test
    void theSliderShowsAnEarlierSnapshotWhileTrainingGoesOnAndLiveReturns(FxRobot robot) {
        robot.interact(() -> vm.loadSpec(Presets.loadGan("ring8-nsgan").withIterations(400)));
        waitFor("the run to be ready", () -> vm.stateProperty().get() == RunState.READY);
        Slider slider = robot.lookup("#timelineSlider").query();
        Label label = robot.lookup("#timelineLabel").query();
        Button live = robot.lookup("#timelineLiveButton").queryButton();
        PointsCanvas canvas = robot.lookup("#pointsCanvas").query();
        robot.clickOn("#startButton");
        waitFor("a few pictures on the timeline", () -> vm.timeline().countProperty().get() >= 4);
        assertTrue(live.isDisabled(), "live already");

        robot.interact(() -> slider.setValue(1)); // as a drag back to the second picture would leave it
        GanView chosen = vm.timeline().snapshots().get(1);
        assertSame(chosen, vm.timeline().shownProperty().get());
        assertSame(chosen, canvas.getView(), "the 2-D view draws the snapshot");
        GanView.Points drawn = canvas.getView();
        assertArrayEquals(((GanView.Points) chosen).fake(), drawn.fake(), "the snapshot's generated points");
        assertTrue(label.getText().startsWith(String.format("iteration %,d of 400 — snapshot 2 of ",
                chosen.iteration())), label.getText());
        for (String chart : List.of("#lossChart", "#scoreChart", "#metricChart", "#divergenceChart")) {
            List<Marker> m = marks(robot, chart);
            assertEquals(1, m.size(), chart + " marks the snapshot");
            assertEquals(chosen.iteration(), ((ValueMarker) m.get(0)).getValue(), chart);
        }
        assertFalse(live.isDisabled(), "Live is offered while a snapshot is shown");

        waitFor("the run to finish", () -> vm.stateProperty().get() == RunState.FINISHED);
        robot.interact(() -> { }); // the last frame's pictures drained
        assertTrue(vm.timeline().countProperty().get() > 4);
        List<GanView> kept = vm.timeline().snapshots();
        GanView shown = canvas.getView();
        if (kept.contains(chosen)) {
            assertSame(chosen, shown, "training went on behind the snapshot");
        } else { // thinned away on a slow machine: the snapshot nearest to it is shown instead
            long nearest = kept.stream().mapToLong(GanView::iteration)
                    .reduce((a, b) -> Math.abs(b - chosen.iteration()) < Math.abs(a - chosen.iteration()) ? b : a)
                    .getAsLong();
            assertEquals(nearest, shown.iteration(), "the snapshot nearest to the one chosen");
        }
        assertFalse(vm.timeline().liveProperty().get(), "still on a snapshot after the run finished");
        assertEquals(kept.indexOf(shown), (int) slider.getValue(), "the slider on the snapshot shown");
        assertEquals(shown.iteration(), ((ValueMarker) marks(robot, "#lossChart").get(0)).getValue());

        robot.clickOn("#timelineLiveButton");
        waitFor("the newest picture", () -> canvas.getView() != null && canvas.getView().iteration() == 400);
        assertTrue(label.getText().endsWith("— live"), label.getText());
        assertEquals(slider.getMax(), slider.getValue(), "live is the slider's right end");
        for (String chart : List.of("#lossChart", "#scoreChart")) {
            assertTrue(marks(robot, chart).isEmpty(), chart + ": no mark while live");
        }
    }
}
