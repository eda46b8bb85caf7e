package org.latentlab.cli;

import org.latentlab.experiment.ExperimentData;
import org.latentlab.data.DataSource;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.bench.SessionBenchmark;
import org.latentlab.train.Backend;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Iterations per second of the bundled GANs (one D and one G update per iteration), as medians over repeated
 * windows after a warm-up, for each thread count asked for; the same beside PyTorch ({@link VersusPyTorch}); and a
 * memory soak that reports the resident set size.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed (median it/s) of the ring8, MNIST MLP and DCGAN nets, the MLP autoencoder"
                + " and the VAE; --vs-pytorch beside PyTorch on the same nets and geometry-bench's workloads, in one table;"
                + " --soak N for memory; --session R for memory over a long session of switching presets.")
final class BenchCommand implements Runnable {

    /** The training nets measured by default. */
    static final List<String> TRAINING = List.of("ring8-nsgan", "mnist-mlp-gan", "fashion-dcgan", "mnist-ae",
            "mnist-vae");

    @Option(names = "--nets", split = ",", description = "presets or experiment files to measure (default: "
            + "ring8-nsgan,mnist-mlp-gan,fashion-dcgan,mnist-ae,mnist-vae; with --vs-pytorch also geometry-hvp,"
            + "geometry-top5,geometry-surface,geometry-jacobian, the workloads of geometry-bench)")
    List<String> nets;

    @Option(names = "--threads", split = ",", description = "thread counts (default: 1,2; with --vs-pytorch one"
            + " count, default 1)")
    List<Integer> threads;

    @Option(names = "--vs-pytorch", description = "measure beside bench/pytorch_yardstick.py (PyTorch on the same"
            + " nets), alternating rounds, and print one table with the ratio of the speeds")
    boolean vsPytorch;

    @Option(names = "--python", paramLabel = "PYTHON", description = "the python with PyTorch for --vs-pytorch"
            + " (default: python3 on the PATH, else /usr/bin/python3)")
    String python;

    @Option(names = "--yardstick", paramLabel = "FILE", description = "the yardstick script (default: "
            + "bench/pytorch_yardstick.py in the lab's folder)")
    Path yardstick;

    @Option(names = "--seconds", defaultValue = "3", description = "length of one measured window")
    double seconds;

    @Option(names = "--repeats", defaultValue = "5", description = "measured windows per net and thread count")
    int repeats;

    @Option(names = "--soak", paramLabel = "N", description = "instead: train one net for N iterations, report RSS"
            + " at ten points, as sampled and as retained after a collection")
    Long soak;

    @Option(names = "--soak-net", defaultValue = "ring8-nsgan", description = "the preset the soak trains")
    String soakNet;

    /** The most threads a measurement may ask for. */
    static final int MAX_THREADS = 256;

    @Option(names = "--session", paramLabel = "ROUNDS", description = "instead: a long session of the window,"
            + " headless: open the --session-steps presets in turn ROUNDS times (as the benches open them), report"
            + " resident memory after each; passes when the end is within 1.5x of the first step")
    Integer session;

    @Option(names = "--session-steps", split = ",", description = "presets (studio:PRESET: a latent studio quick model)"
            + " the session opens (default: a dozen of both benches and two studio models)")
    List<String> sessionSteps;

    @Option(names = "--session-iterations", defaultValue = "300", description = "iterations per step (at most)")
    long sessionIterations;

    @Option(names = "--session-seconds", defaultValue = "8", description = "seconds per step (at most)")
    double sessionSeconds;

