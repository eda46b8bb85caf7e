package org.latentlab.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.latentlab.core.LabException;
import org.latentlab.experiment.sweep.SweepExecutor;
import org.latentlab.experiment.sweep.SweepFiles;
import org.latentlab.experiment.sweep.SweepPlan;
import org.latentlab.train.Backend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep on Apache Spark: each run is one Spark task, which trains it (or continues or keeps it, as on one
 * machine) into the sweep folder, a path every worker sees; the driver writes the folder's sweep.json and base.json
 * first and, once every task has ended, gathers the table as on one machine. Built only with the Maven profile
 * {@code spark} (Spark's jars stay out of the default build and the desktop app); {@code latentlab sweep FILE
 * --master URL} finds it at run time.
 */
public final class SparkSweepExecutor {

    private SparkSweepExecutor() {
    }

    /**
     * Runs the sweep's runs as Spark tasks on {@code master} ({@code local[2]}, {@code spark://HOST:PORT}; null:
     * the master spark-submit gave); returns one line per run that did not finish ("NAME: why"), empty when all did.
     */
    public static List<String> run(SweepPlan plan, Path sweepDir, String master) {
        SweepExecutor.prepare(plan, sweepDir);
        SparkConf conf = new SparkConf().setAppName("latentlab sweep " + plan.spec().name());
        if (master != null) {
            conf.setMaster(master);
        }
        if (master != null && !master.startsWith("local")) {
            // a cluster's executors fetch the lab and its libraries from the driver (spark-submit passes its own)
            conf.setJars(java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                    .filter(p -> p.endsWith(".jar")).toArray(String[]::new));
        }
        String folder = sweepDir.toAbsolutePath().normalize().toString();
        List<String> names = plan.runs().stream().map(SweepPlan.Run::name).toList();
        List<String> failed = new ArrayList<>();
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            List<String> outcomes = spark.parallelize(names, names.size()).map(name -> task(folder, name)).collect();
            for (String o : outcomes) {
                if (!o.isEmpty()) {
                    failed.add(o);
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof LabException) {
                throw e;
            }
            throw new LabException("Spark could not run the sweep on " + (master == null ? "the given master"
                    : master) + ": " + e.getMessage(), e);
        }
        return failed;
    }

    /** One task: the run named {@code name} of the sweep in {@code folder}; "" when it finished, else "NAME: why". */
    static String task(String folder, String name) throws InterruptedException {
        Backend.init();
        SweepPlan plan = SweepFiles.planOf(Path.of(folder));
        SweepPlan.Run run = plan.runs().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new LabException("sweep " + folder + " has no run " + name));
        // several tasks may share this process: each run trains in a process of its own (see RunProcess)
        SweepExecutor.Outcome o = SweepExecutor.runInProcess(plan, run, Path.of(folder));
        return o.finished() ? "" : name + ": " + o.message();
    }
}
