package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.data.DataSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Templates;
import org.latentlab.train.RunState;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run's owner thread on a tiny FLOAT GAN (ring8, G and D 2-16-16, batch 32, fixed seeds): single steps,
 * free running with pause and resume, and reset all land on exactly the parameters of the same number of updates.
 */
class TrainingRunTest {

    private static final long MAX_ITERATIONS = 1_000_000;
    private static final long TIMEOUT_S = 30;

    private final List<TrainingRun> runs = new ArrayList<>();

    @AfterEach
    void closeRuns() {
        runs.forEach(TrainingRun::close);
    }

    /** What a test reads from the training thread: counters and copies of both networks' parameters. */
    private record Snapshot(long iteration, long discriminatorUpdates, long generatorUpdates, float[] g, float[] d) {
        static Snapshot of(GanTrainer t) {
            return new Snapshot(t.iteration(), t.discriminatorUpdates(), t.generatorUpdates(),
                    t.generator().params().dup().toFloatVector(), t.discriminator().params().dup().toFloatVector());
        }

        void assertSameParameters(Snapshot other, String what) {
            assertArrayEquals(other.g, g, what + ": G parameters");
            assertArrayEquals(other.d, d, what + ": D parameters");
        }
    }

    /** A run plus the trainer it built (touched only through {@link #onThread}). */
    private static final class Harness {
        final AtomicReference<GanTrainer> trainer = new AtomicReference<>();
        final List<GanStatus> statuses = new CopyOnWriteArrayList<>();
        final List<RunState> stops = new CopyOnWriteArrayList<>();
        TrainingRun<GanTrainer, GanStatus> run;

