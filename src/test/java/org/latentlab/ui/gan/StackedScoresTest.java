package org.latentlab.ui.gan;

import org.junit.jupiter.api.Test;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.data.ExampleSet;
import org.latentlab.testing.FlatImages;
import org.latentlab.data.ImageScale;
import org.latentlab.data.StackedMnist;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.evaluate.ClassifierImageJudge;
import org.latentlab.experiment.evaluate.GeneratedSamples;
import org.latentlab.experiment.evaluate.LiveSamples;
import org.latentlab.experiment.evaluate.RealSets;
import org.latentlab.experiment.evaluate.ScoringSetup;
import org.latentlab.metrics.ScoreCard;
import org.latentlab.metrics.ScoreLine;
import org.latentlab.train.Backend;
import org.latentlab.train.Host;
import org.latentlab.train.Metric;
import org.latentlab.train.RunState;
import org.latentlab.train.classifier.Classifier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live scores of a Stacked MNIST run count modes out of 1,000 digit triples, without a screen and without the
 * trained MNIST classifier: "digits" are 1x2x2 images whose four pixels are (d + 0.5)/10, read by a stand-in digit
 * classifier that gives 0.91 to the nearest digit; a stack is three of them as three channels. The oracle: samples
 * made of 5 chosen triples, 8 each, cover 5 modes with reverse KL to uniform log(1000/5); every stack of the real
 * sets is its own triple. And the MNIST digits' prepared scores are not reused for the stacks, and the training
 * curves of a stacked run chart the diversity of its images, as for any image GAN.
 */
class StackedScoresTest {

