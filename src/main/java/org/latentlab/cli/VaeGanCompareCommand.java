package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.VaeGanExperiment;
import org.latentlab.experiment.evaluate.ClassifierImageJudge;
import org.latentlab.experiment.vaegan.VaeGanComparison;
import org.latentlab.experiment.vaegan.VaeGanComparisonFiles;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** A VAE-GAN beside the plain VAE of the same encoder and decoder (Larsen et al. 2016, section 4). */
@Command(name = "vaegan-compare", mixinStandardHelpOptions = true,
        description = "Trains a VAE-GAN and the same encoder and decoder as a plain VAE (same sizes, initialisation,"
                + " optimiser, batch and length), decodes the same prior codes with both, and prints how the data"
                + " set's classifier reads the samples (Fréchet distance of its features to held-out images,"
                + " confidence, classes) with the share of grey pixels and the held-out reconstruction; writes"
                + " vae-vs-vaegan.png, .csv and .md.")
final class VaeGanCompareCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EXPERIMENT", defaultValue = "mnist-vaegan", description = "a VAE-GAN preset or"
            + " experiment file (default ${DEFAULT-VALUE})")
    String experiment;

    @Option(names = "--iterations", paramLabel = "N", description = "iterations of each (default: the"
            + " experiment's)")
    Long iterations;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "samples scored of each"
            + " (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default:"
            + " vaegan-compare/EXPERIMENT)")
    Path out;

    @Override
    public Integer call() {
        OptionChecks.within("--count", count, 100, 10_000, "samples");
        Path file = Path.of(experiment);
        VaeGanExperiment spec = Files.isRegularFile(file) ? ExperimentFiles.parseVaeGan(ExperimentFiles.readText(file),
                file.toString()) : Presets.loadVaeGan(experiment);
        long n = iterations != null ? iterations : spec.iterations();
        if (n < 1 || n > VaeGanExperiment.MAX_ITERATIONS) {
            throw new LabException("--iterations: 1 to " + VaeGanExperiment.MAX_ITERATIONS + ", not " + n);
        }
        System.setProperty("java.awt.headless", "true");
        Backend.init();
        long started = System.nanoTime();
        ClassifierFiles.Saved classifier = ClassifierModels.forDataset(spec.dataset().name(), new ConsoleProgress(),
                note -> System.err.println("note: " + note));
        ClassifierImageJudge judge = ClassifierImageJudge.of(classifier.classifier(), ClassifierModels.SCALE);
        VaeGanComparison.Result r = VaeGanComparison.run(spec, n, count, Path.of("."), judge, System.out::println);
        System.out.printf(Locale.ROOT, "%s and its plain VAE, %,d iterations each; %,d samples of the same codes"
                + " (%.0f s in all)%n", spec.name(), n, r.count(), (System.nanoTime() - started) / 1e9);
        System.out.println("classifier: " + classifier.info() + " from " + classifier.folder());
        System.out.printf(Locale.ROOT, "%-18s %9s %11s %8s %8s %16s %8s%n", "images", "Frechet", "confidence",
                "classes", "grey", "recon. (nats)", "KL");
        for (VaeGanComparison.Row row : r.rows()) {
            System.out.printf(Locale.ROOT, "%-18s %9.2f %11.3f %8d %7.1f%% %16s %8s%n", row.label(), row.frechet(),
                    row.meanConfidence(), row.classes(), 100 * row.greyFraction(),
                    Double.isNaN(row.heldOutReconstruction()) ? "" : String.format(Locale.ROOT, "%.1f",
                            row.heldOutReconstruction()),
                    Double.isNaN(row.heldOutKl()) ? "" : String.format(Locale.ROOT, "%.1f", row.heldOutKl()));
        }
        Path dir = out != null ? out : Path.of("vaegan-compare", spec.name());
        OptionChecks.createFolder(dir);
        VaeGanComparisonFiles.write(r, dir);
        for (String f : new String[] {VaeGanComparisonFiles.PNG, VaeGanComparisonFiles.CSV,
                VaeGanComparisonFiles.MARKDOWN}) {
            System.out.println("written: " + dir.resolve(f));
        }
        return 0;
    }
}
