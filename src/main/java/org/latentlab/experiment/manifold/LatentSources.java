package org.latentlab.experiment.manifold;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.StudioModels;
import org.latentlab.train.classifier.Classifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The two models of an AE-against-VAE comparison, each opened from a run folder or trained here from a preset
 * ({@link StudioModels}), and the lab's classifier of their data when the models folder holds it.
 */
public final class LatentSources {

    /**
     * One opened model.
     *
     * @param studio  the model and its held-out examples
     * @param family  autoencoder or VAE
     * @param dataset the bundled data set's name ("mnist"), or the data's description
     */
    public record Opened(StudioModels.Studio studio, Family family, String dataset) {
    }

    private LatentSources() {
    }

    /**
     * Opens {@code source}: a run folder (or checkpoint folder) when one exists at that path, else the preset of
     * that name trained for {@code iterations} here (nothing written).
     */
    public static Opened open(String source, long iterations, Monitor monitor) {
        Path p = Path.of(source);
        if (Files.isDirectory(p)) {
            SavedModel saved = SavedModel.open(p);
            if (saved.kind() != Family.AUTOENCODER && saved.kind() != Family.VAE) {
                throw new LabException(saved.name() + " is a " + saved.kind().id() + " run: compare an autoencoder"
                        + " and a VAE");
            }
            return new Opened(StudioModels.fromSaved(saved), saved.kind(), saved.modelSpec().dataset().name());
        }
        if (!Presets.reconstructs(source)) {
            throw new LabException(source + " is neither a run folder nor an autoencoder or VAE preset (try"
                    + " mnist-ae-2d and mnist-vae-2d)");
        }
        ReconstructionExperiment spec = Presets.loadReconstruction(source);
        if (spec.family() == Family.RBM) {
            throw new LabException(source + " is an RBM: compare an autoencoder and a VAE");
        }
        return new Opened(StudioModels.trainQuick(spec, iterations, monitor), spec.family(), spec.dataset().name());
    }

    /** The saved classifier of a bundled data set (models/mnist-classifier), if the models folder holds it. */
    public static Optional<Classifier> classifier(String dataset) {
        if (dataset == null || !Presets.classifiers().contains(dataset + "-classifier")) {
            return Optional.empty();
        }
        Path folder = ClassifierModels.modelsDir().resolve(dataset + "-classifier");
        if (!ClassifierFiles.exists(folder)) {
            return Optional.empty();
        }
        return Optional.of(ClassifierFiles.load(folder).classifier());
    }
}
