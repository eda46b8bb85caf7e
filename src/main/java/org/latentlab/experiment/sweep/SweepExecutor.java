package org.latentlab.experiment.sweep;

import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;
import org.latentlab.experiment.Checkpoints;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.train.RunState;
import org.latentlab.train.TrainingStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a sweep on this machine, {@code parallel} runs at a time, each an ordinary run folder under
 * {@code SWEEP/runs/NAME/}, each training on one thread of its own. A sweep folder that exists is continued:
 * a run whose newest intact checkpoint is at its last iteration is kept, a cut run resumes from its checkpoint, a
 * run that saved none starts again. A run that fails (a NaN loss, a full disk) is reported and the others go on.
 */
public final class SweepExecutor {

    /** What the sweep is doing, published at most once a second and when a run ends. */
    public record Progress(int total, int done, int kept, int failed, Map<String, Long> running,
                           long elapsedMillis) {
    }

    /** How one run ended: finished (now or before this call), or failed with a message. */
    public record Outcome(SweepPlan.Run run, Path runDir, boolean finished, boolean kept, String message) {
    }

    private SweepExecutor() {
    }

    /**
     * Runs or continues the sweep in {@code sweepDir}; returns each run's outcome in the plan's order. The sweep
     * file is kept as {@code sweep.json}; a folder holding another sweep's runs is refused.
     */
    public static List<Outcome> run(SweepPlan plan, Path sweepDir, int parallel, Consumer<Progress> progress)
            throws InterruptedException {
        prepare(plan, sweepDir);
        int threads = Math.max(1, Math.min(parallel, plan.runs().size()));
        long start = System.nanoTime();
        Map<String, Long> running = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        int[] counts = new int[3]; // done, kept, failed
        Object lock = new Object();
        long[] lastReport = {Long.MIN_VALUE};
        java.util.function.Consumer<Boolean> publish = force -> {
            synchronized (lock) {
                long now = System.nanoTime();
                if (force || lastReport[0] == Long.MIN_VALUE || now - lastReport[0] >= 1_000_000_000L) {
                    lastReport[0] = now;
                    progress.accept(new Progress(plan.runs().size(), counts[0], counts[1], counts[2],
                            Map.copyOf(running), (now - start) / 1_000_000));
                }
            }
        };
        Runnable report = () -> publish.accept(false);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "latentlab-sweep");
            t.setDaemon(true);
            return t;
        });
        List<Future<Outcome>> futures = new ArrayList<>();
        for (SweepPlan.Run run : plan.runs()) {
            futures.add(pool.submit(() -> {
                // runs training side by side each get a process of their own (see RunProcess)
                Outcome o = threads == 1 ? one(plan, run, sweepDir.resolve("runs").resolve(run.name()), running, report)
                        : RunProcess.run(plan, run, sweepDir, it -> {
                            running.put(run.name(), it);
                            report.run();
                        });
                synchronized (lock) {
                    counts[0]++;
                    if (o.kept()) {
                        counts[1]++;
                    }
                    if (!o.finished()) {
                        counts[2]++;
                    }
                }
                running.remove(run.name());
                publish.accept(!o.kept());
                return o;
            }));
        }
        pool.shutdown();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    throw c instanceof RuntimeException r ? r : new LabException(String.valueOf(c.getMessage()), c);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        return outcomes;
    }

    /** Writes sweep.json and base.json, or checks that the folder's is the same sweep (what it reports may differ). */
    public static void prepare(SweepPlan plan, Path sweepDir) {
        Path file = sweepDir.resolve("sweep.json");
        try {
            Files.createDirectories(sweepDir.resolve("runs"));
            if (Files.isRegularFile(file)) {
                SweepSpec old = SweepFiles.read(file);
                if (!SweepFiles.runsPart(old).equals(SweepFiles.runsPart(plan.spec()))) {
                    throw new LabException(sweepDir + " holds another sweep's runs (its sweep.json sets other values,"
                            + " seeds or base): give this sweep another folder (--out), or delete that one");
                }
            }
            AtomicFiles.writeString(file, SweepFiles.toJson(plan.spec()));
            AtomicFiles.writeString(sweepDir.resolve(SweepFiles.BASE), ExperimentFiles.toJson(plan.base()));
        } catch (IOException e) {
            throw new LabException("cannot write the sweep folder " + sweepDir + ": " + e.getMessage(), e);
        }
    }

    /** The run folder under {@code root}, or null when none has been made. */
    static Path existingRun(Path root) {
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("spec.json")))
                    .max(Comparator.comparing(Path::getFileName)).orElse(null);
        } catch (IOException e) {
            throw new LabException("cannot read " + root + ": " + e.getMessage(), e);
        }
    }

    /** The iteration of the run's newest intact checkpoint, or -1. */
    static long savedIteration(Path runDir) {
        Path c = Checkpoints.newestIntact(runDir);
        return c == null ? -1 : Checkpoints.iterationOf(c);
    }

    /**
     * Runs, continues or keeps one run of the sweep in {@code sweepDir} on the calling thread, telling
     * {@code iteration} its progress; the folder must have been prepared ({@link #prepare}).
     */
    public static Outcome runOne(SweepPlan plan, SweepPlan.Run run, Path sweepDir,
                                 java.util.function.LongConsumer iteration) throws InterruptedException {
        Map<String, Long> running = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        return one(plan, run, sweepDir.resolve("runs").resolve(run.name()), running,
                () -> iteration.accept(running.getOrDefault(run.name(), 0L)));
    }

    /**
     * Runs, continues or keeps one run of the sweep in {@code sweepDir} in a Java process of its own (a cluster's
     * task, where several tasks share a process), waiting for it; the folder must have been prepared.
     */
    public static Outcome runInProcess(SweepPlan plan, SweepPlan.Run run, Path sweepDir) throws InterruptedException {
        return RunProcess.run(plan, run, sweepDir, it -> { });
    }

    private static Outcome one(SweepPlan plan, SweepPlan.Run run, Path root, Map<String, Long> running,
                               Runnable report) throws InterruptedException {
        Path existing = existingRun(root);
        long saved = existing == null ? -1 : savedIteration(existing);
        if (existing != null && saved >= run.experiment().iterations()) {
            return new Outcome(run, existing, true, true, null);
        }
        if (existing != null && saved < 0) {
            deleteTree(existing); // started but saved nothing: nothing in it can be continued
            existing = null;
        }
        running.put(run.name(), Math.max(0, saved));
        ExperimentRunner.Options options = new ExperimentRunner.Options(existing == null ? root : null,
                plan.baseDir(), 1000, 3_600_000);
        ExperimentRunner.Session<?, ? extends TrainingStatus> session;
        try {
            session = existing == null ? ExperimentRunner.start(run.experiment(), options)
                    : ExperimentRunner.resume(existing, options);
        } catch (LabException e) {
            return new Outcome(run, existing, false, false, e.getMessage());
        }
        try (session) {
            TrainingStatus last = follow(session, run, running, report);
            Path dir = session.runDir();
            if (last != null && last.state() == RunState.FINISHED) {
                return new Outcome(run, dir, true, false, null);
            }
            String why = last == null ? "the training thread stopped before it reported anything" : last.message();
            return new Outcome(run, dir, false, false, why == null ? "stopped at iteration "
                    + (last == null ? 0 : last.iteration()) : why);
        }
    }

    @SuppressWarnings("unchecked")
    private static TrainingStatus follow(ExperimentRunner.Session<?, ? extends TrainingStatus> session,
                                         SweepPlan.Run run, Map<String, Long> running, Runnable report)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<TrainingStatus> last = new AtomicReference<>();
        var trainingRun = (org.latentlab.train.TrainingRun<?, TrainingStatus>) session.run();
        trainingRun.subscribe(status -> {
            last.set(status);
            switch (status.state()) {
                case READY -> trainingRun.start();
                case RUNNING -> {
                    running.put(run.name(), status.iteration());
                    report.run();
                }
                case FINISHED, FAILED, PAUSED -> done.countDown();
                default -> {
                }
            }
        });
        while (!done.await(1, TimeUnit.SECONDS)) {
            if (!trainingRun.isAlive()) {
                break;
            }
        }
        return last.get();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new LabException("cannot clear the cut run " + dir + ": " + e.getMessage(), e);
        }
    }
}
