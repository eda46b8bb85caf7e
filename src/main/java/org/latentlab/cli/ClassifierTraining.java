package org.latentlab.cli;

import org.latentlab.core.Monitor;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ClassifierInfo;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.ExperimentData;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code train} for a classifier experiment: trains it into its folder of the models folder
 * ({@code models/<name>/}, where {@link ClassifierModels#forDataset} and {@code evaluate --classifier} find it),
 * progress lines on stderr (iteration, batch loss, iterations per second), then its accuracy and confusion matrix on
 * the held-out split on stdout. A saved classifier made by the same experiment on the same images is kept and
 * reported, unless {@code force}.
 */
final class ClassifierTraining {

    private ClassifierTraining() {
    }

    /**
     * @param baseDir what relative data paths in the experiment are read against
     * @return the exit code, 0
     */
    static int run(ClassifierSpec spec, Path baseDir, Path modelsRoot, boolean force, Monitor progress,
                   PrintStream out, PrintStream err) {
        ExperimentData.Split split = ClassifierModels.split(spec, baseDir);
        Path folder = ClassifierModels.folder(modelsRoot, spec);
        Optional<ClassifierFiles.Saved> kept = force ? Optional.empty()
                : ClassifierModels.upToDate(spec, modelsRoot, split, note -> err.println("note: " + note));
        ClassifierFiles.Saved saved;
        if (kept.isPresent()) {
            saved = kept.get();
            out.println("kept: " + folder + " already holds " + spec.name() + " trained by this experiment on these"
                    + " images (--force retrains it)");
        } else {
            saved = ClassifierModels.trainAndSave(spec, split, modelsRoot, progress);
            out.printf(Locale.ROOT, "trained %s in %.0f s; saved in %s%n", spec.name(),
                    saved.info().trainingSeconds(), folder);
        }
        ClassifierInfo info = saved.info();
        out.printf(Locale.ROOT, "held-out accuracy %.2f %% on %d images (trained on %d, %d iterations)%n",
                100 * info.heldOutAccuracy(), info.heldOutExamples(), info.trainingExamples(), info.iterations());
        out.println("confusion matrix (rows: true class, columns: predicted):");
        int k = info.confusion().length;
        StringBuilder head = new StringBuilder("     ");
        for (int p = 0; p < k; p++) {
            head.append(String.format(Locale.ROOT, "%6d", p));
        }
        out.println(head);
        for (int t = 0; t < k; t++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d", t));
            for (int c : info.confusion()[t]) {
                row.append(String.format(Locale.ROOT, "%6d", c));
            }
            out.println(row);
        }
        return 0;
    }
}
