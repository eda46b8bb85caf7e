package org.latentlab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.AtomicFiles;
import org.latentlab.core.InputFiles;
import org.latentlab.core.LabException;
import org.latentlab.train.classifier.NetworkClassifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained classifier's folder ({@code models/<name>/}): {@code classifier.zip}, the network as DL4J writes it
 * (no optimiser state: it is not trained further), and {@code classifier.json}, its {@link ClassifierInfo}
 * holding the network file's SHA-256. The network file is written first and the info last, each atomically, so a
 * folder with an info file is complete; a network file that does not match its recorded hash, or an info file
 * that cannot be read, is damaged and refused with one line.
 */
public final class ClassifierFiles {

    public static final String MODEL = "classifier.zip";
    public static final String INFO = "classifier.json";

    /** A classifier read back from its folder, with what was saved beside it. */
    public record Saved(NetworkClassifier classifier, ClassifierInfo info, Path folder) {
    }

    private ClassifierFiles() {
    }

    /** Whether the folder holds a saved classifier (its info file; it may still be damaged). */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(INFO));
    }

    /**
     * Writes the classifier's network and then its info into {@code folder}; {@code info}'s hash is replaced by the
     * written file's.
     */
    public static Saved save(Path folder, NetworkClassifier classifier, ClassifierInfo info) {
        Path model = folder.resolve(MODEL);
        AtomicFiles.write(model, out -> ModelSerializer.writeModel(classifier.network(), out, false));
        String sha;
        try {
            sha = Checkpoints.sha256(model);
        } catch (IOException e) {
            throw new LabException("cannot read back " + model + ": " + Checkpoints.describe(e), e);
        }
        ClassifierInfo sealed = new ClassifierInfo(info.spec(), info.scale(), info.trainingDataHash(),
                info.trainingExamples(), info.heldOutExamples(), info.heldOutAccuracy(), info.confusion(),
                info.iterations(), info.trainingSeconds(), sha);
        try {
            AtomicFiles.writeString(folder.resolve(INFO), ExperimentFiles.mapper().writeValueAsString(sealed));
        } catch (JsonProcessingException e) {
            throw new LabException("cannot write " + folder.resolve(INFO) + ": " + e.getMessage(), e);
        }
        return new Saved(classifier, sealed, folder);
    }

    /**
     * Reads the classifier saved in {@code folder}.
     *
     * @throws LabException (one line) when the info file is missing, unreadable or invalid, or the network file is
     *                      missing, does not match its SHA-256, or cannot be opened
     */
    public static Saved load(Path folder) {
        Path infoFile = folder.resolve(INFO);
        Path model = folder.resolve(MODEL);
        if (!Files.isRegularFile(infoFile)) {
            throw new LabException(folder + ": no saved classifier (" + INFO + " is missing)");
        }
        ClassifierInfo info;
        try {
            info = ExperimentFiles.mapper().readValue(InputFiles.readJson(infoFile, "classifier info"),
                    ClassifierInfo.class);
        } catch (JsonProcessingException e) {
            throw damaged(infoFile, ExperimentFiles.describe(e));
        } catch (LabException e) {
            throw damaged(infoFile, e.getMessage());
        }
        if (!Files.isRegularFile(model)) {
            throw damaged(model, "the file is missing");
        }
        try {
            if (!Checkpoints.sha256(model).equals(info.modelSha256())) {
                throw damaged(model, "it does not match the SHA-256 recorded in " + INFO);
            }
        } catch (IOException e) {
            throw damaged(model, Checkpoints.describe(e));
        }
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw damaged(model, Checkpoints.describe(e));
        }
        try {
            return new Saved(new NetworkClassifier(info.spec().network(), network, info.scale()), info, folder);
        } catch (RuntimeException e) {
            throw damaged(model, "it does not fit the network in " + INFO + " (" + Checkpoints.describe(e) + ")");
        }
    }

    private static LabException damaged(Path file, String why) {
        String line = (file + ": the saved classifier is damaged: " + why).replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return new LabException(line);
    }
}
