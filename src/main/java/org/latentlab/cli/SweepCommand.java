package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.sweep.SweepExecutor;
import org.latentlab.experiment.sweep.SweepFigures;
import org.latentlab.experiment.sweep.SweepFiles;
import org.latentlab.experiment.sweep.SweepPlan;
import org.latentlab.experiment.sweep.SweepTable;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs a sweep: every combination × random seed as a run folder, then the table and the plots. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Train every combination of a sweep file with each of its random seeds, N runs at a time"
                + " (each on one thread), into one sweep folder; then write table.csv, table.md (mean ± sd, min–max"
                + " per combination) and a plot per metric. Run it again to continue a cut sweep: finished runs are"
                + " kept, cut ones resume from their checkpoint.")
final class SweepCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(paramLabel = "SWEEP", description = "a sweep file (JSON)")
    String sweep;

    @Option(names = "--out", paramLabel = "DIR", description = "the sweep folder (default: sweeps/<name>)")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "runs at a time (default: the number of cores)")
    Integer parallel;

    @Option(names = "--master", paramLabel = "URL", description = "run each run as an Apache Spark task on this"
            + " master (local[N], spark://HOST:PORT; under spark-submit: submit) into --out, a folder every worker"
            + " sees; needs the lab built with -Pspark")
    String master;

    @Option(names = "--list", description = "print the combinations and runs, and train nothing")
    boolean list;

    @Option(names = "--table", description = "write the table and plots of the runs finished so far, and train"
            + " nothing")
    boolean tableOnly;

    @Override
    public Integer call() throws Exception {
        SweepPlan plan = SweepFiles.plan(sweep);
        Path dir = out != null ? out : Path.of("sweeps", plan.spec().name());
        int n = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
        OptionChecks.within("--parallel", n, 1, 256, "runs at a time");
        if (list) {
            System.out.println(describe(plan));
            return 0;
        }
        Backend.init();
        if (tableOnly) {
            if (!Files.isDirectory(dir.resolve("runs"))) {
                throw new LabException(dir + " holds no sweep runs yet: run the sweep first (without --table)");
            }
            return writeTable(plan, dir, 0);
        }
        if (master != null) {
            return onSpark(plan, dir);
        }
        System.err.printf(Locale.ROOT, "sweep %s: %d runs (%d combinations × %d random seeds), %d at a time, into"
                        + " %s%n", plan.spec().name(), plan.runs().size(), plan.combinations().size(),
                plan.spec().seeds(), Math.min(n, plan.runs().size()), dir);
        List<SweepExecutor.Outcome> outcomes = SweepExecutor.run(plan, dir, n, p -> System.err.println(line(p)));
        List<SweepExecutor.Outcome> failed = outcomes.stream().filter(o -> !o.finished()).toList();
        for (SweepExecutor.Outcome o : failed) {
            System.err.println("failed: " + o.run().name() + " (" + o.run().combination().label() + ", random seed "
                    + o.run().seed() + "): " + o.message() + (o.runDir() == null ? "" : " (run folder " + o.runDir()
                    + ")"));
        }
        return writeTable(plan, dir, failed.size());
    }

    /** The Spark path: found at run time, so that the default build carries no Spark. */
    @SuppressWarnings("unchecked")
    private int onSpark(SweepPlan plan, Path dir) throws Exception {
        Class<?> executor;
        try {
            executor = Class.forName("org.latentlab.spark.SparkSweepExecutor");
            Class.forName("org.apache.spark.SparkConf");
        } catch (ClassNotFoundException | LinkageError e) {
            throw new LabException("--master needs the lab built with Apache Spark (mvn package -Pspark, see the"
                    + " README's \"Sweeps on a Spark cluster\"); this build has no Spark");
        }
        System.err.printf(Locale.ROOT, "sweep %s: %d runs as Spark tasks on %s, into %s%n", plan.spec().name(),
                plan.runs().size(), master, dir);
        String url = master.equals("submit") ? null : master;
        List<String> failed;
        try {
            failed = (List<String>) executor.getMethod("run", SweepPlan.class, Path.class, String.class)
                    .invoke(null, plan, dir, url);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception c ? c : e;
        }
        failed.forEach(f -> System.err.println("failed: " + f));
        return writeTable(plan, dir, failed.size());
    }

    private static int writeTable(SweepPlan plan, Path dir, int failed) {
        SweepTable table = SweepTable.of(plan, dir);
        List<Path> files = SweepFigures.write(plan, table, dir);
        System.out.print(table.markdown(plan.spec().name()));
        System.out.println();
        System.out.println("wrote " + String.join(", ", files.stream().map(Path::toString).toList()));
        if (failed > 0) {
            System.err.println(failed + " of " + plan.runs().size() + " runs did not finish; run the same command"
                    + " again to retry them (finished runs are kept)");
            return 1;
        }
        return 0;
    }

    static String describe(SweepPlan plan) {
        StringBuilder b = new StringBuilder();
        b.append(plan.spec().name()).append(": ").append(plan.runs().size()).append(" runs\n");
        for (SweepPlan.Combination c : plan.combinations()) {
            b.append(String.format(Locale.ROOT, "  c%02d  %s  (%s, %,d iterations)%n", c.index() + 1, c.label(),
                    c.experiment().name(), c.experiment().iterations()));
        }
        b.append("random seeds: ");
        b.append(String.join(", ", plan.runs().stream().filter(r -> r.combination().index() == 0)
                .map(r -> Long.toString(r.seed())).toList()));
        return b.toString();
    }

    static String line(SweepExecutor.Progress p) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "[%3.0f%%] %d of %d runs done", 100.0 * p.done() / p.total(), p.done(),
                p.total()));
        if (p.kept() > 0) {
            b.append(" (").append(p.kept()).append(" kept from before)");
        }
        if (p.failed() > 0) {
            b.append(", ").append(p.failed()).append(" failed");
        }
        if (!p.running().isEmpty()) {
            b.append("; running ");
            b.append(String.join(", ", p.running().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " at " + String.format(Locale.ROOT, "%,d", e.getValue())).toList()));
        }
        long s = p.elapsedMillis() / 1000;
        b.append(String.format(Locale.ROOT, "; %dm %02ds", s / 60, s % 60));
        return b.toString();
    }
}
