package org.latentlab.cli;

import org.latentlab.core.Monitor;
import org.latentlab.experiment.relu.DeepVsShallow;
import org.latentlab.experiment.relu.ReluCharts;
import org.latentlab.experiment.relu.ReluFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Deep against shallow ReLU nets for x²: sup error against parameters. */
@Command(name = "deep-vs-shallow", mixinStandardHelpOptions = true,
        description = "Approximates x^2 on [0, 1] with deep and one-layer ReLU nets, built (Yarotsky 2017: error"
                + " 2^(-2m-2) from m layers of 3 units; the interpolant of n units: 1/(4n^2)) and trained by Adam at"
                + " matched parameter counts; every error is the exact sup from the net's linear pieces. Writes"
                + " deep-vs-shallow.csv and .png.")
final class DeepVsShallowCommand implements Callable<Integer> {

    @Option(names = "--layers", paramLabel = "M", defaultValue = "8", description = "constructions up to M layers"
            + " (default ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--width", paramLabel = "W", defaultValue = "6", description = "width of the trained deep nets"
            + " (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--max-depth", paramLabel = "L", defaultValue = "5", description = "trained deep nets of 2..L"
            + " layers (default ${DEFAULT-VALUE})")
    int maxDepth;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "initialisations per trained net,"
            + " the best kept (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5000", description = "Adam steps (default"
            + " ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "deep-vs-shallow", description = "where the files"
            + " go (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        OptionChecks.within("--layers", layers, 1, 20);
        OptionChecks.within("--width", width, 1, 64);
        OptionChecks.within("--max-depth", maxDepth, 2, 10);
        OptionChecks.within("--seeds", seeds, 1, 50);
        OptionChecks.within("--iterations", iterations, 1, 200_000);
        System.setProperty("java.awt.headless", "true");
        long start = System.nanoTime();
        DeepVsShallow d = DeepVsShallow.run(layers, width, maxDepth, seeds, iterations, Monitor.NONE);
        System.out.printf(Locale.ROOT, "%-38s %5s %5s %6s %7s %11s %11s%n", "net", "depth", "width", "params",
                "pieces", "sup error", "closed form");
        for (DeepVsShallow.Row r : d.rows()) {
            System.out.printf(Locale.ROOT, "%-38s %5d %5d %6d %7d %11.3e %11s%n", r.kind().label(), r.depth(),
                    r.width(), r.parameters(), r.pieces(), r.supError(), Double.isNaN(r.bound()) ? ""
                            : String.format(Locale.ROOT, "%.3e", r.bound()));
        }
        System.out.printf(Locale.ROOT, "(trained: best of %d initialisations, %d Adam steps on 256 points; %.1f s)%n",
                seeds, iterations, (System.nanoTime() - start) / 1e9);
        System.out.println("written: " + ReluFiles.writeDeepVsShallow(d, out));
        System.out.println("written: " + ReluFiles.writePng(ReluCharts.deepVersusShallow(d),
                out.resolve("deep-vs-shallow.png"), 800, 500));
        return 0;
    }
}
