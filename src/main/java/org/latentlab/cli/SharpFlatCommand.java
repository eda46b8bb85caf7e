package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.sharpflat.SharpFlatFiles;
import org.latentlab.experiment.sharpflat.SharpFlatOptions;
import org.latentlab.experiment.sharpflat.SharpFlatResult;
import org.latentlab.experiment.sharpflat.SharpFlatStudy;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Sharp and flat minima: one classifier trained with a small and a large batch, the geometry of both minima. */
@Command(name = "sharp-flat", mixinStandardHelpOptions = true,
        description = "Trains the same dense classifier with a small and a large batch (Keskar et al. 2017) to"
                + " the same training loss and measures each minimum: the training loss's top Hessian eigenvalue (Lanczos),"
                + " the loss along random filter-normalised directions (Li et al. 2018), training and held-out"
                + " accuracy, and the loss on the line between the two minima; mean ± sd over the random seeds."
                + " Writes minima.csv, directions.csv, interpolation.csv, table.md and sharp-flat.png.")
final class SharpFlatCommand implements Callable<Integer> {

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "mnist-sharp-flat", description = "a classifier"
            + " preset (default ${DEFAULT-VALUE}): its network, optimiser and seed")
    String preset;

    @Option(names = "--train", paramLabel = "N", defaultValue = "2000", description = "training images (default"
            + " ${DEFAULT-VALUE})")
    int train;

    @Option(names = "--test", paramLabel = "N", defaultValue = "2000", description = "held-out images (default"
            + " ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--small", paramLabel = "B", defaultValue = "32", description = "the small batch (default"
            + " ${DEFAULT-VALUE})")
    int small;

    @Option(names = "--large", paramLabel = "B", defaultValue = "1000", description = "the large batch (default"
            + " ${DEFAULT-VALUE})")
    int large;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "300", description = "the most passes over the"
            + " training images, for both batches (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--target-loss", paramLabel = "L", defaultValue = "0.01", description = "stop after the first"
            + " epoch whose mean training loss is at most L, so both minima are compared at the same training loss;"
            + " 0 trains every epoch (default ${DEFAULT-VALUE})")
    double targetLoss;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "repetitions (default"
            + " ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--lanczos", paramLabel = "M", defaultValue = "30", description = "Hessian-vector products"
            + " for λ₁ (default ${DEFAULT-VALUE})")
    int lanczos;

    @Option(names = "--directions", paramLabel = "N", defaultValue = "2", description = "random directions"
            + " through each minimum (default ${DEFAULT-VALUE})")
    int directions;

    @Option(names = "--radius", paramLabel = "R", defaultValue = "1.0", description = "each direction spans"
            + " α ∈ [−R, R] (default ${DEFAULT-VALUE})")
    double radius;

    @Option(names = "--points", paramLabel = "N", defaultValue = "41", description = "points per line, 4k + 1"
            + " (default ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "sharp-flat", description = "where the files go"
            + " (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        ClassifierSpec spec = Presets.loadClassifier(preset);
        SharpFlatOptions o;
        try {
            o = new SharpFlatOptions(train, test, small, large, epochs, targetLoss, seeds, lanczos, directions, radius, points);
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new LabException(out + " is a file; --out names a folder to write the comparison into");
        }
        System.setProperty("java.awt.headless", "true");
        Backend.init();
        SharpFlatResult r = SharpFlatStudy.run(spec, o, Path.of("."), new ConsoleProgress());
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new LabException("cannot create " + out + ": " + e.getMessage(), e);
        }
        System.out.print(SharpFlatFiles.table(r));
        for (Path p : SharpFlatFiles.write(r, out)) {
            System.out.println("written: " + p);
        }
        return 0;
    }
}
