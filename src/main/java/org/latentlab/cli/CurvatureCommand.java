package org.latentlab.cli;

import org.latentlab.data.CsvTable;
import org.latentlab.experiment.geometry.CurvatureHistory;
import org.latentlab.experiment.geometry.CurvatureRow;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.HessianDensity;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** The top Hessian eigenvalue, the negative fraction and the loss at every checkpoint of a run. */
@Command(name = "curvature", mixinStandardHelpOptions = true,
        description = "For every checkpoint of a run: the loss on the analysis batch, the top Hessian eigenvalue"
                + " (Lanczos), and the fraction of negative eigenvalues and the trace by stochastic Lanczos quadrature"
                + " (the \"training error vs eigenvalues\" figure). GAN runs keep only their two newest checkpoints.")
final class CurvatureCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "a run folder")
    Path run;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "" + GeometryJobs.DEFAULT_DENSITY_RUNS,
            description = "random starts of the quadrature; default ${DEFAULT-VALUE}")
    int runs;

    @Option(names = "--steps", paramLabel = "M", defaultValue = "" + GeometryJobs.DEFAULT_DENSITY_STEPS,
            description = "Lanczos steps per start; default ${DEFAULT-VALUE}")
    int steps;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "also write the table as CSV")
    Path out;

    @Option(names = "--force", description = "replace the --out file if it exists")
    boolean force;

    @Mixin
    LossOptions lossOptions;

    @Override
    public Integer call() {
        OptionChecks.mayWrite(out, force, "--out");
        HessianCommand.checkDensity(runs, steps);
        lossOptions.check();
        Backend.init();
        try (GeometryJobs jobs = GeometryJobs.open(run)) {
            CurvatureHistory h = jobs.alongTraining(lossOptions.spec(jobs), runs, steps, new ConsoleProgress());
            System.out.println("# " + h.run() + ": " + h.objective());
            if (!h.note().isEmpty()) {
                System.out.println("# note: " + h.note());
            }
            System.out.println("# negative fraction and trace by stochastic Lanczos quadrature, " + runs + " probes × "
                    + steps + " Lanczos steps: the trace is Hutchinson's estimator on those " + runs + " probes"
                    + (runs < HessianDensity.FEW_PROBES ? " (rough)" : "") + "; hessian --density --trace gives"
                    + " their standard errors");
            System.out.print(h.table());
            if (out != null) {
                CsvTable.write(out, List.of("iteration", "loss", "top_eigenvalue", "negative_fraction", "trace_slq"),
                        h.rows().stream().map(r -> List.<Object>of(r.iteration(), r.loss(), r.topEigenvalue(),
                                r.negativeFraction(), r.traceEstimate())).toList());
                System.out.println("# written " + out);
            }
        }
        return 0;
    }
}
