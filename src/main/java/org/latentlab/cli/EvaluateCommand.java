package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.evaluate.GeneratorEvaluation;
import org.latentlab.experiment.evaluate.ScoreFiles;
import org.latentlab.metrics.ScoreLine;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The scores of a saved model's samples beside the real-versus-real baseline, written as JSON and CSV. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Scores a saved model's samples (a GAN's G, a VAE's decoder from the prior, an autoencoder's"
                + " decoder from a Gaussian fitted to held-out codes, an RBM's Gibbs chains) with the lab's"
                + " classifier of the data set (trained into models/ when missing): classifier score, Fréchet"
                + " distance, KID, precision and recall, modes, Parzen window, each beside the same score of real"
                + " images in the samples' place. Writes scores.json and scores.csv into the run folder (or --out).")
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_FOLDER", description = "a run folder (its latest checkpoint)")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "FOLDER", description = "a checkpoint of the run instead of the"
            + " latest (checkpoints/iter-N, inside the run folder or a path)")
    Path checkpoint;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1000", description = "samples drawn; also the"
            + " real images in their place for the baseline (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--real", paramLabel = "IMAGES", description = "real images to compare with (an IDX file or an"
            + " image folder) instead of the run's data")
    Path real;

    @Option(names = "--labels", paramLabel = "LABELS", description = "the IDX labels of --real: also the"
            + " classifier's accuracy and confusion matrix on them")
    Path labels;

    @Option(names = "--classifier", paramLabel = "FOLDER", description = "a saved classifier folder (models/<name>)"
            + " instead of the data set's own")
    Path classifier;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: the run folder)")
    Path out;

    @Option(names = "--gallery", paramLabel = "K", defaultValue = "0", description = "also write gallery.png: K"
            + " samples, each with its 3 nearest training images in pixel space and in feature space")
    int gallery;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "draws the codes and KID's subsets"
            + " (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--force", description = "replace scores.json / scores.csv / gallery.png if they exist")
    boolean force;

    /** The most samples: the scores' pairwise distances grow with the square of it. */
    static final int MAX_SAMPLES = 20_000;

    @Override
    public Integer call() {
        OptionChecks.within("--samples", samples, 2, MAX_SAMPLES, "samples drawn (and as many real images for the"
                + " baseline)");
        OptionChecks.within("--gallery", gallery, 0, Math.min(samples, 100), "samples shown in the gallery");
        if (labels != null && real == null) {
            throw new LabException("--labels goes with --real: the labels of the images it names");
        }
        if (!Files.isDirectory(run)) {
            throw new LabException(run + ": no such run folder");
        }
        Path target = CheckpointFolder.of(run, checkpoint);
        Path dir = out != null ? out : run;
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new LabException(out + " is a file; --out names a folder to write scores.json and scores.csv into");
        }
        for (String name : List.of(ScoreFiles.JSON, ScoreFiles.CSV)) {
            OptionChecks.mayWrite(dir.resolve(name), force, out != null ? "--out" : "evaluate");
        }
        Backend.init();
        ConsoleProgress progress = new ConsoleProgress();
        GeneratorEvaluation.Result r = GeneratorEvaluation.run(new GeneratorEvaluation.Request(target, samples, real,
                labels, classifier, gallery, seed), progress, note -> System.err.println("note: " + note));
        OptionChecks.createFolder(dir);
        print(r);
        for (Path p : ScoreFiles.write(r, dir)) {
            System.out.println("written: " + p);
        }
        return 0;
    }


    private static void print(GeneratorEvaluation.Result r) {
        System.out.println(r.model());
        System.out.printf(Locale.ROOT, "samples: %,d, %s (%.1f s)%n", r.samples().images().count(),
                r.samples().how(), r.sampleSeconds());
        System.out.printf(Locale.ROOT, "real: %,d test, %,d reference (the baseline), %,d validation (Parzen σ); %s%n",
                r.real().test().count(), r.real().reference().count(), r.real().validation().count(),
                r.real().about());
        System.out.println("classifier: " + r.classifier().info() + " from " + r.classifier().folder());
        System.out.printf(Locale.ROOT, "%-24s %22s %22s %7s %8s  %s%n", "score", "samples", "real vs real", "n",
                "seconds", "better");
        for (ScoreLine l : r.scores().lines()) {
            System.out.printf(Locale.ROOT, "%-24s %22s %22s %7d %8.2f  %s%n", l.name(), value(l.value(), l.spread()),
                    value(l.baseline(), l.baselineSpread()), l.sampleSize(), l.seconds(), l.better());
        }
        System.out.printf(Locale.ROOT, "(classifier features and probabilities of every set: %.2f s, shared)%n",
                r.scores().featureSeconds());
        if (r.elbo() != null) {
            System.out.printf(Locale.ROOT, "held-out negative ELBO: %.2f nats per example (reconstruction %.2f + KL"
                            + " %.2f) on %,d held-out images, %.2f s%n", r.elbo().negativeElbo(),
                    r.elbo().reconstruction(), r.elbo().kl(), r.elbo().examples(), r.elbo().seconds());
        }
        if (r.labelled() != null) {
            System.out.print("classifier on " + r.labelled().total() + " labelled images: " + r.labelled());
        }
    }

    private static String value(double v, double spread) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return Double.isFinite(spread) ? String.format(Locale.ROOT, "%.4g ± %.2g", v, spread)
                : String.format(Locale.ROOT, "%.4g", v);
    }
}
