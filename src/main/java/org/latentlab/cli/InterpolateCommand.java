package org.latentlab.cli;

import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.manifold.ComparisonPicture;
import org.latentlab.experiment.manifold.LatentComparison;
import org.latentlab.experiment.manifold.LatentSources;
import org.latentlab.latent.LatentModel;
import org.latentlab.train.Backend;
import org.latentlab.train.classifier.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Interpolations through a plain autoencoder's and a VAE's code spaces, side by side. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = "Interpolates linearly between the codes of pairs of held-out images in a plain autoencoder"
                + " and in a VAE with codes of the same size, decoding each path: writes interpolation.png (two"
                + " rows per pair, and both code scatters with the paths) and, when the models folder holds the"
                + " data's classifier, prints its mean confidence on the decoded midpoints (low where the path"
                + " crosses a hole of the code) into confidence.csv.")
final class InterpolateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "AE_RUN", description = "the autoencoder: a run folder, or a preset to"
            + " train here first (mnist-ae-2d)")
    String plain;

    @Parameters(index = "1", paramLabel = "VAE_RUN", description = "the VAE: a run folder, or a preset to train here"
            + " first (mnist-vae-2d)")
    String vae;

    @Option(names = "--iterations", paramLabel = "N", description = "iterations to train a preset (default: the"
            + " preset's)")
    Long iterations;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "4", description = "pairs drawn in the picture"
            + " (default ${DEFAULT-VALUE})")
    int pairs;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "11", description = "frames per path, both ends"
            + " included (default ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--scored-pairs", paramLabel = "N", defaultValue = "500", description = "pairs whose midpoints"
            + " the classifier scores (default ${DEFAULT-VALUE})")
    int scored;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "draws the pairs (default"
            + " ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "interpolation", description = "where the files go"
            + " (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        OptionChecks.within("--pairs", pairs, 1, 20, "pairs drawn");
        OptionChecks.within("--frames", frames, 2, 30, "frames per path");
        OptionChecks.within("--scored-pairs", scored, 1, 100_000, "pairs scored");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new LabException(out + " is a file; --out names a folder to write interpolation.png into");
        }
        System.setProperty("java.awt.headless", "true");
        Backend.init();
        LatentSources.Opened a = open(plain);
        LatentSources.Opened b = open(vae);
        if (a.family() != Family.AUTOENCODER || b.family() != Family.VAE) {
            throw new LabException("give the autoencoder first and the VAE second (got a " + a.family().id()
                    + " and a " + b.family().id() + ")");
        }
        if (!a.dataset().equals(b.dataset())) {
            throw new LabException("the autoencoder was trained on " + a.dataset() + " and the VAE on "
                    + b.dataset() + ": compare models of the same data");
        }
        LatentModel ma = a.studio().models().get();
        LatentModel mb = b.studio().models().get();
        var examples = a.studio().examples();
        LatentComparison shown = LatentComparison.of(ma, a.studio().name(), mb, b.studio().name(), examples,
                LatentComparison.randomPairs(examples, pairs, seed), frames, 2000, seed);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new LabException("cannot create " + out + ": " + e.getMessage(), e);
        }
        Path png = out.resolve("interpolation.png");
        AtomicFiles.write(png, o -> ImageIO.write(ComparisonPicture.whole(shown, 2, 380), "png", o));
        System.out.println("autoencoder: " + a.studio().name());
        System.out.println("VAE:         " + b.studio().name());
        Optional<Classifier> judge = LatentSources.classifier(a.dataset());
        if (judge.isEmpty()) {
            System.out.println("no classifier of " + a.dataset() + " in " + org.latentlab.experiment.ClassifierModels
                    .modelsDir() + ": train one with `train " + a.dataset() + "-classifier` to score the midpoints");
        } else {
            LatentComparison many = LatentComparison.of(ma, "autoencoder", mb, "VAE", examples,
                    LatentComparison.randomPairs(examples, scored, seed + 1), 3, 1, seed);
            double[][] c = new double[2][3];
            for (int t = 0; t < 3; t++) {
                for (int s = 0; s < 2; s++) {
                    LatentComparison.Side side = s == 0 ? many.plain() : many.vae();
                    float[][] imgs = new float[scored][];
                    for (int i = 0; i < scored; i++) {
                        imgs[i] = side.decoded().get(i)[t];
                    }
                    c[s][t] = LatentComparison.meanConfidence(judge.get(), imgs);
                }
            }
            System.out.printf(Locale.ROOT, "classifier's mean confidence over %d pairs of held-out images%n", scored);
            System.out.printf(Locale.ROOT, "%-12s %14s %14s%n", "model", "reconstruction", "midpoint t=0.5");
            System.out.printf(Locale.ROOT, "%-12s %14.4f %14.4f%n", "autoencoder", (c[0][0] + c[0][2]) / 2, c[0][1]);
            System.out.printf(Locale.ROOT, "%-12s %14.4f %14.4f%n", "VAE", (c[1][0] + c[1][2]) / 2, c[1][1]);
            Path csv = out.resolve("confidence.csv");
            AtomicFiles.writeString(csv, String.format(Locale.ROOT, "model,pairs,reconstruction,midpoint%n"
                    + "autoencoder,%d,%s,%s%nvae,%d,%s,%s%n", scored, (c[0][0] + c[0][2]) / 2, c[0][1], scored,
                    (c[1][0] + c[1][2]) / 2, c[1][1]));
            System.out.println("written: " + csv);
        }
        System.out.println("written: " + png);
        return 0;
    }

    private LatentSources.Opened open(String source) {
        long n = iterations != null ? OptionChecks.within("--iterations", iterations, 1, 10_000_000)
                : Files.isDirectory(Path.of(source)) || !Presets.reconstructs(source) ? 1
                : Presets.loadReconstruction(source).iterations();
        return LatentSources.open(source, n, new ConsoleProgress());
    }
}
