package org.latentlab.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.Presets;
import org.latentlab.train.Backend;
import org.latentlab.train.classifier.ConfusionMatrix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train} of a classifier experiment through {@link Main#execute}, on a tiny one (a 4-filter convolution and 16
 * features, 25 iterations on the bundled MNIST, 200 held out): it lands where {@link ClassifierModels} looks and is
 * reused from there without training; a second {@code train} keeps it; {@code --force} retrains it; and
 * {@code presets} lists the bundled classifiers.
 */
class ClassifierTrainCommandTest {

    private static final String TINY = """
            {
              "family": "classifier",
              "name": "tiny-classifier",
              "description": "Four filters and sixteen features, for tests.",
              "seed": 3,
              "dataset": {"kind": "images", "name": "mnist"},
              "network": {
                "name": "classifier",
                "input": [1, 28, 28],
                "layers": [
                  {"type": "conv2d", "name": "conv1", "filters": 4, "kernel": 5, "stride": 1, "padding": "same",
                   "activation": "relu"},
                  {"type": "pool2d", "name": "pool1", "pooling": "max", "kernel": 4, "stride": 4},
                  {"type": "flatten", "name": "flat"},
                  {"type": "dense", "name": "features", "units": 16, "activation": "relu"},
                  {"type": "dense", "name": "logits", "units": 10, "activation": "identity"}
                ]
              },
              "training": {
                "batchSize": 32,
                "optimizer": {"type": "adam", "learningRate": 0.003, "beta1": 0.9, "beta2": 0.999},
                "shift": 0
              },
              "iterations": 25,
              "heldOut": 200
            }
            """;

    @TempDir
    static Path shared;
    static Path file;

    @TempDir
    Path models;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void writeTinyExperiment() throws IOException {
        Backend.init();
        file = shared.resolve("tiny-classifier.json");
        Files.writeString(file, TINY);
    }

    @AfterEach
    void forgetModelsFolder() {
        System.clearProperty("latentlab.models");
    }

    private int train(String... args) {
        return ConsoleCapture.train(Duration.ofSeconds(120), args);
    }

    private String stdout() {
        return console.out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return console.err.toString(StandardCharsets.UTF_8);
    }

    private void clear() {
        console.out.reset();
        console.err.reset();
    }

