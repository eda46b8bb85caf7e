package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.relu.ReluFitSpec;
import org.latentlab.experiment.relu.ReluFitStatus;
import org.latentlab.experiment.relu.ReluFitRun;
import org.latentlab.experiment.relu.ReluFiles;
import org.latentlab.experiment.relu.ReluPresets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Fits a ReLU net to a function of one or two inputs and writes its exact linear pieces or regions. */
@Command(name = "fit-function", mixinStandardHelpOptions = true,
        description = "Trains a ReLU MLP on a function of x (or x and y) by full-batch Adam and writes the fit with"
                + " its exact linear pieces (pieces.csv: every stretch of one activation pattern) or its exact"
                + " linear regions (regions.csv: convex polygons of the plane), plus fit.csv.")
final class FitFunctionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PRESET_OR_FILE", description = "relu-square, relu-sawtooth, relu-sine, relu-ridge-2d,"
            + " relu-bump-2d, or a fit file in their format")
    String source;

    @Option(names = "--function", paramLabel = "F", description = "another target: a formula in x (or x and y for"
            + " a 2-D preset), or 'sawtooth K'")
    String function;

    @Option(names = "--depth", paramLabel = "L", description = "hidden layers (default: the preset's)")
    Integer depth;

    @Option(names = "--width", paramLabel = "W", description = "units per hidden layer (default: the preset's)")
    Integer width;

    @Option(names = "--iterations", paramLabel = "N", description = "Adam steps (default: the preset's)")
    Integer iterations;

    @Option(names = "--seed", paramLabel = "S", description = "the initial weights (default: the preset's)")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: fit-function/NAME)")
    Path out;

    @Override
    public Integer call() {
        ReluFitSpec spec = ReluPresets.loadOrRead(source);
        try {
            if (function != null) {
                spec = spec.withFunction(function);
            }
            spec = spec.withNet(depth != null ? depth : spec.depth(), width != null ? width : spec.width());
            if (iterations != null) {
                spec = spec.withIterations(iterations);
            }
            if (seed != null) {
                spec = spec.withSeed(seed);
            }
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage(), e);
        }
        System.out.println(spec);
        ReluFitStatus s = ReluFitRun.run(spec, Monitor.NONE, st -> { }, 1_000_000);
        String what = spec.inputs() == 1 ? "linear pieces on the range" : "linear regions of the square";
        System.out.printf(Locale.ROOT, "%-34s %12s%n", "measure", "value");
        System.out.printf(Locale.ROOT, "%-34s %12d%n", "parameters", s.net().parameterCount());
        System.out.printf(Locale.ROOT, "%-34s %12.3e%n", "training mean squared error", s.loss());
        System.out.printf(Locale.ROOT, "%-34s %12d%n", what, s.count());
        if (s.pieces() != null) {
            System.out.printf(Locale.ROOT, "%-34s %12d%n", "activation patterns along it", s.pieces()
                    .activationRegions());
        }
        System.out.printf(Locale.ROOT, "%-34s %12.1f%n", "seconds", s.seconds());
        Path dir = out != null ? out : Path.of("fit-function", spec.name());
        for (Path p : ReluFiles.writeFit(s, dir)) {
            System.out.println("written: " + p);
        }
        return 0;
    }
}
