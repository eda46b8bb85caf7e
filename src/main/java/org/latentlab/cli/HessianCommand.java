package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.data.CsvTable;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.HessianDensity;
import org.latentlab.experiment.geometry.HessianFull;
import org.latentlab.experiment.geometry.HessianTop;
import org.latentlab.experiment.geometry.HessianTrace;
import org.latentlab.experiment.geometry.LossSpec;
import org.latentlab.train.Backend;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** The Hessian of a saved model's loss: top eigenvalues, the full spectrum, the spectral density, the trace. */
@Command(name = "hessian", mixinStandardHelpOptions = true,
        description = "Hessian of a saved model's loss at a checkpoint: --top k (Lanczos), --full (exact, up to 4000"
                + " parameters), --density (stochastic Lanczos quadrature) and/or --trace (Hutchinson). Results are"
                + " cached in <checkpoint>/analysis/.")
final class HessianCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_OR_CHECKPOINT", description = "a run folder (its latest checkpoint) or a checkpoint"
            + " folder (runs/<run>/checkpoints/iter-N)")
    Path path;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    /** What to compute besides the trace. */
    static final class Mode {
        @Option(names = "--top", paramLabel = "K", description = "the K largest eigenvalues (Lanczos)")
        Integer top;

        @Option(names = "--full", description = "every eigenvalue, from the exact Hessian (up to 4000 parameters)")
        boolean full;

        @Option(names = "--density", description = "the spectral density by stochastic Lanczos quadrature, and the"
                + " fraction of negative eigenvalues")
        boolean density;
    }

    @Option(names = "--trace", description = "the trace by Hutchinson's estimator")
    boolean trace;

    @Option(names = "--lanczos-steps", paramLabel = "M", description = "most Lanczos steps for --top (default"
            + " max(3K, 40)); clustered eigenvalues need more")
    Integer lanczosSteps;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + GeometryJobs.DEFAULT_TRACE_SAMPLES,
            description = "most Rademacher samples for --trace (stops at 1%% standard error); default ${DEFAULT-VALUE}")
    int samples;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "" + GeometryJobs.DEFAULT_DENSITY_RUNS,
            description = "random starts for --density; default ${DEFAULT-VALUE}")
    int runs;

    @Option(names = "--steps", paramLabel = "M", defaultValue = "" + GeometryJobs.DEFAULT_DENSITY_STEPS,
            description = "Lanczos steps per start for --density; default ${DEFAULT-VALUE}")
    int steps;

    @Option(names = "--out", paramLabel = "FILE", description = "also write CSV: the eigenvalues (--top, --full) or"
            + " the density curve (--density)")
    Path out;

    @Option(names = "--force", description = "replace the --out file if it exists")
    boolean force;

    @Mixin
    LossOptions lossOptions;

    @Override
    public Integer call() {
        if (mode == null && !trace) {
            throw new LabException("say what to compute: --top K, --full, --density and/or --trace");
        }
        checkOptions();
        Backend.init();
        ConsoleProgress progress = new ConsoleProgress();
        GeometryOutput o = new GeometryOutput(System.out);
        try (GeometryJobs jobs = GeometryJobs.open(path)) {
            LossSpec loss = lossOptions.spec(jobs);
            if (mode != null && mode.top != null) {
                long n = lossOptions.parameters(jobs.model());
                if (mode.top > n) {
                    throw new LabException(String.format(java.util.Locale.ROOT, "--top %,d: the loss is a function"
                            + " of %,d parameters, so it has %,d eigenvalues: ask for fewer, or use --full for every"
                            + " one", mode.top, n, n));
                }
            }
            o.model(jobs.model());
            boolean infoPrinted = false;
            if (mode != null && mode.top != null) {
                HessianTop r = jobs.hessianTop(loss, mode.top, lanczosSteps != null ? lanczosSteps
                        : GeometryJobs.defaultLanczosSteps(mode.top), progress);
                o.info(r.info());
                infoPrinted = true;
                o.comment("top " + r.size() + " eigenvalues by Lanczos");
                o.put("products", r.products());
                o.put("converged", r.converged());
                double worst = 0;
                for (int i = 0; i < r.size(); i++) {
                    worst = Math.max(worst, r.residuals()[i] / Math.max(Math.abs(r.eigenvalues()[i]), 1e-300));
                }
                o.put("max_relative_residual", worst);
                for (int i = 0; i < r.size(); i++) {
                    o.put("eigenvalue_" + (i + 1), r.eigenvalues()[i]);
                }
                o.put("seconds", r.info().seconds());
                o.put("cached", progress.servedFromCache());
                writeValues(r.eigenvalues(), "eigenvalue");
            } else if (mode != null && mode.full) {
                HessianFull r = jobs.hessianFull(loss, progress);
                o.info(r.info());
                infoPrinted = true;
                int n = r.eigenvalues().length;
                o.comment("every eigenvalue, from the exact Hessian");
                o.put("eigenvalues", n);
                o.put("max", r.eigenvalues()[n - 1]);
                o.put("min", r.eigenvalues()[0]);
                double[] top = r.top(Math.min(5, n));
                for (int i = 0; i < top.length; i++) {
                    o.put("eigenvalue_" + (i + 1), top[i]);
                }
                o.put("negative_fraction", r.negativeFraction());
                o.put("trace", r.trace());
                o.put("asymmetry", r.asymmetry());
                o.put("seconds", r.info().seconds());
                o.put("cached", progress.servedFromCache());
                writeValues(r.eigenvalues(), "eigenvalue");
            } else if (mode != null && mode.density) {
                HessianDensity r = jobs.hessianDensity(loss, runs, steps, progress);
                o.info(r.info());
                infoPrinted = true;
                o.comment("spectral density by stochastic Lanczos quadrature, " + r.runs() + " probes of "
                        + r.steps() + " Lanczos steps");
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double[] nodes : r.nodes()) {
                    lo = Math.min(lo, nodes[0]);
                    hi = Math.max(hi, nodes[nodes.length - 1]);
                }
                o.put("min_node", lo);
                o.put("max_node", hi);
                double[] bounds = r.negativeBounds();
                o.comment("negative_fraction: the share of eigenvalues below negative_cut = "
                        + GeometryJobs.NEGATIVE_TOLERANCE + " max|node|, ± its standard error over the " + r.runs()
                        + " probes; the quadrature's nodes place it between negative_fraction_lower and _upper");
                o.put("negative_cut", r.negativeCut());
                o.put("negative_fraction", r.negativeFraction());
                o.put("negative_fraction_standard_error", r.negativeStandardError());
                o.put("negative_fraction_lower", bounds[0]);
                o.put("negative_fraction_upper", bounds[1]);
                o.comment("trace_slq: Hutchinson's estimator on the same " + r.runs() + " probes (it does not depend"
                        + " on the steps), ± trace_slq_standard_error" + (r.runs() < HessianDensity.FEW_PROBES
                        ? "; rough with so few probes: quote Hutchinson's (--trace)" : ""));
                o.put("trace_slq", r.traceEstimate());
                o.put("trace_slq_standard_error", r.traceStandardError());
                o.put("sigma", r.sigma());
                o.put("seconds", r.info().seconds());
                o.put("cached", progress.servedFromCache());
                if (out != null) {
                    List<List<Double>> rows = new ArrayList<>();
                    for (int i = 0; i < r.grid().length; i++) {
                        rows.add(List.of(r.grid()[i], r.density()[i]));
                    }
                    CsvTable.write(out, List.of("eigenvalue", "density"), rows);
                    o.put("written", out.toString());
                }
            }
            if (trace) {
                HessianTrace t = jobs.hessianTrace(loss, samples, progress);
                if (!infoPrinted) {
                    o.info(t.info());
                }
                o.comment("trace by Hutchinson's estimator, ± trace_standard_error (the probes' s.d. / √samples)");
                o.put("trace", t.trace());
                o.put("trace_standard_error", t.standardError());
                o.put("trace_samples", t.samples());
                o.put("trace_seconds", t.info().seconds());
                o.put("trace_cached", progress.servedFromCache());
            }
        }
        return 0;
    }

    /** The most eigenvalues --top finds: Lanczos keeps max(3k, 40) vectors and takes as many Hessian products. */
    static final int MAX_TOP = 200;

    /** Zero, negative and absurd counts, and an existing --out, are refused before any model is loaded. */
    private void checkOptions() {
        OptionChecks.mayWrite(out, force, "--out");
        if (out != null && (mode == null || !(mode.top != null || mode.full || mode.density))) {
            throw new LabException("--out writes the eigenvalues of --top or --full or the curve of --density;"
                    + " the trace alone prints one number");
        }
        if (mode != null && mode.top != null) {
            OptionChecks.within("--top", mode.top, 1, MAX_TOP, "Lanczos finds the largest few; for the shape of"
                    + " the whole spectrum use --density, for every eigenvalue --full (up to 4,000 parameters)");
            if (lanczosSteps != null) {
                OptionChecks.within("--lanczos-steps", lanczosSteps, mode.top, 10_000, "at least K and at most"
                        + " 10,000 Hessian products");
            }
        } else if (lanczosSteps != null) {
            throw new LabException("--lanczos-steps belongs to --top K");
        }
        if (trace) {
            OptionChecks.within("--samples", samples, 2, 10_000, "Rademacher samples for --trace (it stops at 1%"
                    + " standard error)");
        }
        if (mode != null && mode.density) {
            checkDensity(runs, steps);
        }
        lossOptions.check();
    }

    /** --runs and --steps of stochastic Lanczos quadrature (hessian --density, curvature). */
    static void checkDensity(int runs, int steps) {
        OptionChecks.within("--runs", runs, 1, 100, "random starts of the quadrature");
        OptionChecks.within("--steps", steps, 1, 1000, "Lanczos steps per start");
    }

    private void writeValues(double[] values, String header) {
        if (out == null) {
            return;
        }
        CsvTable.write(out, List.of(header), Arrays.stream(values).mapToObj(List::of).toList());
        new GeometryOutput(System.out).put("written", out.toString());
    }
}
