package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.anomaly.AnomalyDetection;
import org.latentlab.experiment.anomaly.AnomalyFiles;
import org.latentlab.experiment.anomaly.AnomalySets;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Anomaly detection with a saved autoencoder, VAE or RBM: both score distributions, the ROC curve and its area. */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
        description = "Tells a run's held-out images from foreign ones by the model's score (an autoencoder's"
                + " reconstruction error, a VAE's negative ELBO, an RBM's free energy): prints both sets' median"
                + " scores and the area under the ROC curve, and writes roc.csv, roc.png and scores.csv.")
final class AnomalyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_FOLDER", description = "an autoencoder, VAE or RBM run folder (its latest"
            + " checkpoint)")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "a checkpoint of the run instead of the latest"
            + " (checkpoints/iter-N, inside the run folder or a path)")
    Path checkpoint;

    @Option(names = "--against", paramLabel = "fashion|mnist|noise|IMAGES", description = "the anomalous images:"
            + " a bundled set (default: fashion for an MNIST run, mnist for a Fashion-MNIST run, noise for others),"
            + " uniform noise, or an IDX file or image folder of the run's image size")
    String against;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1000", description = "images of each set scored"
            + " (the held-out split may hold fewer; default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "draws the noise images and a"
            + " VAE's z (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: RUN_FOLDER/anomaly/"
            + "<against>)")
    Path out;

    /** The most images per set. */
    static final int MAX_SAMPLES = 100_000;

    @Override
    public Integer call() {
        OptionChecks.within("--samples", samples, 1, MAX_SAMPLES, "images of each set scored");
        if (!Files.isDirectory(run)) {
            throw new LabException(run + ": no such run folder");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new LabException(out + " is a file; --out names a folder to write roc.csv and roc.png into");
        }
        Path target = CheckpointFolder.of(run, checkpoint);
        System.setProperty("java.awt.headless", "true");
        Backend.init();
        AnomalyDetection d = AnomalyDetection.run(target, against, samples, seed);
        Path dir = out != null ? out : run.resolve("anomaly").resolve(folderName(d));
        OptionChecks.createFolder(dir);
        System.out.println(d.model());
        System.out.println("score: " + d.how() + " (higher = more anomalous)");
        System.out.printf(Locale.ROOT, "normal:    %s, median score %.4f%n", d.sets().normalAbout(),
                AnomalyDetection.median(d.normal()));
        System.out.printf(Locale.ROOT, "anomalous: %s, median score %.4f%n", d.sets().anomalousAbout(),
                AnomalyDetection.median(d.anomalous()));
        System.out.printf(Locale.ROOT, "ROC area: %.4f (1 = every anomalous image scores above every normal one,"
                + " 0.5 = chance)%n", d.roc().area());
        for (Path p : AnomalyFiles.write(d, dir)) {
            System.out.println("written: " + p);
        }
        return 0;
    }

    private String folderName(AnomalyDetection d) {
        if (against == null) {
            return d.sets().anomalousAbout().contains("noise") ? AnomalySets.NOISE
                    : d.sets().anomalousAbout().contains("fashion") ? "fashion" : "mnist";
        }
        Path p = Path.of(against).getFileName();
        return p == null ? "images" : p.toString();
    }
}
