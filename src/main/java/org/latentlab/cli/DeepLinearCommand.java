package org.latentlab.cli;

import org.latentlab.analysis.deeplinear.DeepLinearNet;
import org.latentlab.analysis.deeplinear.DeepLinearSlice;
import org.latentlab.analysis.deeplinear.DeepLinearSpectra;
import org.latentlab.analysis.deeplinear.KnownPoint;
import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** The deep linear network of scalar weights: its loss over two weights and its Hessian at known points. */
@Command(name = "deep-linear", mixinStandardHelpOptions = true,
        description = "The deep linear network of scalar weights, L(w) = (t − w₁w₂…w_d)²: the loss over two chosen"
                + " weights with the others held fixed, and the Hessian's eigenvalues at the origin, at a balanced"
                + " global minimum and at a saddle with two zero weights, in closed form, from the closed-form"
                + " matrix and by finite differences. Writes surface.csv, hessian.csv and hessian.md.")
final class DeepLinearCommand implements Callable<Integer> {

    @Option(names = "--depth", paramLabel = "D", defaultValue = "10", description = "the number of weights"
            + " (default ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--target", paramLabel = "T", defaultValue = "1", description = "the value the product should"
            + " reach (default ${DEFAULT-VALUE})")
    double target;

    @Option(names = "--weights", paramLabel = "I,J", split = ",", defaultValue = "1,2", description = "the two"
            + " weights of the surface, 1-based (default ${DEFAULT-VALUE})")
    int[] weights;

    @Option(names = "--others", paramLabel = "S", defaultValue = "1", description = "the value of every other"
            + " weight on the surface (default ${DEFAULT-VALUE})")
    double others;

    @Option(names = "--range", paramLabel = "R", defaultValue = "2", description = "the surface spans [−R, R]²"
            + " (default ${DEFAULT-VALUE})")
    double range;

    @Option(names = "--resolution", paramLabel = "N", defaultValue = "101", description = "points per axis"
            + " (default ${DEFAULT-VALUE})")
    int resolution;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "deep-linear", description = "where the files go"
            + " (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        if (weights.length != 2) {
            throw new LabException("--weights takes two weights, e.g. 1,2, not " + weights.length);
        }
        DeepLinearNet net;
        DeepLinearSlice slice;
        try {
            net = new DeepLinearNet(depth, target);
            slice = DeepLinearSlice.of(net, weights[0] - 1, weights[1] - 1, others, range, resolution);
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new LabException(out + " is a file; --out names a folder to write into");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new LabException("cannot create " + out + ": " + e.getMessage(), e);
        }
        List<DeepLinearSpectra.Row> rows = DeepLinearSpectra.at(net, KnownPoint.lecture(net));
        String md = DeepLinearSpectra.markdown(net, rows) + System.lineSeparator()
                + "Closed form at every depth up to " + depth + System.lineSeparator() + System.lineSeparator()
                + DeepLinearSpectra.depthTable(depth, target);
        System.out.print(md);
        Path surface = out.resolve("surface.csv");
        slice.writeCsv(surface);
        Path csv = out.resolve("hessian.csv");
        AtomicFiles.writeString(csv, DeepLinearSpectra.csv(net, rows));
        Path table = out.resolve("hessian.md");
        AtomicFiles.writeString(table, md);
        for (Path p : List.of(surface, csv, table)) {
            System.out.println("written: " + p);
        }
        return 0;
    }
}
