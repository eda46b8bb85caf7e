package org.latentlab.cli;

import org.latentlab.analysis.bench.GeometryBenchmark;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.train.Backend;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code bench --vs-pytorch}: the lab and {@code bench/pytorch_yardstick.py} on the same workloads in one call, at
 * the same thread count. Per workload both sides are built and warmed up, then their measured windows alternate
 * (lab, PyTorch, lab, PyTorch, ...), so that a change in the machine's load falls on both. The training rows time
 * the trainers {@code bench} times; the geometry rows time {@link GeometryBenchmark.Operations}, the code
 * {@code geometry-bench} times, on its workload.
 */
final class VersusPyTorch {

    /** The geometry workloads, by the names the yardstick script knows them. */
    static final List<String> GEOMETRY = List.of("geometry-hvp", "geometry-top5", "geometry-surface",
            "geometry-jacobian");

    /** Seconds of warm-up of each side before its measured windows. */
    static final double WARM_UP_SECONDS = 2;

    /**
     * One workload.
     *
     * @param name   its name for both sides (a preset, an experiment file or one of {@link #GEOMETRY})
     * @param label  the row's text
     * @param unit   how the row reads
     * @param lab    one iteration of the lab's side
     * @param config the geometry workload's sizes for the script; empty for the training nets
     */
    record Workload(String name, String label, SideBySide.Unit unit, Runnable lab, Map<String, Object> config) {
    }

    private final double seconds;
    private final int rounds;
    private final PrintStream progress;

    VersusPyTorch(double seconds, int rounds, PrintStream progress) {
        this.seconds = seconds;
        this.rounds = rounds;
        this.progress = progress;
    }

    /**
     * Measures each workload (built when its turn comes, by {@code open}) against the running script and prints
     * the header and the table to {@code out}.
     */
    List<SideBySide.Row> run(List<String> names, Function<String, Workload> open, PyTorchYardstick torch,
                             int threads, PrintStream out) {
        String loadBefore = loadAverage();
        List<SideBySide.Row> rows = new ArrayList<>();
        for (String name : names) {
            Workload w = open.apply(name);
            progress.println("yardstick: " + w.label() + ": warming up the lab and PyTorch");
            warmUp(w.lab());
            Optional<String> refused = torch.prepare(w.name(), w.config());
            double[] lab = new double[rounds];
            double[] pt = new double[refused.isPresent() ? 0 : rounds];
            for (int r = 0; r < rounds; r++) {
                progress.printf(Locale.ROOT, "yardstick: %s: round %d of %d%n", w.label(), r + 1, rounds);
                lab[r] = window(w.lab(), seconds);
                if (refused.isEmpty()) {
                    pt[r] = torch.window(w.name(), seconds);
                }
            }
            torch.release(w.name());
            rows.add(new SideBySide.Row(w.label(), w.unit(), lab, pt, refused.orElse("")));
        }
        out.printf(Locale.ROOT, "Latent Lab vs PyTorch %s, %d thread%s each (PyTorch: torch.set_num_threads(%d),"
                        + " OMP_WAIT_POLICY=PASSIVE)%n", torch.torchVersion(), threads, threads == 1 ? "" : "s",
                torch.threads());
        out.println("PyTorch's BLAS: " + torch.blas() + "; the lab: " + Backend.describe() + ", BLAS "
                + labBlas());
        out.printf(Locale.ROOT, "load average (1, 5, 15 min) before: %s, after: %s%n", loadBefore, loadAverage());
        out.printf(Locale.ROOT, "%d alternating round%s of %s s per side and workload after a %.0f s warm-up;"
                        + " ratio = lab speed / PyTorch speed (above 1 the lab is faster)%n", rounds,
                rounds == 1 ? "" : "s",
                SideBySide.number(seconds), WARM_UP_SECONDS);
        out.print(SideBySide.table(rows));
        return rows;
    }

    /** The geometry workloads on {@code geometry-bench}'s nets, built once when the first of them is asked for. */
    static final class Geometry {
        private final GeometryBenchmark.Config config;
        private GeometryBenchmark.Operations ops;

        Geometry(GeometryBenchmark.Config config) {
            this.config = config;
        }

        Workload open(String name) {
            if (ops == null) {
                ops = GeometryBenchmark.prepare(config);
            }
            GeometryBenchmark.Config c = config;
            String mlp = c.inputs() + "-" + c.hidden() + "-" + c.classes();
            String encoder = c.inputs() + "-" + c.encoderHidden() + "-" + c.code();
            Map<String, Object> sizes = new LinkedHashMap<>();
            sizes.put("mlp", List.of(c.inputs(), c.hidden(), c.classes()));
            sizes.put("examples", c.examples());
            sizes.put("lanczos", c.lanczosSteps());
            sizes.put("surface", c.surface());
            sizes.put("encoder", List.of(c.inputs(), c.encoderHidden(), c.code()));
            sizes.put("seed", c.seed());
            String on = String.format(Locale.ROOT, "MLP %s (%,d parameters), %,d examples, double", mlp,
                    ops.parameters(), c.examples());
            return switch (name) {
                case "geometry-hvp" -> new Workload(name, "Hessian-vector product, " + on, SideBySide.Unit.MILLIS,
                        ops::hvp, sizes);
                case "geometry-top5" -> new Workload(name, "top-5 Hessian eigenvalues, Lanczos " + c.lanczosSteps()
                        + " steps, MLP " + mlp, SideBySide.Unit.MILLIS, ops::top5, sizes);
                case "geometry-surface" -> new Workload(name, c.surface() + "x" + c.surface() + " loss surface, MLP "
                        + mlp, SideBySide.Unit.SECONDS, () -> ops.surface(Monitor.NONE), sizes);
                case "geometry-jacobian" -> new Workload(name, "encoder Jacobian " + c.code() + "x" + c.inputs()
                        + ", " + encoder + ", double", SideBySide.Unit.MILLIS, ops::jacobian, sizes);
                default -> throw new LabException("unknown geometry workload " + name + ": one of " + GEOMETRY);
            };
        }
    }

    /** Runs an iteration for {@link #WARM_UP_SECONDS}, at least once. */
    static void warmUp(Runnable iterate) {
        window(iterate, WARM_UP_SECONDS);
    }

    /** Iterations per second over one window of at least {@code seconds} (at least one iteration). */
    static double window(Runnable iterate, double seconds) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int n = 0;
        long now;
        do {
            iterate.run();
            n++;
            now = System.nanoTime();
        } while (now < end);
        return n * 1e9 / (now - start);
    }

    /** The BLAS ND4J calls (OpenBLAS in the CPU backend, cuBLAS on a GPU). */
    private static String labBlas() {
        try {
            return String.valueOf(org.nd4j.linalg.factory.Nd4j.factory().blas().getBlasVendor());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return "unknown";
        }
    }

    /** The 1, 5 and 15 minute load averages, or the 1 minute one where the system has no /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            if (f.length >= 3) {
                return f[0] + " " + f[1] + " " + f[2];
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return one < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", one);
    }
}
