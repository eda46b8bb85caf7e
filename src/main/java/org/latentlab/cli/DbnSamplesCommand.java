package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.DbnDepthPicture;
import org.latentlab.experiment.DbnDepthSamples;
import org.latentlab.experiment.DbnDepthScores;
import org.latentlab.experiment.SavedDbn;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.evaluate.ClassifierImageJudge;
import org.latentlab.train.Backend;
import org.latentlab.train.rbm.DbnSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Samples of a DBN run by depth, judged by the data set's classifier. */
@Command(name = "dbn-samples", mixinStandardHelpOptions = true,
        description = "Samples the DBNs made of a run's first 1, 2, ... RBMs (Gibbs in the top RBM, one pass down),"
                + " prints how the data set's classifier reads each depth's samples (mean confidence, classes"
                + " produced, reverse KL to uniform, classifier score) beside held-out data, and writes"
                + " by-depth.png and by-depth.csv.")
final class DbnSamplesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_FOLDER", description = "an RBM or DBN run folder (its latest checkpoint), e.g."
            + " one of mnist-dbn3")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "a checkpoint of the run instead of the latest")
    Path checkpoint;

    @Option(names = "--steps", paramLabel = "K", defaultValue = "1000", description = "Gibbs steps in each top RBM"
            + " (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--count", paramLabel = "N", defaultValue = "500", description = "samples per depth (default"
            + " ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--noise", description = "start the chains at binary noise instead of at data examples")
    boolean noise;

    @Option(names = "--mean-field", description = "pass probabilities down instead of binary states")
    boolean meanField;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: RUN_FOLDER/by-depth)")
    Path out;

    @Override
    public Integer call() {
        OptionChecks.within("--steps", steps, 0, DbnDepthSamples.MAX_STEPS, "Gibbs steps");
        OptionChecks.within("--count", count, 10, 10_000, "samples per depth");
        if (!Files.isDirectory(run)) {
            throw new LabException(run + ": no such run folder");
        }
        Path target = CheckpointFolder.of(run, checkpoint);
        System.setProperty("java.awt.headless", "true");
        Backend.init();
        long started = System.nanoTime();
        SavedDbn dbn = SavedDbn.open(target);
        SavedModel saved = SavedModel.open(target);
        DbnDepthSamples samples = dbn.samples(count, steps, meanField ? DbnSampler.DownPass.MEAN_FIELD
                : DbnSampler.DownPass.STOCHASTIC, noise);
        double sampling = (System.nanoTime() - started) / 1e9;
        ClassifierFiles.Saved classifier = ClassifierModels.forDataset(saved.modelSpec().dataset().name(),
                new ConsoleProgress(), note -> System.err.println("note: " + note));
        ClassifierImageJudge judge = ClassifierImageJudge.of(classifier.classifier(), ImageScale.ZERO_TO_ONE);
        List<DbnDepthScores> rows = new ArrayList<>();
        for (DbnDepthSamples.Column c : samples.columns()) {
            rows.add(DbnDepthScores.of(c.depth() + (c.depth() == 1 ? " layer: " : " layers: ") + c.sizes(),
                    c.samples().values(), count, judge));
        }
        rows.add(heldOut(saved.heldOut(), judge));

        System.out.printf(Locale.ROOT, "%s at iteration %,d: %,d samples per depth, %,d Gibbs steps from %s, %s"
                        + " (%.1f s)%n", dbn.name(), dbn.iteration(), count, steps, noise ? "noise" : "data",
                samples.pass().description(), sampling);
        System.out.println("classifier: " + classifier.info() + " from " + classifier.folder());
        System.out.printf(Locale.ROOT, "%-28s %11s %8s %11s %17s%n", "images", "confidence", "classes",
                "reverse KL", "classifier score");
        for (DbnDepthScores r : rows) {
            System.out.printf(Locale.ROOT, "%-28s %11.3f %5d/%-2d %11.3f %10.2f ± %.2f%n", r.label(),
                    r.meanConfidence(), r.classes().modesCovered(), r.classes().classCount(),
                    r.classes().reverseKl(), r.score().mean(), r.score().standardDeviation());
        }
        System.out.println("(classes: those given at least " + Math.round(DbnDepthScores.MIN_SHARE * 100)
                + " % of the images; reverse KL of the class histogram to uniform, 0 = balanced)");
        Path dir = out != null ? out : run.resolve("by-depth");
        try {
            Files.createDirectories(dir);
            StringBuilder csv = new StringBuilder("images,mean_confidence,classes,reverse_kl,classifier_score,"
                    + "classifier_score_std,steps,start,pass\n");
            for (DbnDepthScores r : rows) {
                csv.append(String.format(Locale.ROOT, "%s,%.6f,%d,%.6f,%.6f,%.6f,%d,%s,%s%n", r.label(),
                        r.meanConfidence(), r.classes().modesCovered(), r.classes().reverseKl(), r.score().mean(),
                        r.score().standardDeviation(), steps, noise ? "noise" : "data", samples.pass().name()
                                .toLowerCase(Locale.ROOT)));
            }
            org.latentlab.core.AtomicFiles.writeString(dir.resolve("by-depth.csv"), csv.toString());
        } catch (IOException e) {
            throw new LabException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
        DbnDepthPicture.write(firstOf(samples, 36), dir.resolve("by-depth.png"));
        System.out.println("written: " + dir.resolve("by-depth.csv"));
        System.out.println("written: " + dir.resolve("by-depth.png"));
        return 0;
    }

    private DbnDepthScores heldOut(ExampleSet set, ClassifierImageJudge judge) {
        int n = Math.min(count, set.size());
        int d = set.example(0).length;
        float[] images = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(set.example(i), 0, images, i * d, d);
        }
        return DbnDepthScores.of("held-out data", images, n, judge);
    }

    /** The first {@code n} samples of each depth, for the picture. */
    private static DbnDepthSamples firstOf(DbnDepthSamples s, int n) {
        List<DbnDepthSamples.Column> columns = new ArrayList<>();
        for (DbnDepthSamples.Column c : s.columns()) {
            int m = Math.min(n, c.samples().count());
            float[] v = java.util.Arrays.copyOf(c.samples().values(), m * c.samples().size());
            columns.add(new DbnDepthSamples.Column(c.depth(), c.sizes(),
                    new org.latentlab.train.ReconstructionView.Images(m, c.samples().shape(), v), c.how()));
        }
        return new DbnDepthSamples(columns, s.steps(), s.pass(), s.noise());
    }
}