    @Override
    public void run() {
        if (threads == null) {
            threads = vsPytorch ? List.of(1) : List.of(1, 2);
        }
        if (nets == null) {
            nets = new ArrayList<>(TRAINING);
            if (vsPytorch) {
                nets.addAll(VersusPyTorch.GEOMETRY);
            }
        }
        checkOptions();
        if (vsPytorch) {
            versusPyTorch();
            return;
        }
        Backend.init();
        if (soak != null) {
            soak(soak);
            return;
        }
        if (session != null) {
            session(session);
            return;
        }
        System.out.printf(Locale.ROOT, "%-16s %7s %10s %10s %10s  %s%n", "net", "threads", "median", "min", "max",
                "(it/s; an iteration: one D + one G update for a GAN, one encoder + decoder update otherwise)");
        for (String name : nets) {
            if (VersusPyTorch.GEOMETRY.contains(name)) {
                throw new org.latentlab.core.LabException(name + " is a geometry workload: time it with"
                        + " geometry-bench, or beside PyTorch with bench --vs-pytorch");
            }
            for (int t : threads) {
                Backend.configureThreads(t);
                BenchNet net = BenchNet.open(name);
                double[] sorted = measure(net.trainer()).clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%-16s %7d %10.1f %10.1f %10.1f  batch %d%s%n", name, t,
                        sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], net.batch(),
                        net.family().isEmpty() ? "" : " (" + net.family() + ")");
            }
        }
        Backend.configureThreads(Backend.requestedThreads());
    }

    /** The table beside PyTorch: the yardstick starts first, so that a missing python or torch is said at once. */
    private void versusPyTorch() {
        int t = threads.get(0);
        Path script = PyTorchYardstick.locateScript(yardstick, Path.of("."));
        try (PyTorchYardstick torch = PyTorchYardstick.start(python, script, t)) {
            Backend.init();
            Backend.configureThreads(t);
            VersusPyTorch.Geometry geometry = new VersusPyTorch.Geometry(
                    org.latentlab.analysis.bench.GeometryBenchmark.Config.standard());
            new VersusPyTorch(seconds, repeats, System.err).run(nets, name -> {
                if (VersusPyTorch.GEOMETRY.contains(name)) {
                    return geometry.open(name);
                }
                BenchNet net = BenchNet.open(name);
                return new VersusPyTorch.Workload(name, name + ", batch " + net.batch(), SideBySide.Unit.PER_SECOND,
                        net.trainer()::iterate, java.util.Map.of());
            }, torch, t, System.out);
        } finally {
            Backend.configureThreads(Backend.requestedThreads());
        }
    }

    /**
     * A net of the bench, built to train: a GAN (one D and one G update per iteration) or an autoencoder / VAE /
     * RBM (one update of both networks).
     *
     * @param family the reconstruction family's id, empty for a GAN
     */
    record BenchNet(org.latentlab.train.Trainer trainer, int batch, String family) {

        static BenchNet open(String name) {
            Path file = Path.of(name);
            if (Files.exists(file) ? org.latentlab.experiment.ExperimentFiles.familyOf(
                    org.latentlab.experiment.ExperimentFiles.readText(file), name) == Family.SBN
                    : Presets.sbns().contains(name)) {
                org.latentlab.experiment.SbnExperiment spec = Files.exists(file)
                        ? org.latentlab.experiment.ExperimentFiles.readSbn(file) : Presets.loadSbn(name);
                DataSource train = ExperimentData.split(ExperimentData.open(spec, Path.of(".")), spec.heldOut(),
                        spec.seed()).train();
                return new BenchNet(ExperimentRunner.buildTrainer(spec, train), spec.sbn().batch(),
                        spec.family().id());
            }
            if (Files.exists(file) ? !org.latentlab.experiment.ExperimentFiles.isGan(
                    org.latentlab.experiment.ExperimentFiles.readText(file), name) : Presets.reconstructs(name)) {
                org.latentlab.experiment.ReconstructionExperiment spec = Files.exists(file)
                        ? org.latentlab.experiment.ExperimentFiles.readReconstruction(file)
                        : Presets.loadReconstruction(name);
                DataSource data = ExperimentData.open(spec.dataset(), Path.of("."),
                        org.latentlab.data.ImageScale.ZERO_TO_ONE);
                DataSource train = ExperimentData.split(data, spec.heldOut(), spec.seed()).train();
                return new BenchNet(ExperimentRunner.buildTrainer(spec, train, DataType.FLOAT),
                        spec.training() == null ? spec.rbm().batchSize() : spec.training().batchSize(),
                        spec.family().id());
            }
            GanExperiment spec = name.endsWith(".json") && Files.exists(file)
                    ? org.latentlab.experiment.ExperimentFiles.readGan(file) : Presets.loadGan(name);
            DataSource data = ExperimentData.open(spec, Path.of("."));
            return new BenchNet(ExperimentRunner.buildTrainer(spec, data, DataType.FLOAT),
                    spec.training().batchSize(), "");
        }
    }

    /** Zero, negative and absurd counts are refused before anything is built. */
    private void checkOptions() {
        if (session != null) {
            OptionChecks.within("--session", session, 1, 100, "rounds through the presets");
            OptionChecks.within("--session-iterations", sessionIterations, 1, 1_000_000, "iterations per step");
            OptionChecks.within("--session-seconds", sessionSeconds, 0, true, 3600);
        }
        if (soak != null) {
            OptionChecks.within("--soak", soak, 1, 100_000_000, "iterations of " + soakNet
                    + " (a memory soak needs some thousands)");
            return;
        }
        OptionChecks.within("--repeats", repeats, 1, 1000, "measured windows per net and thread count");
        OptionChecks.within("--seconds", seconds, 0, true, 600);
        if (vsPytorch && threads.size() != 1) {
            throw new org.latentlab.core.LabException("--vs-pytorch compares at one thread count, not " + threads
                    + ": give --threads N");
        }
        for (String name : nets) {
            if (!Presets.NAMES.contains(name) && !VersusPyTorch.GEOMETRY.contains(name)
                    && !Files.exists(Path.of(name))) {
                Presets.family(name); // says which presets there are
            }
        }
        for (int t : threads) {
            OptionChecks.within("--threads", t, 1, MAX_THREADS, "thread counts; this machine has "
                    + Runtime.getRuntime().availableProcessors() + " cores");
        }
    }

    private double[] measure(org.latentlab.train.Trainer trainer) {
        VersusPyTorch.warmUp(trainer::iterate);
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            rates[r] = VersusPyTorch.window(trainer::iterate, seconds);
        }
        return rates;
    }

    private void soak(long iterations) {
        GanExperiment spec = Presets.loadGan(soakNet);
        GanTrainer trainer = ExperimentRunner.buildTrainer(spec,
                ExperimentData.open(spec, Path.of(".")), DataType.FLOAT);
        long step = Math.max(1, iterations / 10);
        List<long[]> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        System.out.println("iteration    rss_MB   heap_MB  retained_MB  heap_committed_MB   it/s");
        long trainingNanos = 0;
        for (long i = 1; i <= iterations; i++) {
            long s = System.nanoTime();
            trainer.iterate();
            trainingNanos += System.nanoTime() - s;
            if (i % step == 0) {
                long rss = NativeMemory.residentBytes() / 1024;
                long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024;
                // what stays after a collection: the run's own memory, without the garbage waiting for the next one
                settle();
                long retained = NativeMemory.residentBytes() / 1024;
                long committed = Runtime.getRuntime().totalMemory() / 1024;
                rows.add(new long[] {i, rss, heap, retained});
                System.out.printf(Locale.ROOT, "%9d %9.1f %9.1f %12.1f %18.1f %6.0f%n", i, rss / 1024.0,
                        heap / 1024.0, retained / 1024.0, committed / 1024.0, i * 1e9 / trainingNanos);
            }
        }
        if (rows.size() >= 2) {
            long[] first = rows.get(0);
            long[] last = rows.get(rows.size() - 1);
            double ratio = (double) last[3] / first[3];
            long peak = rows.stream().mapToLong(r -> r[1]).max().orElse(0);
            System.out.printf(Locale.ROOT, "retained RSS at %d vs %d iterations: %.3f (flat within 10%%: %s);"
                    + " resident between collections at most %.0f MB%n", last[0], first[0], ratio,
                    Math.abs(ratio - 1) <= 0.10 ? "yes" : "no", peak / 1024.0);
        }
    }

    /**
     * A collection, then time for ND4J's deallocator threads to free the native buffers it made unreachable (they
     * work after the collection, asynchronously), then the allocator's free pages handed back.
     */
    private static void settle() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        NativeMemory.release();
    }

    private void session(int rounds) {
        List<String> steps = sessionSteps == null ? SessionBenchmark.DEFAULT_STEPS : sessionSteps;
        Path runs;
        try {
            runs = Files.createTempDirectory("latentlab-session");
        } catch (IOException e) {
            throw new org.latentlab.core.LabException("cannot make a folder for the session's runs: " + e.getMessage());
        }
        System.out.println("step  preset                 iterations  seconds    rss_MB   heap_MB  heap_committed_MB");
        SessionBenchmark.Result result = SessionBenchmark.run(steps, rounds, sessionIterations, sessionSeconds, runs,
                r -> System.out.printf(Locale.ROOT, "%4d  %-22s %10d %8.1f %9.1f %9.1f %18.1f%n", r.step(), r.name(),
                        r.iterations(), r.seconds(), r.rssBytes() / 1048576.0, r.heapBytes() / 1048576.0,
                        r.heapCommittedBytes() / 1048576.0));
        System.out.printf(Locale.ROOT, "resident at the end / after the first step: %.2f (within %.1fx: %s)%n",
                result.ratio(), SessionBenchmark.LIMIT, result.passed() ? "yes" : "no");
        try (var files = Files.walk(runs)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + runs + ": " + e.getMessage());
        }
    }
}
