package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.pca.PcaBaseline;
import org.latentlab.experiment.pca.PcaComparison;
import org.latentlab.experiment.pca.PcaFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** A deep autoencoder against PCA with as many components as its code (Hinton & Salakhutdinov 2006). */
@Command(name = "pca-baseline", mixinStandardHelpOptions = true,
        description = "Compares a deep autoencoder with PCA of its code size on held-out images (Hinton &"
                + " Salakhutdinov 2006): prints both mean squared errors per pixel and writes pca-vs-ae.csv,"
                + " pca-vs-ae.md and reconstructions.png (originals / PCA / autoencoder); for a 2-D code also"
                + " codes-2d.csv and codes-2d.png (both codes coloured by label).")
final class PcaBaselineCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_OR_PRESET", description = "an autoencoder run folder (its latest checkpoint), a"
            + " checkpoint folder, or an autoencoder preset to train here first (e.g. mnist-deep-ae,"
            + " mnist-deep-ae-2d)")
    String model;

    @Option(names = "--iterations", paramLabel = "N", description = "train a preset for N iterations (greedy"
            + " pretraining counted in them) instead of its file's")
    Long iterations;

    @Option(names = "--held-out", paramLabel = "N", defaultValue = "1000", description = "held-out images the"
            + " errors are measured on (default ${DEFAULT-VALUE})")
    int heldOut;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: RUN_FOLDER/pca, or"
            + " runs/pca-baseline/PRESET)")
    Path out;

    @Override
    public Integer call() {
        OptionChecks.within("--held-out", heldOut, 1, 100_000, "held-out images measured");
        if (iterations != null) {
            OptionChecks.within("--iterations", iterations, 1, 10_000_000, "training iterations");
        }
        Path dir = out != null ? out : Files.isDirectory(Path.of(model)) ? Path.of(model).resolve("pca")
                : Path.of("runs", "pca-baseline", model);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new LabException(dir + " is a file; --out names a folder to write the comparison into");
        }
        System.setProperty("java.awt.headless", "true");
        long start = System.nanoTime();
        PcaBaseline b = PcaBaseline.run(model, iterations, heldOut, new ConsoleProgress());
        OptionChecks.createFolder(dir);
        PcaComparison c = b.comparison();
        System.out.println(c.model() + ", " + c.k() + "-D code; PCA fitted on " + c.fitted()
                + " training images; " + c.heldOut() + " held-out images");
        System.out.printf(Locale.ROOT, "%-28s %10s%n", "method", "MSE/pixel");
        System.out.printf(Locale.ROOT, "%-28s %10.5f%n", "PCA, " + c.k() + " components", c.pcaError());
        System.out.printf(Locale.ROOT, "%-28s %10.5f%n", "deep autoencoder", c.aeError());
        if (b.scatters() != null) {
            System.out.printf(Locale.ROOT, "2 principal components hold %.1f%% of the variance%n",
                    100 * b.scatters().pcaVariance());
        }
        System.out.printf(Locale.ROOT, "wall time %.0f s (training %.0f s)%n", (System.nanoTime() - start) / 1e9,
                b.trainSeconds());
        for (Path p : PcaFiles.write(c, b.scatters(), dir)) {
            System.out.println("written: " + p);
        }
        return 0;
    }
}