    /** A monitor that fails the test if anything is trained. */
    private static final Monitor MUST_NOT_TRAIN = new Monitor() {
        @Override
        public void progress(double fraction, String message) {
            throw new AssertionError("trained again: " + message);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    @Test
    void trainsIntoTheModelsFolderWhereItIsReusedKeptAndRetrainedOnlyWhenForced() throws IOException {
        System.setProperty("latentlab.models", models.toString());
        assertEquals(0, train(file.toString()), stderr());

        ClassifierSpec spec = ExperimentFiles.readClassifier(file);
        Path folder = ClassifierModels.folder(ClassifierModels.modelsDir(), spec);
        assertEquals(models.resolve("tiny-classifier"), folder);
        assertTrue(ClassifierFiles.exists(folder), "nothing saved in " + folder + ":\n" + stdout());
        assertTrue(stderr().contains("training tiny-classifier: iteration 25 of 25"), stderr());
        assertTrue(stderr().matches("(?s).*batch loss \\d+\\.\\d+, \\d+\\.\\d it/s.*"), stderr());

        // what the models folder gives back, without training: the same file, and the printed accuracy and
        // confusion matrix are the classifier's own on the held-out split
        ClassifierFiles.Saved reused = ClassifierModels.obtain(spec, ClassifierModels.modelsDir(),
                file.getParent(), MUST_NOT_TRAIN, note -> {
                    throw new AssertionError("not reused: " + note);
                });
        ExperimentData.Split split = ClassifierModels.split(spec, file.getParent());
        ConfusionMatrix measured = reused.classifier().confusion(split.heldOut());
        assertEquals(measured, reused.info().confusionMatrix());
        assertEquals(200, measured.total());
        assertTrue(stdout().contains(String.format(Locale.ROOT, "held-out accuracy %.2f %% on 200 images",
                100 * measured.accuracy())), stdout());
        for (int t = 0; t < 10; t++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d", t));
            for (int p = 0; p < 10; p++) {
                row.append(String.format(Locale.ROOT, "%6d", measured.count(t, p)));
            }
            assertTrue(stdout().contains(row + System.lineSeparator()), "row " + t + " missing:\n" + stdout());
        }

        // again: kept, nothing trained, nothing written
        FileTime written = Files.getLastModifiedTime(folder.resolve(ClassifierFiles.INFO));
        double seconds = reused.info().trainingSeconds();
        clear();
        assertEquals(0, train(file.toString()), stderr());
        assertTrue(stdout().startsWith("kept: "), stdout());
        assertFalse(stderr().contains("training tiny-classifier"), stderr());
        assertEquals(written, Files.getLastModifiedTime(folder.resolve(ClassifierFiles.INFO)));

        // --force: trained again (the same seed gives the same weights) into a new file
        clear();
        assertEquals(0, train(file.toString(), "--force"), stderr());
        assertTrue(stdout().startsWith("trained tiny-classifier"), stdout());
        assertTrue(stderr().contains("training tiny-classifier: iteration 25 of 25"), stderr());
        ClassifierFiles.Saved again = ClassifierFiles.load(folder);
        assertNotEquals(seconds, again.info().trainingSeconds(), "the info of the new training");
        assertEquals(reused.classifier().network().params(), again.classifier().network().params(),
                "one seed, one network");
    }

    @Test
    void aChangedExperimentIsRetrainedOverTheSavedOne() throws IOException {
        assertEquals(0, train(file.toString(), "--models", models.toString()), stderr());
        clear();
        assertEquals(0, train(file.toString(), "--models", models.toString(), "--iterations", "30"), stderr());
        assertTrue(stderr().contains("was trained by another version of tiny-classifier"), stderr());
        assertTrue(stderr().contains("iteration 30 of 30"), stderr());
        assertEquals(30, ClassifierFiles.load(models.resolve("tiny-classifier")).info().iterations());
    }

    @Test
    void aBundledClassifierIsTrainedOnlyAsBundled() {
        assertEquals(1, train("mnist-classifier", "--iterations", "5", "--models", models.toString()));
        assertTrue(stderr().contains("presets mnist-classifier --write FILE"), stderr());
        assertFalse(Files.exists(models.resolve("mnist-classifier")));
    }

    @Test
    void forceAndModelsBelongToClassifiers() {
        assertEquals(1, train("ring8-nsgan", "--force", "--iterations", "1"));
        assertTrue(stderr().contains("--force belongs to a classifier experiment"), stderr());
    }

    @Test
    void presetsListsTheClassifiersInTheirOwnGroupAndPrintsOne() {
        assertEquals(0, Main.execute("presets"));
        String out = stdout();
        int group = out.indexOf(System.lineSeparator() + "classifier ");
        assertTrue(group > 0, out);
        for (String name : Presets.classifiers()) {
            ClassifierSpec spec = Presets.loadClassifier(name);
            assertTrue(out.indexOf(name + " ", group) > group, name + " not in the classifier group:\n" + out);
            String line = out.substring(out.indexOf(name + " ", group)).lines().findFirst().orElseThrow();
            assertTrue(line.contains(" " + spec.iterations() + "  "), line);
            assertTrue(spec.description().startsWith(line.substring(line.lastIndexOf("  ") + 2)), line);
        }
        clear();
        assertEquals(0, Main.execute("presets", "fashion-classifier"));
        assertEquals(Presets.loadClassifier("fashion-classifier"), ExperimentFiles.parseClassifier(stdout(),
                "stdout"));
    }
}
