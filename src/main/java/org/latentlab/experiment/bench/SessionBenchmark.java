package org.latentlab.experiment.bench;

import org.latentlab.core.LabException;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.StudioModels;
import org.latentlab.latent.DecodeService;
import org.latentlab.latent.LatentModel;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.RunState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A long session of the window, headless: presets opened one after another the way the GAN bench and the model
 * bench open them ({@link ExperimentRunner#start}, a listener subscribed, Start, then
 * the next preset built before the old run of that bench is closed), with now and then a quick model in the latent
 * studio ({@link StudioModels#trainQuick} decoded on a {@link DecodeService}, closed when the next replaces it).
 * After each step it reads the resident set size ({@code VmRSS} of /proc/self/status); it never collects by itself,
 * so what it measures is what the lab's own code gives back. Criterion: the end within {@value #LIMIT}x of the value after the first step.
 */
public final class SessionBenchmark {

    /** The end may be at most this multiple of the resident size after the first step. */
    public static final double LIMIT = 1.5;

    /** How long after a step the resident size is read. */
    static final long SETTLE_MILLIS = 2_000;

    /** A dozen presets of both benches, small and large nets, every family; "studio:" trains a quick model. */
    public static final List<String> DEFAULT_STEPS = List.of("ring8-nsgan", "mnist-ae", "mnist-mlp-gan",
            "mnist-vae", "ring8-wgangp", "studio:mnist-vae", "mnist-dae", "fashion-dcgan", "mnist-rbm",
            "grid25-nsgan", "mnist-conv-ae", "studio:mnist-ae", "spiral-nsgan", "mnist-vae-2d");

    /**
     * One step: what was opened, how far it trained, and the memory at its end: resident, the Java heap in use and
     * the heap the JVM holds (part of the resident size).
     */
    public record Row(int step, String name, long iterations, double seconds, long rssBytes, long heapBytes,
                      long heapCommittedBytes) {
    }

    /** All steps; {@link #ratio()} is the last row's resident size over the first's. */
    public record Result(List<Row> rows) {
        public double ratio() {
            return (double) rows.get(rows.size() - 1).rssBytes() / rows.get(0).rssBytes();
        }

        public boolean passed() {
            return ratio() <= LIMIT;
        }
    }

    private SessionBenchmark() {
    }

    /**
     * Opens each step in turn, {@code rounds} times over, training each run for {@code iterations} iterations or
     * {@code seconds}, whichever comes first. As in the window, each bench holds one experiment: it starts with
     * both benches' default presets built (as the window opens), and a preset replaces the experiment of its own
     * bench (the GAN bench's or the model bench's; a studio model the studio's). Run folders go under
     * {@code runsRoot} (null: none written).
     */
    public static Result run(List<String> steps, int rounds, long iterations, double seconds, Path runsRoot,
                             Consumer<Row> report) {
        return run(steps, rounds, iterations, seconds, SETTLE_MILLIS, runsRoot, report);
    }

    /**
     * As {@link #run(List, int, long, double, Path, Consumer)}, settling only {@code betweenMillis} after the steps
     * between the first and the last (a person choosing quickly). The first and the last step, whose resident sizes
     * the criterion compares, still settle {@link #SETTLE_MILLIS}, so the two are read alike.
     */
    static Result run(List<String> steps, int rounds, long iterations, double seconds, long betweenMillis,
                      Path runsRoot, Consumer<Row> report) {
        int total = rounds * steps.size();
        ExperimentRunner.Options options = new ExperimentRunner.Options(runsRoot, Path.of("."), 100, 250);
        List<Row> rows = new ArrayList<>();
        ExperimentRunner.Session<?, ?> gan = ExperimentRunner.start(Presets.loadGan(Presets.defaultName()), options);
        ExperimentRunner.Session<?, ?> models = ExperimentRunner.start(Presets.loadReconstruction(Presets.reconstructions().get(0)), options);
        StudioSession studio = null;
        int step = 0;
        try {
            for (int r = 0; r < rounds; r++) {
                for (String name : steps) {
                    step++;
                    long t0 = System.nanoTime();
                    long done;
                    if (name.startsWith("studio:")) {
                        StudioSession next = StudioSession.train(name.substring("studio:".length()), iterations);
                        if (studio != null) {
                            studio.close();
                        }
                        studio = next;
                        done = studio.decode(seconds);
                    } else {
                        boolean model = Presets.reconstructs(name);
                        ExperimentRunner.Session<?, ?> next = model ? ExperimentRunner.start(Presets.loadReconstruction(name), options)
                                : ExperimentRunner.start(Presets.loadGan(name), options);
                        // as the benches do: the new run is built, then the old one of that bench closed
                        if (model) {
                            models.close();
                            models = next;
                        } else {
                            gan.close();
                            gan = next;
                        }
                        done = train(next.run(), iterations, seconds);
                    }
                    // as a person looks at the result before choosing the next preset (a paused run gives back what
                    // its last iterations left behind a second after pausing)
                    sleep(step == 1 || step == total ? SETTLE_MILLIS : betweenMillis);
                    Runtime rt = Runtime.getRuntime();
                    Row row = new Row(step, name, done, (System.nanoTime() - t0) / 1e9,
                            NativeMemory.residentBytes(), rt.totalMemory() - rt.freeMemory(), rt.totalMemory());
                    rows.add(row);
                    report.accept(row);
                }
            }
        } finally {
            gan.close();
            models.close();
            if (studio != null) {
                studio.close();
            }
        }
        return new Result(rows);
    }

    /** Subscribes as a bench does (so views are made), starts, and waits for the iterations or the time. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static long train(TrainingRun run, long iterations, double seconds) {
        long[] iteration = {0};
        RunState[] state = {RunState.STARTING};
        Consumer listener = s -> {
            TrainingRun.Progress p = progressOf(s);
            if (p != null) {
                iteration[0] = p.iteration();
                state[0] = p.state();
            }
        };
        run.subscribe(listener);
        long end = System.nanoTime() + (long) (seconds * 1e9) + TimeUnit.SECONDS.toNanos(60);
        while (run.state() == RunState.STARTING && System.nanoTime() < end) {
            sleep(10);
        }
        if (run.state() == RunState.FAILED) {
            throw new LabException("the run failed to build");
        }
        run.start();
        long stop = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < stop && iteration[0] < iterations && run.state() != RunState.FINISHED
                && run.state() != RunState.FAILED) {
            sleep(20);
        }
        run.pause();
        run.unsubscribe(listener);
        return iteration[0];
    }

    private static TrainingRun.Progress progressOf(Object status) {
        if (status instanceof org.latentlab.train.ReconstructionStatus m) {
            return m.progress();
        }
        if (status instanceof org.latentlab.train.GanStatus t) {
            return new TrainingRun.Progress(t.state(), t.iteration(), t.maxIterations(), t.elapsedMillis(),
                    t.itersPerSecond(), t.message(), t.fault());
        }
        return null;
    }

    /**
     * The latent studio's quick model as the studio holds it: trained on the caller's thread, decoded on its own
     * service while it is shown, closed when the next one replaces it (the studio's screen then releases memory).
     */
    private static final class StudioSession {
        private final LatentModel model;
        private final DecodeService decodes;
        private final long iterations;

        private StudioSession(LatentModel model, long iterations) {
            this.model = model;
            this.decodes = new DecodeService(model, "bench-studio-decode");
            this.iterations = iterations;
        }

        static StudioSession train(String preset, long iterations) {
            StudioModels.Studio studio = StudioModels.trainQuick(Presets.loadReconstruction(preset), iterations, null);
            return new StudioSession(studio.models().get(), iterations);
        }

        /**
         * Decodes batches of codes, as slider drags do, for {@code seconds} (at least 20 batches); returns the
         * iterations the model was trained for.
         */
        long decode(double seconds) {
            Random random = new Random(1);
            long end = System.nanoTime() + (long) (seconds * 1e9);
            for (int i = 0; i < 20 || System.nanoTime() < end; i++) {
                double[][] codes = new double[64][model.codeSize()];
                for (double[] c : codes) {
                    for (int j = 0; j < c.length; j++) {
                        c[j] = random.nextGaussian();
                    }
                }
                decodes.submit(codes).join();
            }
            return iterations;
        }

        void close() {
            decodes.close();
            NativeMemory.releaseSoon();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted");
        }
    }
}
