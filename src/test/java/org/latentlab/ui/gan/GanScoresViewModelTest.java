package org.latentlab.ui.gan;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.testing.FlatImages;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.evaluate.GeneratedSamples;
import org.latentlab.experiment.evaluate.LiveSamples;
import org.latentlab.experiment.evaluate.NeighbourGallery;
import org.latentlab.experiment.evaluate.RealSets;
import org.latentlab.experiment.evaluate.ScoringSetup;
import org.latentlab.metrics.ScoreCard;
import org.latentlab.metrics.ScoreLine;
import org.latentlab.testing.CentreJudge;
import org.latentlab.train.RunState;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live scores without a screen, on "images" of 2x2 pixels around 3 class centres judged by a nearest-centre
 * classifier whose features are the pixels (as in the score card's own test): when cards are taken, that a card due
 * while one is computed is skipped and said, that each chart's dashed line is the score of real images in G's place,
 * and the gallery's neighbours against a brute-force search.
 */
class GanScoresViewModelTest {

    private static final double[][] CENTRES = {{0, 0, 0, 0}, {1, 0, 1, 0}, {0, 1, 0, 1}};
    private static final int N = 40;

    private static final CentreJudge JUDGE = new CentreJudge(CENTRES, 10);

    private static float[] sample(int n, long seed, int onlyClass) {
        return JUDGE.sample(n, seed, onlyClass, 0.1);
    }

    /** A labelled set of 2x2 images, as the GAN's training images. */
    private static ExampleSet trainingSet(float[] pixels) {
        return new FlatImages("centres", pixels, 1, 2, 2);
    }

    private final float[] training = sample(300, 10, -1);
    private final ScoreCard.Images reference = new ScoreCard.Images(sample(N, 1, -1), N);
    private final ScoreCard.Images test = new ScoreCard.Images(sample(120, 2, -1), 120);
    private final ScoreCard.Images validation = new ScoreCard.Images(sample(30, 3, -1), 30);
    private final ScoringSetup setup = new ScoringSetup("centres judge", JUDGE, new RealSets(test, reference,
            validation, trainingSet(training), "centres"));
    private final GanExperiment spec = Presets.loadGan("mnist-mlp-gan");

    /** A run's samples: a collapsed G (all class 1) or one that matches the data, copied at the iteration set. */
    private final class FakeRun implements GanScoresViewModel.Sampler {
        long iteration;
        float[] pixels = sample(N, 4, 1);
        final List<Integer> counts = new ArrayList<>();

        @Override
        public CompletableFuture<LiveSamples> capture(int count, long seed) {
            counts.add(count);
            float[] out = java.util.Arrays.copyOf(pixels, count * 4);
            return CompletableFuture.completedFuture(new LiveSamples(iteration, new GeneratedSamples(
                    new ScoreCard.Images(out, count), new int[] {1, 2, 2}, "fake run")));
        }
    }

    private GanScoresViewModel.Preparer preparer(int[] calls) {
        return (s, m, notes) -> {
            calls[0]++;
            m.progress(0.5, "training the centres classifier: iteration 1 of 2");
            return setup;
        };
    }

    @Test
    void noCardUntilTheClassifierIsReadyThenEveryIntervalSkippingWhileBusy() {
        HeldTaskRunner runner = new HeldTaskRunner();
        int[] prepared = {0};
        GanScoresViewModel vm = new GanScoresViewModel(runner, preparer(prepared));
        FakeRun run = new FakeRun();
        vm.prepare(spec, run);
        assertTrue(vm.availableProperty().get());
        assertFalse(vm.readyProperty().get());
        assertTrue(vm.statusProperty().get().contains("classifier"), vm.statusProperty().get());

        run.iteration = 100;
        vm.follow(100, RunState.RUNNING);
        assertTrue(run.counts.isEmpty(), "no samples are asked for while the classifier is not ready");
        runner.runAll();
        assertEquals(1, prepared[0]);
        assertTrue(vm.readyProperty().get());
        assertTrue(vm.statusProperty().get().contains("centres judge"), vm.statusProperty().get());

        run.iteration = 130;
        vm.follow(130, RunState.RUNNING);
        assertEquals(List.of(N), run.counts, "the first card at the first status once ready, of the setup's size");
        assertTrue(vm.busy());
        vm.follow(600, RunState.RUNNING);
        assertEquals(1, run.counts.size(), "not due before iteration 1,000");
        vm.follow(1_000, RunState.RUNNING);
        assertEquals(1, run.counts.size(), "due, but the card of it 130 is still being computed");
        assertEquals(1, vm.skippedCount());
        assertTrue(vm.statusProperty().get().contains("skipped the card due at it 1,000"), vm.statusProperty().get());

        runner.runAll();
        assertFalse(vm.busy());
        assertEquals(1, vm.cardCount());
        assertEquals(130, vm.lastCardProperty().get().iteration(), "charted at the iteration the samples are from");
        vm.follow(1_500, RunState.RUNNING);
        assertEquals(1, run.counts.size(), "the skipped card is not made up for");
        run.iteration = 2_003;
        vm.follow(2_003, RunState.RUNNING);
        vm.follow(2_003, RunState.PAUSED);
        assertEquals(2, run.counts.size(), "one card at 2,000, not one per status");
        runner.runAll();
        assertEquals(2, vm.cardCount());
        XYSeries modes = vm.curves().line(ScoreCard.NAMES.get(5)).value();
        assertEquals(2_003.0, modes.getX(1).doubleValue());
    }

    @Test
    void eachChartsDashedLineIsTheScoreOfRealImagesInTheGeneratorsPlace() {
        GanScoresViewModel vm = new GanScoresViewModel(new DirectTaskRunner(), preparer(new int[1]));
        FakeRun run = new FakeRun();
        vm.prepare(spec, run);
        run.iteration = 10;
        vm.follow(10, RunState.RUNNING);
        run.pixels = reference.pixels().clone();
        run.iteration = 1_000;
        vm.follow(1_000, RunState.RUNNING);
        assertEquals(2, vm.cardCount());

        ScoreCard.Result collapsed = ScoreCard.evaluate(JUDGE, new ScoreCard.Images(sample(N, 4, 1), N), reference,
                test, validation, spec.seed(), Monitor.NONE);
        ScoreCard.Result real = ScoreCard.evaluate(JUDGE, reference, reference, test, validation, spec.seed(),
                Monitor.NONE);
        for (GanScoreCurves.Panel panel : vm.curves().panels()) {
            for (GanScoreCurves.Line line : panel.lines()) {
                ScoreLine c = collapsed.line(line.score());
                ScoreLine r = real.line(line.score());
                assertEquals(c.value(), line.value().getY(0).doubleValue(), 1e-12, line.score());
                assertEquals(r.value(), line.value().getY(1).doubleValue(), 1e-12, line.score()
                        + ": real images in G's place score their own baseline");
                for (int i = 0; i < 2; i++) {
                    assertEquals(r.value(), line.baseline().getY(i).doubleValue(), 1e-12, line.score()
                            + ": the dashed line is the real-versus-real score, whatever G does");
                }
            }
        }
        assertEquals(1.0, vm.curves().line("modes covered").value().getY(0).doubleValue(),
                "the collapsed G covers one class");
        assertEquals(3.0, vm.curves().line("modes covered").baseline().getY(0).doubleValue());
        assertTrue(vm.statusProperty().get().contains("Scores of it 1,000"), vm.statusProperty().get());
    }

    @Test
    void toyGansAndBenchesWithoutScoresTakeNoCards() {
        int[] prepared = {0};
        GanScoresViewModel vm = new GanScoresViewModel(new DirectTaskRunner(), preparer(prepared));
        FakeRun run = new FakeRun();
        vm.prepare(Presets.loadGan("ring8-nsgan"), run);
        vm.follow(5_000, RunState.RUNNING);
        assertFalse(vm.availableProperty().get());
        assertEquals(0, prepared[0]);
        assertTrue(run.counts.isEmpty());

        GanScoresViewModel off = GanScoresViewModel.off();
        off.prepare(spec, run);
        off.follow(5_000, RunState.RUNNING);
        assertFalse(off.availableProperty().get());
        assertTrue(run.counts.isEmpty());
    }

    @Test
    void aResetDropsTheChartsAndTheCardInFlightAndANewRunReusesTheClassifier() {
        HeldTaskRunner runner = new HeldTaskRunner();
        int[] prepared = {0};
        GanScoresViewModel vm = new GanScoresViewModel(runner, preparer(prepared));
        FakeRun run = new FakeRun();
        vm.prepare(spec, run);
        runner.runAll();
        vm.follow(0, RunState.READY);
        runner.runAll();
        assertEquals(1, vm.cardCount());
        run.iteration = 1_000;
        vm.follow(1_000, RunState.RUNNING);
        vm.reset();
        runner.runAll();
        assertEquals(0, vm.cardCount(), "the card of the networks before the reset is not charted");
        vm.follow(0, RunState.READY);
        assertEquals(3, run.counts.size(), "after a reset the schedule starts again");
        runner.runAll();

        vm.prepare(spec, run);
        assertTrue(vm.readyProperty().get(), "the same data's classifier is ready at once");
        assertEquals(0, runner.waiting());
        assertEquals(1, prepared[0]);
        assertEquals(0, vm.cardCount());
    }

    @Test
    void theIntervalIsAWholeNumberAndMovesTheNextCard() {
        GanScoresViewModel vm = new GanScoresViewModel(new DirectTaskRunner(), preparer(new int[1]));
        FakeRun run = new FakeRun();
        vm.prepare(spec, run);
        vm.intervalTextProperty().set("ten");
        assertFalse(vm.applyInterval());
        assertTrue(vm.intervalInvalidProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("iterations between score cards: a whole number"),
                vm.statusProperty().get());
        assertEquals(GanScoresViewModel.DEFAULT_INTERVAL, vm.interval());
        vm.intervalTextProperty().set(" 250 ");
        assertTrue(vm.applyInterval());
        assertFalse(vm.intervalInvalidProperty().get());
        vm.follow(1, RunState.RUNNING);
        vm.follow(249, RunState.RUNNING);
        vm.follow(251, RunState.RUNNING);
        assertEquals(2, run.counts.size());
    }

    @Test
    void theGalleryShowsTheNearestTrainingImagesInBothSpaces() {
        GanScoresViewModel vm = new GanScoresViewModel(new DirectTaskRunner(), preparer(new int[1]));
        FakeRun run = new FakeRun();
        float[] copy = java.util.Arrays.copyOfRange(training, 4 * 17, 4 * 18);
        run.pixels = sample(N, 6, -1);
        System.arraycopy(copy, 0, run.pixels, 0, 4); // G copies training image 17
        vm.requestGallery();
        assertNull(vm.galleryProperty().get());
        assertTrue(vm.galleryStatusProperty().get().contains("image GANs"), vm.galleryStatusProperty().get());
        vm.prepare(spec, run);
        vm.requestGallery();
        NeighbourGallery g = vm.galleryProperty().get().neighbours();
        assertNotNull(g);
        assertEquals(GanScoresViewModel.GALLERY_IMAGES, g.size());
        assertEquals(17, g.pixels().indicesOf(0)[0], "a copy of a training image finds it first");
        assertEquals(0, g.pixels().distancesOf(0)[0], 1e-12);
        assertEquals(17, g.features().indicesOf(0)[0], "in feature space too");
        for (int q = 0; q < g.size(); q++) {
            float[] x = java.util.Arrays.copyOfRange(run.pixels, 4 * q, 4 * q + 4);
            double[] d = new double[300];
            for (int i = 0; i < 300; i++) {
                double s = 0;
                for (int j = 0; j < 4; j++) {
                    double e = (double) x[j] - training[4 * i + j];
                    s += e * e;
                }
                d[i] = Math.sqrt(s);
            }
            double[] sorted = d.clone();
            java.util.Arrays.sort(sorted);
            for (int j = 0; j < NeighbourGallery.NEIGHBOURS; j++) {
                assertEquals(sorted[j], g.pixels().distancesOf(q)[j], 1e-12, "row " + q + ", neighbour " + j);
                assertEquals(sorted[j], g.features().distancesOf(q)[j], 1e-12, "features are the pixels here");
            }
        }
        assertTrue(vm.galleryStatusProperty().get().contains("Memorisation check"), vm.galleryStatusProperty().get());
    }
}