    private static final int N = 40;
    private static final int[][] TRIPLES = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {0, 0, 0}, {9, 9, 9}};

    /** p(d | x) = 0.91 for the digit nearest 10·mean(x) − 0.5, 0.01 for the others; features: the pixels. */
    private record Digits() implements Classifier {
        @Override
        public int classCount() {
            return 10;
        }

        @Override
        public int[] inputShape() {
            return new int[] {1, 2, 2};
        }

        @Override
        public ImageScale scale() {
            return ImageScale.ZERO_TO_ONE;
        }

        @Override
        public int featureSize() {
            return 4;
        }

        @Override
        public INDArray features(INDArray images) {
            return images.dup();
        }

        @Override
        public INDArray probabilities(INDArray images) {
            float[] x = Host.floats(images);
            int n = (int) images.rows();
            float[] p = new float[n * 10];
            for (int i = 0; i < n; i++) {
                double mean = (x[4 * i] + x[4 * i + 1] + x[4 * i + 2] + x[4 * i + 3]) / 4;
                int d = (int) Math.max(0, Math.min(9, Math.round(10 * mean - 0.5)));
                for (int k = 0; k < 10; k++) {
                    p[10 * i + k] = k == d ? 0.91f : 0.01f;
                }
            }
            return Nd4j.create(p, new long[] {n, 10}, 'c');
        }
    }

    /** Stacks of the given triples, one after another, each channel a digit. */
    private static float[] stacks(int[][] triples) {
        float[] out = new float[triples.length * 12];
        for (int k = 0; k < triples.length; k++) {
            for (int c = 0; c < 3; c++) {
                java.util.Arrays.fill(out, 12 * k + 4 * c, 12 * k + 4 * c + 4, (triples[k][c] + 0.5f) / 10);
            }
        }
        return out;
    }

    /** n different triples, drawn without replacement. */
    private static int[][] randomTriples(int n, long seed) {
        List<Integer> modes = new ArrayList<>();
        for (int m = 0; m < StackedMnist.MODES; m++) {
            modes.add(m);
        }
        java.util.Collections.shuffle(modes, new Random(seed));
        int[][] t = new int[n][];
        for (int i = 0; i < n; i++) {
            int m = modes.get(i);
            t[i] = new int[] {m / 100, m / 10 % 10, m % 10};
        }
        return t;
    }

    private static ScoreCard.Images real(int n, long seed) {
        return new ScoreCard.Images(stacks(randomTriples(n, seed)), n);
    }

    private static ExampleSet training(float[] pixels) {
        return new FlatImages("small stacks", pixels, 3, 2, 2);
    }

    private final ScoringSetup stackedSetup = new ScoringSetup("digit judge on each channel",
            ClassifierImageJudge.stacked(new Digits(), ImageScale.ZERO_TO_ONE), new RealSets(real(120, 2),
            real(N, 1), real(30, 3), training(stacks(randomTriples(200, 4))), "small stacks"));

    /** G's samples: the chosen triples, each {@code N / 5} times. */
    private static float[] collapsedSamples() {
        int[][] t = new int[N][];
        for (int i = 0; i < N; i++) {
            t[i] = TRIPLES[i % TRIPLES.length];
        }
        return stacks(t);
    }

    @Test
    void aStackedRunsCardCountsModesOutOfAThousand() {
        Backend.init();
        GanExperiment spec = Presets.loadGan("stacked-dcgan");
        List<GanExperiment> prepared = new ArrayList<>();
        GanScoresViewModel vm = new GanScoresViewModel(new DirectTaskRunner(), (s, m, notes) -> {
            prepared.add(s);
            return stackedSetup;
        });
        assertEquals(GanScoreCurves.MODES_TITLE, vm.modesTitleProperty().get());
        vm.prepare(spec, (count, seed) -> CompletableFuture.completedFuture(new LiveSamples(100,
                new GeneratedSamples(new ScoreCard.Images(collapsedSamples(), count), new int[] {3, 2, 2},
                        "stacked run"))));
        assertTrue(vm.readyProperty().get(), vm.statusProperty().get());
        assertEquals("Modes covered of 1,000, higher", vm.modesTitleProperty().get());

        vm.follow(100, RunState.RUNNING);
        assertEquals(1, vm.cardCount(), vm.statusProperty().get());
        ScoreCard.Result card = vm.lastCardProperty().get().result();
        ScoreLine modes = card.line(ScoreCard.NAMES.get(5));
        assertEquals(TRIPLES.length, modes.value(), "five triples, five modes");
        assertTrue(modes.note().startsWith("of " + StackedMnist.MODES), modes.note());
        assertEquals(N, (int) modes.baseline(), "each real stack here is a triple of its own");
        ScoreLine reverseKl = card.line(ScoreCard.NAMES.get(6));
        assertEquals(Math.log(StackedMnist.MODES / (double) TRIPLES.length), reverseKl.value(), 1e-9,
                "KL(uniform over 5 || uniform over 1,000) = log 200");
        assertEquals(Math.log(StackedMnist.MODES / (double) N), reverseKl.baseline(), 1e-9);
        assertEquals(TRIPLES.length, vm.curves().line(ScoreCard.NAMES.get(5)).value().getY(0).doubleValue());
    }

    @Test
    void theTrainingCurvesOfAStackedRunChartTheDiversityOfItsImages() {
        GanCurves curves = new GanCurves();
        curves.prepare(Presets.loadGan("ring8-nsgan"));
        assertEquals(Metric.MODES_COVERED.label(), curves.metric.getKey());
        curves.prepare(Presets.loadGan("stacked-dcgan"));
        assertEquals(Metric.DIVERSITY.label(), curves.metric.getKey());
        assertEquals(Metric.DIVERSITY_REAL.label(), curves.metricReference.getKey());
    }

    @Test
    void theDigitsScoresAreNotReusedForTheStacks() {
        List<String> prepared = new ArrayList<>();
        GanScoresViewModel vm = new GanScoresViewModel(new DirectTaskRunner(), (s, m, notes) -> {
            prepared.add(s.name());
            return stackedSetup;
        });
        GanScoresViewModel.Sampler none = (count, seed) -> new CompletableFuture<>();
        vm.prepare(Presets.loadGan("mnist-mlp-gan"), none);
        vm.prepare(Presets.loadGan("stacked-dcgan"), none);
        vm.prepare(Presets.loadGan("stacked-dcgan-pacgan"), none);
        assertEquals(List.of("mnist-mlp-gan", "stacked-dcgan"), prepared, "once per data set, stacks apart");
    }
}
