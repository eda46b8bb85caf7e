package org.latentlab.cli;

import org.latentlab.analysis.relu.Constructions;
import org.latentlab.analysis.relu.LinearPieces;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.relu.PieceSweep;
import org.latentlab.experiment.relu.ReluCharts;
import org.latentlab.experiment.relu.ReluFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Linear pieces of ReLU nets against depth at equal parameter count, with Telgarsky's sawtooth. */
@Command(name = "relu-pieces", mixinStandardHelpOptions = true,
        description = "Counts the exact linear pieces on [0, 1] of ReLU nets of one input, depth 1..L at about the"
                + " same parameter count (Montufar et al. 2014): at random initialisation and after training,"
                + " means over initialisations, with the activation regions of [-1, 1]^2 of same-shaped nets of"
                + " two inputs; checks that Telgarsky's sawtooth of L layers of width 2 has 2^L pieces. Writes"
                + " pieces-vs-depth.csv and .png.")
final class ReluPiecesCommand implements Callable<Integer> {

    @Option(names = "--parameters", paramLabel = "P", defaultValue = "200", description = "the parameter budget"
            + " (default ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--max-depth", paramLabel = "L", defaultValue = "6", description = "deepest net (default"
            + " ${DEFAULT-VALUE})")
    int maxDepth;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "5", description = "random initialisations per depth"
            + " (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "3000", description = "Adam steps per training"
            + " (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--function", paramLabel = "F", defaultValue = "sin(4*pi*x)", description = "what the nets are"
            + " trained on, on [0, 1] (default '${DEFAULT-VALUE}')")
    String function;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "relu-pieces", description = "where the files go"
            + " (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        OptionChecks.within("--parameters", budget, 20, 5000);
        OptionChecks.within("--max-depth", maxDepth, 1, 12);
        OptionChecks.within("--seeds", seeds, 1, 100);
        OptionChecks.within("--iterations", iterations, 0, 200_000);
        System.setProperty("java.awt.headless", "true");
        System.out.println("Telgarsky's sawtooth: layers, pieces found exactly, 2^L");
        for (int l = 1; l <= maxDepth; l++) {
            int found = LinearPieces.of(Constructions.sawtooth(l), 0, 1).pieces();
            System.out.printf(Locale.ROOT, "  %2d %8d %8d%s%n", l, found, 1L << l, found == 1L << l ? "" : "  MISMATCH");
        }
        long start = System.nanoTime();
        PieceSweep s = PieceSweep.run(budget, maxDepth, function, iterations, seeds, Monitor.NONE);
        System.out.printf(Locale.ROOT, "%nPieces on [0, 1] at ~%d parameters, mean ± sd over %d initialisations;"
                + " trained %d Adam steps on %s%n", budget, seeds, iterations, function);
        System.out.printf(Locale.ROOT, "%5s %5s %6s %16s %16s %11s %12s %9s%n", "depth", "width", "params",
                "pieces at init", "after training", "train mse", "2-D regions", "2^L");
        for (PieceSweep.Row r : s.rows()) {
            System.out.printf(Locale.ROOT, "%5d %5d %6d %8.1f ± %5.1f %8.1f ± %5.1f %11.2e %12.1f %9d%n", r.depth(),
                    r.width(), r.parameters(), r.initPieces(), r.initSd(), r.trainedPieces(), r.trainedSd(),
                    r.trainedMse(), r.initRegions2d(), r.sawtoothPieces());
        }
        System.out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - start) / 1e9);
        System.out.println("written: " + ReluFiles.writeSweep(s, out));
        System.out.println("written: " + ReluFiles.writePng(ReluCharts.piecesVersusDepth(s),
                out.resolve("pieces-vs-depth.png"), 800, 500));
        return 0;
    }
}
