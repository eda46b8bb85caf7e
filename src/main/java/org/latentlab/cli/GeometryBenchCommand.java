package org.latentlab.cli;

import org.latentlab.analysis.bench.GeometryBenchmark;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Times the geometry bench's core operations (HVPs, Lanczos, a surface row, a Jacobian) on fixed workloads. */
@Command(name = "geometry-bench", mixinStandardHelpOptions = true,
        description = "Time a Hessian-vector product, the top-5 eigenvalues (Lanczos) and a 51 x 51 loss surface for a"
                + " 9,550-parameter MLP on 1,000 examples, and the Jacobian + SVD of a 784 -> 32 encoder (medians).")
final class GeometryBenchCommand implements Callable<Integer> {

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "9", description = "timed runs of the product,"
            + " Lanczos and the Jacobian (the surface: at most 3); default ${DEFAULT-VALUE}")
    int repeats;

    @Override
    public Integer call() {
        OptionChecks.within("--repeats", repeats, 1, 1000, "timed runs of each operation");
        Backend.init();
        GeometryBenchmark.Config s = GeometryBenchmark.Config.standard();
        GeometryBenchmark.Config c = new GeometryBenchmark.Config(s.inputs(), s.hidden(), s.classes(), s.examples(),
                s.lanczosSteps(), s.surface(), s.encoderHidden(), s.code(), repeats, s.seed());
        System.out.println(GeometryBenchmark.run(c, new ConsoleProgress()));
        System.out.println("(" + Backend.describe() + ")");
        return 0;
    }
}
