package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.sensitivity.SensitivityExperiment;
import org.latentlab.experiment.sensitivity.SensitivityFiles;
import org.latentlab.experiment.sensitivity.SensitivityOptions;
import org.latentlab.experiment.sensitivity.SensitivityResult;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The input-output Jacobian norm against the generalisation gap over runs (Novak et al. 2018). */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Trains the same classifier on training sets of several sizes with several fractions of"
                + " their labels shuffled; for each run prints the training and held-out accuracy, their gap and the"
                + " mean Frobenius norm of the softmax output's input Jacobian at held-out images (Novak et al. 2018;"
                + " not the encoder sensitivity of the autoencoder studies), then the correlation of gap and norm;"
                + " writes points.csv, table.md and scatter.png.")
final class SensitivityCommand implements Callable<Integer> {

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "mnist-random-labels", description = "a"
            + " classifier preset: network, optimiser, batch size, seed (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--sizes", paramLabel = "N", split = ",", defaultValue = "250,1000", description = "training"
            + " set sizes (default ${DEFAULT-VALUE})")
    int[] sizes;

    @Option(names = "--noise", paramLabel = "P", split = ",", defaultValue = "0,0.25,0.5,0.75,1", description =
            "fractions of training labels shuffled (default ${DEFAULT-VALUE})")
    double[] noise;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1500", description = "minibatches per run"
            + " (default ${DEFAULT-VALUE})")
    long iterations;

    @Option(names = "--test", paramLabel = "N", defaultValue = "1000", description = "held-out images for the"
            + " accuracy (default ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--jacobian-points", paramLabel = "N", defaultValue = "200", description = "held-out images at"
            + " which the Jacobian norm is averaged (default ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "sensitivity", description = "where the files go"
            + " (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        ClassifierSpec spec = Presets.loadClassifier(preset);
        SensitivityOptions o;
        try {
            o = new SensitivityOptions(sizes, noise, iterations, test, points);
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new LabException(out + " is a file; --out names a folder to write the experiment into");
        }
        System.setProperty("java.awt.headless", "true");
        Backend.init();
        SensitivityResult r = SensitivityExperiment.run(spec, o, Path.of("."), new ConsoleProgress(), null);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new LabException("cannot create " + out + ": " + e.getMessage(), e);
        }
        System.out.print(SensitivityFiles.table(r));
        for (Path p : SensitivityFiles.write(r, out)) {
            System.out.println("written: " + p);
        }
        return 0;
    }
}