        <T> T onThread(Function<GanTrainer, T> f) throws Exception {
            CompletableFuture<T> result = new CompletableFuture<>();
            run.post(() -> {
                try {
                    result.complete(f.apply(trainer.get()));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            return result.get(TIMEOUT_S, TimeUnit.SECONDS);
        }

        Snapshot snapshot() throws Exception {
            return onThread(Snapshot::of);
        }

        long iteration() throws Exception {
            return onThread(GanTrainer::iteration);
        }

        void awaitIteration(long atLeast) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            while (iteration() < atLeast) {
                assertTrue(System.nanoTime() < end, "the run did not reach iteration " + atLeast);
                Thread.sleep(5);
            }
        }
    }

    private static GanTrainer tinyGan(DataSource data) {
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        MultiLayerNetwork g = NetworkCompiler.compile(pair.generator(), adam, 7, DataType.FLOAT);
        MultiLayerNetwork d = NetworkCompiler.compile(pair.discriminator(), adam, 8, DataType.FLOAT);
        GanSettings settings = new GanSettings(GanLoss.NON_SATURATING, 1, 32, adam, adam, false, 0, 0, 0);
        return new GanTrainer(g, d, data, settings, 2, 99);
    }

    private Harness launch(TrainingRun.TrainerFactory<GanTrainer> factory) {
        Harness h = new Harness();
        TrainingRun.Hooks<GanTrainer, GanStatus> hooks = new TrainingRun.Hooks<>() {
            @Override
            public boolean onStop(GanTrainer trainer, RunState state) {
                h.stops.add(state);
                return false;
            }

            @Override
            public GanStatus status(TrainingRun.Progress progress, GanTrainer trainer, boolean withView) {
                return GanStatus.of(progress, trainer, null, null);
            }
        };
        h.run = new TrainingRun<>(() -> {
            GanTrainer t = factory.create();
            h.trainer.set(t);
            return t;
        }, hooks, MAX_ITERATIONS, 10, 10);
        h.run.subscribe(h.statuses::add);
        runs.add(h.run);
        h.run.launch();
        return h;
    }

    private Harness launchTinyGan() {
        return launch(() -> tinyGan(ToyDistribution.named("ring8")));
    }

    @Test
    void stepBothEqualsStepDiscriminatorThenStepGenerator() throws Exception {
        Harness a = launchTinyGan();
        for (int i = 0; i < 30; i++) {
            a.run.step();
        }
        Snapshot both = a.snapshot();

        Harness b = launchTinyGan();
        for (int i = 0; i < 30; i++) {
            b.run.stepPart(GanTrainer.DISCRIMINATOR);
            b.run.stepPart(GanTrainer.GENERATOR);
        }
        Snapshot split = b.snapshot();

        assertEquals(30, both.iteration());
        assertEquals(30, both.discriminatorUpdates());
        assertEquals(30, both.generatorUpdates());
        assertEquals(30, split.discriminatorUpdates());
        assertEquals(30, split.generatorUpdates());
        split.assertSameParameters(both, "30 x (step D, step G) vs 30 x step both");
        Snapshot fresh = Snapshot.of(tinyGan(ToyDistribution.named("ring8")));
        assertFalse(Arrays.equals(fresh.g(), both.g()), "30 steps should have moved G");
        assertFalse(Arrays.equals(fresh.d(), both.d()), "30 steps should have moved D");
        assertEquals(RunState.PAUSED, a.run.state());
    }

    @Test
    void pauseStopsTheRunAndResumingMatchesSingleSteps() throws Exception {
        Harness free = launchTinyGan();
        free.run.start();
        free.awaitIteration(15);
        free.run.pause();
        Snapshot first = free.snapshot();
        assertEquals(RunState.PAUSED, free.run.state());
        Thread.sleep(150);
        assertEquals(first.iteration(), free.iteration(), "a paused run must not iterate");

        free.run.start();
        free.awaitIteration(first.iteration() + 15);
        free.run.pause();
        Snapshot second = free.snapshot();
        assertEquals(RunState.PAUSED, free.run.state());
        assertTrue(second.iteration() > first.iteration());

        Harness stepped = launchTinyGan();
        for (long i = 0; i < first.iteration(); i++) {
            stepped.run.step();
        }
        stepped.snapshot().assertSameParameters(first, first.iteration() + " free iterations vs as many steps");
        for (long i = first.iteration(); i < second.iteration(); i++) {
            stepped.run.step();
        }
        Snapshot steppedSecond = stepped.snapshot();
        assertEquals(second.iteration(), steppedSecond.iteration());
        steppedSecond.assertSameParameters(second, "after resume and pause, " + second.iteration() + " iterations");
        assertTrue(free.stops.contains(RunState.PAUSED), "onStop hears about the pause");
    }

    @Test
    void statusesArePublishedWithIncreasingIterations() throws Exception {
        Harness h = launchTinyGan();
        h.run.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (h.statuses.stream().filter(s -> s.state() == RunState.RUNNING && s.iteration() > 0).count() < 5) {
            assertTrue(System.nanoTime() < end, "too few statuses: " + h.statuses.size());
            Thread.sleep(5);
        }
        h.run.pause();
        long last = h.iteration();

        List<GanStatus> all = List.copyOf(h.statuses);
        assertEquals(RunState.READY, all.get(0).state());
        assertEquals(0, all.get(0).iteration());
        long previous = -1;
        long previousRunning = -1;
        for (GanStatus s : all) {
            assertTrue(s.iteration() >= previous, "iterations never go back: " + all);
            previous = s.iteration();
            assertEquals(MAX_ITERATIONS, s.maxIterations());
            if (s.state() == RunState.RUNNING) {
                assertTrue(s.iteration() > previousRunning, "running statuses strictly increase: " + all);
                previousRunning = s.iteration();
                if (s.iteration() > 0) {
                    assertTrue(Double.isFinite(s.discriminatorLoss()) && Double.isFinite(s.generatorLoss()), s
                            .toString());
                    assertTrue(s.discriminatorGradNorm() > 0 && s.generatorGradNorm() > 0, s.toString());
                }
            }
        }
        GanStatus finalStatus = all.get(all.size() - 1);
        assertEquals(RunState.PAUSED, finalStatus.state());
        assertFalse(finalStatus.fault(), "a pause a person asked for is not a fault");
        assertEquals(last, finalStatus.iteration());
    }

    @Test
    void resetReturnsToIterationZeroAndTheInitialParameters() throws Exception {
        Harness h = launchTinyGan();
        for (int i = 0; i < 5; i++) {
            h.run.step();
        }
        Snapshot trained = h.snapshot();
        Snapshot fresh = Snapshot.of(tinyGan(ToyDistribution.named("ring8")));
        assertEquals(5, trained.iteration());
        assertFalse(Arrays.equals(fresh.g(), trained.g()));

        h.run.reset();
        Snapshot afterReset = h.snapshot();

        assertEquals(0, afterReset.iteration());
        assertEquals(0, afterReset.discriminatorUpdates());
        assertEquals(0, afterReset.generatorUpdates());
        afterReset.assertSameParameters(fresh, "after reset");
        assertEquals(RunState.READY, h.run.state());
    }

    /** ring8, but every sample after the first {@code goodCalls} calls is NaN. */
    private static final class PoisonedAfter implements DataSource {
        private final DataSource ring = ToyDistribution.named("ring8");
        private final int goodCalls;
        private int calls;

        PoisonedAfter(int goodCalls) {
            this.goodCalls = goodCalls;
        }

        @Override
        public String name() {
            return "poisoned ring8";
        }

        @Override
        public int[] shape() {
            return ring.shape();
        }

        @Override
        public void sample(int n, Random rng, float[] out) {
            ring.sample(n, rng, out);
            if (++calls > goodCalls) {
                Arrays.fill(out, Float.NaN);
            }
        }

        @Override
        public String contentHash() {
            return "poisoned";
        }
    }

    @Test
    void aNonFiniteLossPausesTheRunAndSaysWhichLossAndWhen() throws Exception {
        // One real batch per D step and k = 1: batches 1..5 are fine, so the D loss of iteration 5 is NaN.
        Harness h = launch(() -> tinyGan(new PoisonedAfter(5)));
        h.run.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (h.statuses.stream().noneMatch(s -> s.state() == RunState.PAUSED || s.state() == RunState.FAILED)) {
            assertTrue(System.nanoTime() < end, "the run never stopped: " + h.statuses);
            Thread.sleep(5);
        }
        GanStatus stopped = h.statuses.stream()
                .filter(s -> s.state() == RunState.PAUSED || s.state() == RunState.FAILED).findFirst().orElseThrow();

        assertEquals(RunState.PAUSED, stopped.state(), stopped.message());
        assertTrue(stopped.fault(), "a pause on a non-finite loss is marked as a fault");
        assertTrue(stopped.message().contains("D loss") && stopped.message().contains("iteration 5"),
                stopped.message());
        assertEquals(5, stopped.iteration());
        assertEquals(RunState.PAUSED, h.run.state());
        assertEquals(List.of(RunState.PAUSED), List.copyOf(h.stops));
        Snapshot kept = h.snapshot();
        assertEquals(5, kept.iteration());
        for (float v : kept.d()) {
            assertTrue(Float.isFinite(v), "the failed step must not have touched D");
        }
        Thread.sleep(50);
        assertEquals(5, h.iteration(), "a paused run stays paused");
    }

    // awaitIdle counts commands in flight: the owner thread takes a command off the queue before running it, so an
    // empty queue alone does not mean idle (here a 300 ms task; in practice a step).
    @Test
    void awaitIdleWaitsForAPostedCommandToFinish() throws Exception {
        Harness h = launchTinyGan();
        h.snapshot(); // the trainer is built and the thread waits for commands
        AtomicReference<Boolean> done = new AtomicReference<>(false);
        h.run.post(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.set(true);
        });

        h.run.awaitIdle(5_000);

        assertTrue(done.get(), "awaitIdle returned while a posted command was still running");
    }

