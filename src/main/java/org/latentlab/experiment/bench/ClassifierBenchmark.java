package org.latentlab.experiment.bench;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.Presets;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Trains the bundled classifiers into a models folder and prints each one's held-out accuracy, confusion matrix
 * and training time: how the accuracies the lab states are measured. Arguments: the models folder (default
 * {@code models}), then optionally {@code NAME[:ITERATIONS]} of the presets to train (default: all, at their
 * own iterations). A classifier already saved there, intact and of the same experiment, is read, not retrained.
 */
public final class ClassifierBenchmark {

    private ClassifierBenchmark() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "models");
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : Presets.classifiers();
        try {
            for (String arg : names) {
                String[] parts = arg.split(":");
                ClassifierSpec spec = Presets.loadClassifier(parts[0]);
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
            }
        } catch (LabException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
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
