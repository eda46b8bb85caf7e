package org.latentlab.experiment.bench;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.Presets;

import org.latentlab.data.ExampleSet;
import org.latentlab.data.StackedMnist;
import org.latentlab.train.classifier.Classifier;
import org.latentlab.train.classifier.StackedMnistModes;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Trains the bundled classifiers into a models folder and prints each one's held-out accuracy, confusion matrix
 * and training time: how the accuracies the lab states are measured. Arguments: the models folder (default
 * {@code models}), then optionally {@code NAME[:ITERATIONS]} of the presets (or classifier files, {@code *.json}) to train (default: all, at their
 * own iterations). A classifier already saved there, intact and of the same experiment, is read, not retrained.
 * Then it times the probabilities and features of the held-out images and, for MNIST, counts the modes of real
 * Stacked MNIST images made of held-out digits.
 */
public final class ClassifierBenchmark {

    /** Real stacks counted: the sample size the VEEGAN and PacGAN papers count generated stacks on. */
    static final int STACKS = 26_000;

    private ClassifierBenchmark() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "models");
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : Presets.classifiers();
        try {
            for (String arg : names) {
                String[] parts = arg.split(":");
                ClassifierSpec spec = parts[0].endsWith(".json")
                        ? ExperimentFiles.readClassifier(Path.of(parts[0])) : Presets.loadClassifier(parts[0]);
                if (parts.length > 1) {
                    spec = new ClassifierSpec(spec.family(), spec.name(), spec.description(), spec.seed(),
                            spec.dataset(), spec.network(), spec.training(), Long.parseLong(parts[1]),
                            spec.heldOut());
                }
                System.out.println(spec);
                ClassifierFiles.Saved saved = ClassifierModels.obtain(spec, root, Path.of("."), printer(),
                        note -> System.out.println("note: " + note));
                System.out.println(saved.info());
                System.out.print(saved.info().confusionMatrix());
                System.out.println("saved in " + saved.folder());
                ExampleSet heldOut = ClassifierModels.split(spec, Path.of(".")).heldOut();
                inferenceTime(saved.classifier(), heldOut);
                if (spec.dataset().name().equals("mnist")) {
                    stackedModes(saved.classifier(), heldOut);
                }
            }
        } catch (LabException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Probabilities and features of the held-out images, timed (the second pass: the first compiles). */
    private static void inferenceTime(Classifier c, ExampleSet images) {
        INDArray x = rows(images, 0, images.size());
        for (int pass = 0; pass < 2; pass++) {
            long t0 = System.nanoTime();
            c.probabilities(x);
            long t1 = System.nanoTime();
            c.features(x);
            long t2 = System.nanoTime();
            if (pass == 1) {
                System.out.printf(Locale.ROOT, "%d images: probabilities %.0f ms, features %.0f ms%n", images.size(),
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6);
            }
        }
    }

    /**
     * Stacked MNIST made of the held-out digits only: how often the classifier gets the mode of a real stack right
     * (about the cube of its accuracy) and how many of the 1,000 modes real stacks cover.
     */
    private static void stackedModes(Classifier digits, ExampleSet heldOutDigits) {
        StackedMnist stacked = new StackedMnist(heldOutDigits, STACKS, StackedMnist.DEFAULT_SEED);
        long t0 = System.nanoTime();
        int[] modes = StackedMnistModes.of(digits, rows(stacked, 0, stacked.size()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        int right = 0;
        boolean[] seen = new boolean[StackedMnist.MODES];
        int covered = 0;
        for (int i = 0; i < modes.length; i++) {
            if (modes[i] == stacked.label(i)) {
                right++;
            }
            if (!seen[modes[i]]) {
                seen[modes[i]] = true;
                covered++;
            }
        }
        System.out.printf(Locale.ROOT, "Stacked MNIST of held-out digits, %d stacks: mode right %.2f %%, modes"
                + " covered %d of 1000, counted in %.1f s%n", modes.length, 100.0 * right / modes.length, covered,
                seconds);
    }

    private static INDArray rows(ExampleSet set, int from, int to) {
        int d = set.dimension();
        float[] flat = new float[(to - from) * d];
        for (int i = from; i < to; i++) {
            System.arraycopy(set.example(i), 0, flat, (i - from) * d, d);
        }
        return Nd4j.create(flat, new long[] {to - from, d}, 'c');
    }

    private static Monitor printer() {
        long start = System.nanoTime();
        return new Monitor() {
            private int lastPercent = -1;

            @Override
            public void progress(double fraction, String message) {
                int percent = (int) Math.floor(fraction * 100);
                if (percent / 5 != lastPercent / 5) {
                    lastPercent = percent;
                    System.out.printf(Locale.ROOT, "%5.1f s  %3d %%  %s%n", (System.nanoTime() - start) / 1e9,
                            percent, message);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