    @Test
    void aNonFiniteGeneratorLossIsNamed() {
        GanTrainer trainer = tinyGan(ToyDistribution.named("ring8"));
        trainer.iterate();
        trainer.iterate();
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                () -> trainer.generatorGradient(Nd4j.valueArrayOf(new long[] {4, 2}, Float.NaN, DataType.FLOAT)));
        assertEquals("G loss", e.lossName());
        assertEquals(2, e.iteration());
        assertTrue(e.getMessage().contains("G loss") && e.getMessage().contains("iteration 2"), e.getMessage());
    }

    @Test
    void singleStepsAreCountedUntilTheNextWholeIteration() {
        GanTrainer trainer = tinyGan(ToyDistribution.named("ring8"));
        trainer.stepPart(GanTrainer.DISCRIMINATOR);
        trainer.stepPart(GanTrainer.DISCRIMINATOR);
        trainer.stepPart(GanTrainer.GENERATOR);
        assertEquals(0, trainer.iteration(), "single steps are not an iteration");
        assertEquals(2, trainer.partialDiscriminatorSteps());
        assertEquals(1, trainer.partialGeneratorSteps());
        GanStatus s = GanStatus.of(new TrainingRun.Progress(RunState.PAUSED, 0, 10, 0, Double.NaN, "", false),
                trainer, null, null);
        assertEquals(3, s.partialSteps());
        assertTrue(Double.isFinite(s.discriminatorLoss()) && Double.isFinite(s.generatorLoss()), s.toString());
        trainer.iterate();
        assertEquals(1, trainer.iteration());
        assertEquals(0, trainer.partialDiscriminatorSteps() + trainer.partialGeneratorSteps());
    }
}
