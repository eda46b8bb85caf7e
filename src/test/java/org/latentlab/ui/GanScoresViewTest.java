package org.latentlab.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.evaluate.RealSets;
import org.latentlab.experiment.evaluate.ScoringSetup;
import org.latentlab.metrics.ImageJudge;
import org.latentlab.metrics.ScoreCard;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.FxTaskRunner;
import org.latentlab.ui.gan.GanBenchView;
import org.latentlab.ui.gan.GanBenchViewModel;
import org.latentlab.ui.gan.GanScoresViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.ui.FxWait.waitFor;

/**
 * The GAN bench's scores tab, headless: an image GAN shows the score charts beside the training curves, a card is
 * charted while it trains, and the gallery fills on request; a toy GAN has no scores tab. The judge is a stand-in
 * (brightness bands, not a trained classifier), so the test does not train one.
 */
@ExtendWith(ApplicationExtension.class)
class GanScoresViewTest {

    @TempDir
    static Path runs;

    private GanBenchViewModel vm;
    private GanBenchView view;
    private FxTaskRunner runner;
    private FxTaskRunner scoresRunner;

    /** Ten classes by mean brightness; features: the mean of each of 7 bands of 4 rows. */
    private static final ImageJudge BANDS = new ImageJudge() {
        @Override
        public int classCount() {
            return 10;
        }

        @Override
        public double[][] probabilities(float[] images, int n) {
            double[][] p = new double[n][10];
            int d = images.length / n;
            for (int i = 0; i < n; i++) {
                double mean = 0;
                for (int j = 0; j < d; j++) {
                    mean += images[i * d + j];
                }
                mean /= d;
                double sum = 0;
                for (int c = 0; c < 10; c++) {
                    double e = 40 * mean - c;
                    p[i][c] = Math.exp(-e * e);
                    sum += p[i][c];
                }
                for (int c = 0; c < 10; c++) {
                    p[i][c] = sum > 0 ? p[i][c] / sum : 0.1;
                }
            }
            return p;
        }

        @Override
        public double[][] features(float[] images, int n) {
            double[][] f = new double[n][7];
            int d = images.length / n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    f[i][Math.min(6, (j / 28) / 4)] += images[i * d + j] / 112.0;
                }
            }
            return f;
        }
    };

    private static ScoringSetup bandsSetup() {
        ExampleSet mnist = ImageDataset.bundled("mnist", ExperimentData.datasetsDir(), ImageScale.ZERO_TO_ONE);
        RealSets real = new RealSets(images(mnist, 0, 200), images(mnist, 200, 300), images(mnist, 300, 350),
                mnist.range(0, 1000), "the first bundled digits");
        return new ScoringSetup("a judge of brightness bands", BANDS, real);
    }

    private static ScoreCard.Images images(ExampleSet set, int from, int to) {
        int d = set.dimension();
        float[] pixels = new float[(to - from) * d];
        for (int i = from; i < to; i++) {
            System.arraycopy(set.example(i), 0, pixels, (i - from) * d, d);
        }
        return new ScoreCard.Images(pixels, to - from);
    }

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner("test-gan-bench", m -> { });
        scoresRunner = new FxTaskRunner("test-gan-scores", m -> { });
        GanScoresViewModel scores = new GanScoresViewModel(scoresRunner, (spec, monitor, notes) -> bandsSetup());
        vm = new GanBenchViewModel(new ExperimentRunner.Options(runs, Path.of("."), 20, 40), runner, scores);
        view = new GanBenchView(vm, stage);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
        runner.close();
        scoresRunner.close();
    }

    @Test
    void anImageGanChartsItsScoresAndShowsTheGallery(FxRobot robot) {
        robot.interact(() -> vm.loadPreset("mnist-mlp-gan"));
        waitFor("the run to be ready", 60, () -> vm.stateProperty().get() == RunState.READY);
        waitFor("the scores to be ready", 60, () -> vm.scores().readyProperty().get());
        robot.interact(() -> {
            vm.scores().intervalTextProperty().set("50");
            vm.scores().applyInterval();
            view.selectScores();
        });
        for (String id : List.of("#classifierScoreChart", "#frechetChart", "#kidChart", "#precisionRecallChart",
                "#modesChart")) {
            ChartViewer chart = robot.lookup(id).queryAs(ChartViewer.class);
            assertTrue(chart.isVisible() && chart.getWidth() > 50 && chart.getHeight() > 50, id + " is shown");
        }
        robot.clickOn("#startButton");
        waitFor("two cards", 120, () -> vm.scores().cardCount() >= 2);
        robot.clickOn("#pauseButton");
        Label table = robot.lookup("#lastCardLabel").query();
        waitFor("the newest card in the table", 10, () -> table.getText().contains("Fréchet distance"));
        assertTrue(table.getText().contains("modes covered"), table.getText());
        ChartViewer modes = robot.lookup("#modesChart").queryAs(ChartViewer.class);
        assertEquals(2, modes.getChart().getXYPlot().getDataset().getSeriesCount(), "modes covered and its baseline");
        assertTrue(modes.getChart().getXYPlot().getDataset().getItemCount(1) >= 2, "the dashed baseline has points");

        robot.clickOn("#galleryButton");
        GridPane grid = robot.lookup("#galleryGrid").query();
        waitFor("the gallery", 60, () -> !grid.getChildren().isEmpty());
        assertEquals(1 + GanScoresViewModel.GALLERY_IMAGES, grid.getRowCount(), "a header and a row per image");
        Label note = robot.lookup("#galleryNoteLabel").query();
        assertTrue(note.getText().contains("Memorisation check"), note.getText());
    }

    @Test
    void aToyGanHasNoScoresTab(FxRobot robot) {
        robot.interact(() -> vm.loadPreset("ring8-nsgan"));
        waitFor("the run to be ready", 60, () -> vm.stateProperty().get() == RunState.READY);
        assertFalse(vm.scores().availableProperty().get());
        assertTrue(robot.lookup("#chartTabs").tryQuery().isEmpty(), "no tabs for a toy GAN");
        assertTrue(robot.lookup("#lossChart").tryQuery().isPresent());
    }
}
