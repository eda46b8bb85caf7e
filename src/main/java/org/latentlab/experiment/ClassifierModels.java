package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.train.classifier.ClassifierTrainer;
import org.latentlab.train.classifier.ConfusionMatrix;
import org.latentlab.train.classifier.NetworkClassifier;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lab's trained classifiers, one folder each under the models folder ({@code models/}, beside {@code runs/};
 * the system property {@code latentlab.models} moves it): {@code models/mnist-classifier/} for the
 * {@code mnist-classifier} experiment, and so on. Every evaluation of a data set asks here for its classifier
 * ({@link #forDataset}); it is read from its folder when it is there, intact and trained by the same experiment on
 * the same data, and otherwise trained (with progress) and saved. A damaged folder is said in one line to the
 * {@code notes} and retrained.
 *
 * <p>Images are in [0, 1] ({@link ImageScale#ZERO_TO_ONE}) for every classifier: a GAN's samples in [−1, 1] go
 * through {@link org.latentlab.train.classifier.Classifier#inScale} first.
 */
public final class ClassifierModels {

    /** The pixel range every classifier of the lab trains on. */
    public static final ImageScale SCALE = ImageScale.ZERO_TO_ONE;

    private ClassifierModels() {
    }

    /** {@code latentlab.models}, or {@code models}. */
    public static Path modelsDir() {
        return Path.of(System.getProperty("latentlab.models", "models"));
    }

    /** The folder of a classifier experiment's model. */
    public static Path folder(Path modelsRoot, ClassifierSpec spec) {
        return modelsRoot.resolve(spec.name());
    }

    /**
     * The classifier for a bundled image set, {@code mnist} or {@code fashion} (Stacked MNIST is counted by the
     * MNIST one): the preset {@code <name>-classifier}, from {@link #modelsDir()}, trained when missing.
     */
    public static ClassifierFiles.Saved forDataset(String bundled, Monitor monitor, Consumer<String> notes) {
        String preset = bundled.toLowerCase(Locale.ROOT) + "-classifier";
        if (!Presets.classifiers().contains(preset)) {
            throw new LabException("the lab has no classifier for '" + bundled + "' (it has "
                    + String.join(", ", Presets.classifiers()) + ")");
        }
        return obtain(Presets.loadClassifier(preset), modelsDir(), Path.of("."), monitor, notes);
    }

    /**
     * The classifier of {@code spec}: read from its folder under {@code modelsRoot} when intact and trained by this
     * same experiment on this same data; otherwise trained on the data (paths against {@code baseDir}) and saved.
     *
     * @param notes told in one line why a saved classifier was not used (damaged, or made by another experiment
     *              or on other data), before it is retrained
     * @throws Monitor.Cancelled when the monitor cancels the training (nothing is saved)
     */
    public static ClassifierFiles.Saved obtain(ClassifierSpec spec, Path modelsRoot, Path baseDir, Monitor monitor,
                                               Consumer<String> notes) {
        ExperimentData.Split split = split(spec, baseDir);
        return upToDate(spec, modelsRoot, split, notes).orElseGet(() -> trainAndSave(spec, split, modelsRoot,
                monitor));
    }

    /**
     * The classifier of {@code spec} saved in its folder under {@code modelsRoot}, when it is intact and was
     * trained by this same experiment on this same data ({@code split}'s training part); otherwise empty, after
     * telling {@code notes} in one line why the saved one does not do (nothing is said when there is none).
     */
    public static Optional<ClassifierFiles.Saved> upToDate(ClassifierSpec spec, Path modelsRoot,
                                                           ExperimentData.Split split, Consumer<String> notes) {
        Path folder = folder(modelsRoot, spec);
        if (!ClassifierFiles.exists(folder)) {
            return Optional.empty();
        }
        try {
            ClassifierFiles.Saved saved = ClassifierFiles.load(folder);
            if (!saved.info().spec().equals(spec)) {
                notes.accept(folder + " was trained by another version of " + spec.name() + ": retraining");
            } else if (!saved.info().trainingDataHash().equals(split.train().contentHash())) {
                notes.accept(folder + " was trained on other images than " + split.train().name()
                        + ": retraining");
            } else {
                return Optional.of(saved);
            }
        } catch (LabException e) {
            notes.accept(e.getMessage() + "; retraining it");
        }
        return Optional.empty();
    }

    /**
     * Trains {@code spec} on {@code split} (progress to {@code monitor}), measures it on the held-out part and saves
     * it in its folder under {@code modelsRoot}, replacing whatever was there.
     *
     * @throws Monitor.Cancelled when the monitor cancels the training (nothing is saved)
     */
    public static ClassifierFiles.Saved trainAndSave(ClassifierSpec spec, ExperimentData.Split split,
                                                     Path modelsRoot, Monitor monitor) {
        Trained t = train(spec, split, monitor);
        ClassifierInfo info = new ClassifierInfo(spec, SCALE, split.train().contentHash(),
                ((ExampleSet) split.train()).size(), split.heldOut().size(), t.confusion().accuracy(),
                t.confusion().counts(), spec.iterations(), t.seconds(), "unsaved");
        return ClassifierFiles.save(folder(modelsRoot, spec), t.classifier(), info);
    }

    /** A freshly trained classifier, measured on the held-out split; nothing saved. */
    public record Trained(NetworkClassifier classifier, ConfusionMatrix confusion, double seconds) {
    }

    /** The training and held-out splits of a classifier experiment's data (labelled images in [0, 1]). */
    public static ExperimentData.Split split(ClassifierSpec spec, Path baseDir) {
        DataSource data = ExperimentData.open(spec.dataset(), baseDir, SCALE);
        if (!(data instanceof ExampleSet set) || !set.hasLabels()) {
            throw new LabException("classifier '" + spec.name() + "': " + data.name() + " has no labels; a"
                    + " classifier trains on labelled images");
        }
        if (set.dimension() != spec.network().input().size()) {
            throw new LabException("classifier '" + spec.name() + "': " + set.name() + " has images of "
                    + set.dimension() + " values, but the network takes " + spec.network().input());
        }
        return ExperimentData.split(set, spec.heldOut(), spec.seed());
    }

    /**
     * Trains {@code spec}'s network on the training split for its iterations, reporting progress every 1 % (and
     * checking for cancellation at every iteration), then measures it on the held-out split.
     */
    public static Trained train(ClassifierSpec spec, ExperimentData.Split split, Monitor monitor) {
        ExampleSet train = (ExampleSet) split.train();
        NetworkCompiler.requireMemory(spec.name(), DataType.FLOAT,
                new NetworkCompiler.Training(spec.network(), spec.training().optimizer()));
        MultiLayerNetwork net = NetworkCompiler.compile(spec.network(), spec.training().optimizer(), spec.seed(),
                DataType.FLOAT);
        long start = System.nanoTime();
        long total = spec.iterations();
        long every = Math.max(1, total / 100);
        try (ClassifierTrainer trainer = new ClassifierTrainer(net, train, spec.classCount(), spec.training(),
                spec.seed(), TangentSets.forTraining(spec, train, monitor))) {
            monitor.progress(0, "training " + spec.name() + " on " + train.size() + " images");
            while (trainer.iteration() < total) {
                monitor.checkCancelled();
                trainer.iterate();
                long it = trainer.iteration();
                if (it % every == 0 || it == total) {
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    monitor.progress((double) it / total, String.format(Locale.ROOT,
                            "training %s: iteration %d of %d, epoch %.1f, batch loss %.3f, %.1f it/s", spec.name(),
                            it, total, (double) it / trainer.iterationsPerEpoch(), trainer.lastLoss(),
                            elapsed > 0 ? it / elapsed : 0.0));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        NetworkClassifier classifier = new NetworkClassifier(spec.network(), net, SCALE);
        ConfusionMatrix confusion = classifier.confusion(split.heldOut());
        return new Trained(classifier, confusion, seconds);
    }
}
