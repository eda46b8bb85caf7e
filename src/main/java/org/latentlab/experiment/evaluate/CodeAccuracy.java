package org.latentlab.experiment.evaluate;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.game.HungarianAssignment;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.DataSource;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.InfoGanLayout;
import org.latentlab.experiment.SavedModel;
import org.latentlab.train.InfoGanCodes;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How well an InfoGAN's categorical code picks the class, judged by the lab's classifier of the data set (Chen et
 * al. 2016, section 7.1: "5% error rate" on MNIST when the code's values are matched to the digits): N samples per
 * code value, G(z, c) with z ~ N(0, I) and the continuous codes U(−1, 1), each classified. The code was learned
 * without labels, so its values are matched to the classes first: the best one-to-one matching (the Hungarian
 * method on the count table, {@link HungarianAssignment}) gives the accuracy; the many-to-one matching (each value
 * to the class it is most often taken for) and the mutual information between the code and the classifier's class
 * (in nats, at most ln K) are given beside it.
 *
 * @param counts     counts[k][y]: samples of code value k classified as class y
 * @param assignment the class matched to each code value (one-to-one)
 * @param seconds    the time to draw and classify the samples
 */
public record CodeAccuracy(String model, String classifier, int perValue, int[][] counts, int[] assignment,
                           java.util.List<String> classNames, double seconds) {

    /** The fraction of samples classified as the class matched one-to-one to their code value. */
    public double accuracy() {
        long hit = 0;
        for (int k = 0; k < counts.length; k++) {
            hit += counts[k][assignment[k]];
        }
        return hit / (double) total();
    }

    /** The fraction classified as their code value's most frequent class (many-to-one: two values may share one). */
    public double majorityAccuracy() {
        long hit = 0;
        for (int[] row : counts) {
            hit += java.util.Arrays.stream(row).max().orElse(0);
        }
        return hit / (double) total();
    }

    /** I(code; class) of the table, in nats: Σ p(k, y) ln (p(k, y) / (p(k) p(y))). */
    public double mutualInformation() {
        double n = total();
        int classes = counts[0].length;
        double[] py = new double[classes];
        double[] pk = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            for (int y = 0; y < classes; y++) {
                py[y] += counts[k][y] / n;
                pk[k] += counts[k][y] / n;
            }
        }
        double mi = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int y = 0; y < classes; y++) {
                double p = counts[k][y] / n;
                if (p > 0) {
                    mi += p * Math.log(p / (pk[k] * py[y]));
                }
            }
        }
        return mi;
    }

    private long total() {
        long t = 0;
        for (int[] row : counts) {
            for (int c : row) {
                t += c;
            }
        }
        return t;
    }

    /** The one-to-one matching of code values (rows) to classes with the most samples on it. */
    public static int[] bestAssignment(int[][] counts) {
        double[][] cost = new double[counts.length][];
        for (int k = 0; k < counts.length; k++) {
            cost[k] = java.util.Arrays.stream(counts[k]).mapToDouble(c -> -c).toArray();
        }
        return HungarianAssignment.solve(cost);
    }

    /**
     * Draws {@code perValue} samples of every categorical value from the run's G (its latest checkpoint, or the
     * checkpoint folder given) and classifies them.
     *
     * @param classifierFolder a saved classifier (models/NAME), or null for the lab's classifier of the data set
     */
    public static CodeAccuracy measure(Path run, int perValue, long seed, Path classifierFolder, Monitor monitor,
                                       Consumer<String> notes) {
        if (perValue < 1) {
            throw new IllegalArgumentException("draw at least 1 sample per code value, not " + perValue);
        }
        SavedModel saved = SavedModel.open(run);
        if (saved.kind() != Family.GAN || saved.ganSpec().infogan() == null) {
            throw new LabException(saved.name() + " is not an InfoGAN: its G takes no categorical code (train one"
                    + " with \"infogan\": {\"categorical\": K, ...}, e.g. the preset mnist-infogan)");
        }
        GanExperiment spec = saved.ganSpec();
        DataSource data = saved.data();
        ClassifierFiles.Saved classifier = ClassifiedSamples.classifier(saved, spec.dataset(), data.shape(),
                classifierFolder, monitor, notes);
        int classes = classifier.classifier().classCount();
        MultiLayerNetwork g = saved.generator();
        DataType type = g.params().dataType();
        InfoGanCodes codes = InfoGanLayout.codes(spec, type);
        if (codes.categorical() > classes) {
            throw new LabException(saved.name() + "'s categorical code has " + codes.categorical() + " values, more"
                    + " than the classifier's " + classes + " classes: a one-to-one matching needs at most as many");
        }
        ClassifierImageJudge judge = ClassifierImageJudge.of(classifier.classifier(), ImageScale.ZERO_TO_ONE);
        long t = System.nanoTime();
        int[][] named = ClassifiedSamples.draw(x -> g.output(x, false), judge, codes.categorical(), perValue,
                codes.noiseDim(), type, seed, (k, z, rng) -> {
                    int[] labels = new int[perValue];
                    java.util.Arrays.fill(labels, k);
                    double[] c = new double[perValue * codes.continuous()];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = 2 * rng.nextDouble() - 1;
                    }
                    return codes.codes(z, labels, c);
                }, k -> "code value " + k, monitor);
        int[][] counts = new int[codes.categorical()][classes];
        for (int k = 0; k < named.length; k++) {
            for (int y : named[k]) {
                counts[k][y]++;
            }
        }
        java.util.List<String> names = java.util.stream.IntStream.range(0, classes)
                .mapToObj(y -> data instanceof org.latentlab.data.LabelledSource l ? l.labelName(y)
                        : org.latentlab.data.LabelledSource.of(data).map(s -> s.labelName(y)).orElse("class " + y))
                .toList();
        return new CodeAccuracy(saved.toString(), classifier.info() + " from " + classifier.folder(), perValue,
                counts, bestAssignment(counts), names, (System.nanoTime() - t) / 1e9);
    }

    /** code,matched_class,samples,matched,accuracy,most_frequent_class,most_frequent_count; then the overall line. */
    public String csv() {
        StringBuilder s = new StringBuilder("code,matched_class,samples,matched,accuracy,most_frequent_class,"
                + "most_frequent_count\n");
        for (int k = 0; k < counts.length; k++) {
            int top = ClassifiedSamples.argMax(java.util.Arrays.stream(counts[k]).asDoubleStream().toArray());
            s.append(String.format(Locale.ROOT, "%d,%s,%d,%d,%.4f,%s,%d%n", k, classNames.get(assignment[k]),
                    perValue, counts[k][assignment[k]], counts[k][assignment[k]] / (double) perValue,
                    classNames.get(top), counts[k][top]));
        }
        s.append(String.format(Locale.ROOT, "all,hungarian,%d,,%.4f,majority %.4f,mi_nats %.4f%n",
                perValue * counts.length, accuracy(), majorityAccuracy(), mutualInformation()));
        return s.toString();
    }

    /** A Markdown table: each code value, its matched class and the samples on it, then the totals. */
    public String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("Categorical code against the class, ").append(model).append(": ").append(perValue)
                .append(" samples per code value, judged by ").append(classifier).append("\n\n");
        s.append("| code | matched class | accuracy | most often |\n|---:|---|---:|---|\n");
        for (int k = 0; k < counts.length; k++) {
            int top = ClassifiedSamples.argMax(java.util.Arrays.stream(counts[k]).asDoubleStream().toArray());
            s.append(String.format(Locale.ROOT, "| %d | %s | %.3f | %s (%d) |%n", k, classNames.get(assignment[k]),
                    counts[k][assignment[k]] / (double) perValue, classNames.get(top), counts[k][top]));
        }
        s.append(String.format(Locale.ROOT, "| **all** | one-to-one (Hungarian) | **%.3f** | many-to-one %.3f |%n",
                accuracy(), majorityAccuracy()));
        s.append(String.format(Locale.ROOT, "%nI(code; class) = %.3f nats of at most ln %d = %.3f%n",
                mutualInformation(), counts.length, Math.log(counts.length)));
        return s.toString();
    }
}
