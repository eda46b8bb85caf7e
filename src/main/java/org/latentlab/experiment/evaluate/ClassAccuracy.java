package org.latentlab.experiment.evaluate;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.DataSource;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ConditionalLayout;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.SavedModel;
import org.latentlab.train.ConditionalBatches;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How often the lab's classifier of the data set names the class a conditional GAN was asked for (the measure of
 * Mirza and Osindero 2014's label control used by later work, e.g. Odena et al. 2017, section 4.1): N samples per
 * class, G(z, y) with z ~ N(0, I), each classified; per class the fraction classified as y and the class most often
 * named instead.
 *
 * @param rows    one per class, in label order
 * @param seconds the time to draw and classify the samples
 */
public record ClassAccuracy(String model, String classifier, int perClass, List<Row> rows, double seconds) {

    /**
     * One class.
     *
     * @param confusedWith the class most often named instead, or -1 when every sample was classified as asked
     */
    public record Row(int label, String name, int samples, int correct, int confusedWith, int confusedCount) {
        public double accuracy() {
            return (double) correct / samples;
        }
    }

    public ClassAccuracy {
        rows = List.copyOf(rows);
    }

    /** The fraction of all samples classified as their asked-for class. */
    public double overall() {
        return rows.stream().mapToInt(Row::correct).sum() / (double) rows.stream().mapToInt(Row::samples).sum();
    }

    /**
     * Draws {@code perClass} samples of every class from the run's G (its latest checkpoint, or the checkpoint
     * folder given) and classifies them.
     *
     * @param classifierFolder a saved classifier (models/NAME), or null for the lab's classifier of the data set
     *                         (trained into the models folder when missing)
     */
    public static ClassAccuracy measure(Path run, int perClass, long seed, Path classifierFolder, Monitor monitor,
                                        Consumer<String> notes) {
        if (perClass < 1) {
            throw new IllegalArgumentException("draw at least 1 sample per class, not " + perClass);
        }
        SavedModel saved = SavedModel.open(run);
        if (saved.kind() != Family.GAN || !saved.ganSpec().takesLabels()) {
            throw new LabException(saved.name() + " is not a conditional GAN: its G takes no label to ask for a"
                    + " class (train one with \"conditional\": {\"classes\": K}, e.g. the preset mnist-cgan)");
        }
        GanExperiment spec = saved.ganSpec();
        DataSource data = saved.data();
        int[] shape = data.shape();
        ClassifierFiles.Saved classifier = ClassifiedSamples.classifier(saved, spec.dataset(), shape,
                classifierFolder, monitor, notes);
        MultiLayerNetwork g = saved.generator();
        DataType type = g.params().dataType();
        ConditionalBatches labels = ConditionalLayout.batches(spec, data, type);
        if (classifier.classifier().classCount() != labels.classes()) {
            throw new LabException("the classifier tells " + classifier.classifier().classCount() + " classes, but "
                    + saved.name() + " has " + labels.classes());
        }
        ClassifierImageJudge judge = ClassifierImageJudge.of(classifier.classifier(), ImageScale.ZERO_TO_ONE);
        long t = System.nanoTime();
        int[][] namedAs = ClassifiedSamples.draw(x -> g.output(x, false), judge, labels.classes(), perClass,
                labels.latentDim(), type, seed, (y, z, rng) -> labels.codes(z, y),
                y -> "class " + labels.labelName(y), monitor);
        List<Row> rows = new ArrayList<>();
        for (int y = 0; y < labels.classes(); y++) {
            int[] named = new int[labels.classes()];
            for (int c : namedAs[y]) {
                named[c]++;
            }
            int other = -1;
            for (int k = 0; k < named.length; k++) {
                if (k != y && named[k] > 0 && (other < 0 || named[k] > named[other])) {
                    other = k;
                }
            }
            rows.add(new Row(y, labels.labelName(y), perClass, named[y], other, other < 0 ? 0 : named[other]));
        }
        return new ClassAccuracy(saved.toString(), classifier.info() + " from " + classifier.folder(), perClass, rows,
                (System.nanoTime() - t) / 1e9);
    }

    /** label,name,samples,correct,accuracy,most_confused_with,confused_count; then the overall line. */
    public String csv() {
        StringBuilder s = new StringBuilder("label,name,samples,correct,accuracy,most_confused_with,confused_count\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%d,%s,%d,%d,%.4f,%s,%d%n", r.label(), csvCell(r.name()),
                    r.samples(), r.correct(), r.accuracy(), r.confusedWith() < 0 ? "" : rows.get(r.confusedWith())
                            .name(), r.confusedCount()));
        }
        s.append(String.format(Locale.ROOT, "all,all,%d,%d,%.4f,,%n", rows.stream().mapToInt(Row::samples).sum(),
                rows.stream().mapToInt(Row::correct).sum(), overall()));
        return s.toString();
    }

    /** A Markdown table of the same, with the model and the classifier above it. */
    public String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("Accuracy per class of ").append(model).append(": ").append(perClass)
                .append(" samples per class, judged by ").append(classifier).append("\n\n");
        s.append("| class | accuracy | most often taken for |\n|---|---:|---|\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %.3f | %s |%n", r.name(), r.accuracy(), r.confusedWith() < 0
                    ? "-" : rows.get(r.confusedWith()).name() + " (" + r.confusedCount() + ")"));
        }
        s.append(String.format(Locale.ROOT, "| **all** | **%.3f** | |%n", overall()));
        return s.toString();
    }

    private static String csvCell(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
