package org.latentlab.experiment.sweep;

import org.latentlab.core.LabException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One run of a sweep in a Java process of its own ({@code latentlab sweep-run}), for runs that train at the same
 * time: two networks training on two threads of one process were not reproducible here (the same run gave other
 * losses after a few hundred iterations when another trained beside it), while one run per process is, bit for bit.
 * The child has this process's class path and JVM options; it prints {@code iteration N} lines and a last
 * {@code outcome finished|failed MESSAGE} line.
 */
final class RunProcess {

    /** The main class the child runs (the command line's). */
    static final String MAIN = "org.latentlab.cli.Main";

    /**
     * The children alive now: when this process is asked to exit (Ctrl-C, SIGTERM) they are asked too, so that each
     * saves its checkpoint and none trains on, unseen, into a folder a restarted sweep would continue.
     */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroy),
                "latentlab-sweep-children"));
    }

    private RunProcess() {
    }

    /** Trains, continues or keeps {@code run} in a child process; {@code iteration} hears its progress. */
    static SweepExecutor.Outcome run(SweepPlan plan, SweepPlan.Run run, Path sweepDir, LongConsumer iteration)
            throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
                command.add(a);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.add("sweep-run");
        command.add(sweepDir.toAbsolutePath().toString());
        command.add(run.name());
        command.add(plan.baseDir().toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new LabException("cannot start a process for run " + run.name() + ": " + e.getMessage(), e);
        }
        LIVE.add(p);
        String outcome = null;
        List<String> tail = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("iteration ")) {
                    try {
                        iteration.accept(Long.parseLong(line.substring(10).trim()));
                    } catch (NumberFormatException e) {
                        // not a progress line
                    }
                } else if (line.startsWith("outcome ")) {
                    outcome = line.substring(8);
                } else {
                    tail.add(line);
                    if (tail.size() > 5) {
                        tail.remove(0);
                    }
                }
            }
        } catch (IOException e) {
            outcome = "failed cannot read the run's process: " + e.getMessage();
        }
        int code;
        try {
            code = p.waitFor();
        } finally {
            if (p.isAlive()) {
                p.destroy(); // interrupted, or the output failed: the child saves its checkpoint and stops
            }
            LIVE.remove(p);
        }
        Path dir = SweepExecutor.existingRun(sweepDir.resolve("runs").resolve(run.name()));
        if (outcome != null && outcome.startsWith("finished")) {
            return new SweepExecutor.Outcome(run, dir, true, outcome.contains("kept"), null);
        }
        String why = outcome != null && outcome.startsWith("failed ") ? outcome.substring(7)
                : "its process ended with code " + code + (tail.isEmpty() ? "" : ": " + String.join(" / ", tail));
        return new SweepExecutor.Outcome(run, dir, false, false, why);
    }
}
