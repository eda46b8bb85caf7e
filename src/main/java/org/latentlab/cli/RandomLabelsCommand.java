package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.randomlabels.RandomLabelsExperiment;
import org.latentlab.experiment.randomlabels.RandomLabelsFiles;
import org.latentlab.experiment.randomlabels.RandomLabelsOptions;
import org.latentlab.experiment.randomlabels.RandomLabelsResult;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The same classifier on true, partly and fully shuffled labels and on Gaussian inputs (Zhang et al. 2017). */
@Command(name = "random-labels", mixinStandardHelpOptions = true,
        description = "Trains the same classifier (one initialisation, one small training set) on its true labels,"
                + " on a fraction p of them shuffled, on all of them shuffled and on Gaussian inputs (Zhang et al."
                + " 2017): prints the training and held-out accuracies and the iteration each run first fits its"
                + " training set; writes curves.csv, table.md and curves.png.")
final class RandomLabelsCommand implements Callable<Integer> {

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "mnist-random-labels", description = "a"
            + " classifier preset: its network, optimiser, batch size, iterations and seed (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--train", paramLabel = "N", defaultValue = "1000", description = "labelled training images"
            + " (default ${DEFAULT-VALUE})")
    int train;

    @Option(names = "--test", paramLabel = "N", defaultValue = "1000", description = "held-out images measured"
            + " (default ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--iterations", paramLabel = "N", description = "minibatches per run (default: the preset's)")
    Long iterations;

    @Option(names = "--eval-every", paramLabel = "N", defaultValue = "100", description = "iterations between"
            + " points of the curves (default ${DEFAULT-VALUE})")
    int evalEvery;

    @Option(names = "--fraction", paramLabel = "P", defaultValue = "0.5", description = "fraction of labels shuffled"
            + " in the partly shuffled run; 0 or 1: no such run (default ${DEFAULT-VALUE})")
    double fraction;

    @Option(names = "--no-gaussian", description = "leave out the run on Gaussian inputs")
    boolean noGaussian;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "random-labels", description = "where the files go"
            + " (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        ClassifierSpec spec = Presets.loadClassifier(preset);
        RandomLabelsOptions o;
        try {
            o = new RandomLabelsOptions(train, test, iterations != null ? iterations : spec.iterations(), evalEvery,
                    fraction, !noGaussian);
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new LabException(out + " is a file; --out names a folder to write the experiment into");
        }
        System.setProperty("java.awt.headless", "true");
        Backend.init();
        RandomLabelsResult r = RandomLabelsExperiment.run(spec, o, Path.of("."), new ConsoleProgress(), null);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new LabException("cannot create " + out + ": " + e.getMessage(), e);
        }
        System.out.print(RandomLabelsFiles.table(r));
        for (Path p : RandomLabelsFiles.write(r, out)) {
            System.out.println("written: " + p);
        }
        return 0;
    }
}
