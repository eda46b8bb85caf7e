package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.latentlab.train.classifier.ClassifierSettings;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The models folder: a classifier saved, read back exactly, reused, and retrained when damaged or stale. */
class ClassifierModelsTest {

    /** A small net trained for a few iterations on the bundled MNIST: enough to test the folder, not to classify. */
    static ClassifierSpec tiny(long iterations) {
        NetworkSpec net = new NetworkSpec("tiny", Shape.image(1, 28, 28), List.of(
                new LayerSpec.Conv2D("c1", 4, 3, 2, Padding.SAME, Activation.RELU, 0),
                new LayerSpec.Flatten("f"),
                new LayerSpec.Dense("features", 16, Activation.RELU),
                new LayerSpec.Dense("logits", 10, Activation.IDENTITY)));
        return new ClassifierSpec(null, "tiny-mnist-classifier", "test", 1, DatasetSpec.images("mnist"), net,
                new ClassifierSettings(32, OptimizerSpec.adam(1e-3, 0.9), 0), iterations, 1000);
    }

    private static INDArray someImages(ExampleSet set, int n) {
        float[] flat = new float[n * 784];
        for (int i = 0; i < n; i++) {
            System.arraycopy(set.example(i), 0, flat, i * 784, 784);
        }
        return Nd4j.create(flat, new long[] {n, 784}, 'c');
    }

    @Test
    void aSavedClassifierReadsBackExactlyAndIsReusedNotRetrained(@TempDir Path models) throws Exception {
        List<String> notes = new ArrayList<>();
        ClassifierSpec spec = tiny(5);
        ClassifierFiles.Saved trained = ClassifierModels.obtain(spec, models, Path.of("."), Monitor.NONE, notes::add);
        Path folder = models.resolve("tiny-mnist-classifier");
        assertEquals(folder, trained.folder());
        assertTrue(Files.isRegularFile(folder.resolve(ClassifierFiles.MODEL)));
        assertTrue(notes.isEmpty(), notes.toString());

        ClassifierFiles.Saved loaded = ClassifierFiles.load(folder);
        assertArrayEquals(trained.classifier().network().params().toFloatVector(),
                loaded.classifier().network().params().toFloatVector(), 0f, "parameters bit for bit");
        ExampleSet heldOut = ClassifierModels.split(spec, Path.of(".")).heldOut();
        INDArray x = someImages(heldOut, 20);
        assertArrayEquals(trained.classifier().probabilities(x).toFloatMatrix(),
                loaded.classifier().probabilities(x).toFloatMatrix(), "same probabilities");
        assertArrayEquals(trained.classifier().features(x).toFloatMatrix(),
                loaded.classifier().features(x).toFloatMatrix(), "same features");
        assertEquals(spec, loaded.info().spec());
        assertEquals(trained.info().heldOutAccuracy(), loaded.info().heldOutAccuracy(), 0);
        assertTrue(Arrays.deepEquals(trained.info().confusion(), loaded.info().confusion()));
        assertEquals(1000, loaded.info().heldOutExamples());
        assertEquals(9000, loaded.info().trainingExamples());
        // the accuracy saved is the loaded classifier's on the held-out split
        assertEquals(loaded.info().heldOutAccuracy(), loaded.classifier().accuracy(heldOut), 0);

        FileTime written = Files.getLastModifiedTime(folder.resolve(ClassifierFiles.MODEL));
        Monitor counting = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                throw new AssertionError("reused, so not trained: " + message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        ClassifierModels.obtain(spec, models, Path.of("."), counting, notes::add);
        assertTrue(notes.isEmpty(), notes.toString());
        assertEquals(written, Files.getLastModifiedTime(folder.resolve(ClassifierFiles.MODEL)));
    }

    @Test
    void aPersonsOwnLabelledIdxFilesAreMeasuredLikeTheSameImagesInTheLab(@TempDir Path dir) throws Exception {
        ClassifierSpec spec = tiny(5);
        ClassifierFiles.Saved saved = ClassifierModels.obtain(spec, dir.resolve("models"), Path.of("."),
                Monitor.NONE, n -> { });
        ExampleSet heldOut = ClassifierModels.split(spec, Path.of(".")).heldOut();
        int n = heldOut.size();
        java.nio.ByteBuffer images = java.nio.ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n)
                .putInt(28).putInt(28);
        java.nio.ByteBuffer labels = java.nio.ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            for (float v : heldOut.example(i)) {
                images.put((byte) Math.round(v * 255));
            }
            labels.put((byte) heldOut.label(i));
        }
        Files.write(dir.resolve("mine-images-idx3-ubyte"), images.array());
        Files.write(dir.resolve("mine-labels-idx1-ubyte"), labels.array());
        ExampleSet mine = org.latentlab.data.ImageDataset.load(dir.resolve("mine-images-idx3-ubyte"),
                dir.resolve("mine-labels-idx1-ubyte"), saved.classifier().scale(), "mine");
        var expected = saved.classifier().confusion(heldOut);
        assertEquals(expected, saved.classifier().confusion(mine));
        assertEquals(saved.info().confusionMatrix(), expected, "the saved matrix is the held-out split's");
    }

    @Test
    void aDamagedNetworkFileIsRefusedInOneLineAndRetrained(@TempDir Path models) throws Exception {
        ClassifierSpec spec = tiny(3);
        ClassifierModels.obtain(spec, models, Path.of("."), Monitor.NONE, n -> { });
        Path folder = models.resolve(spec.name());
        Path zip = folder.resolve(ClassifierFiles.MODEL);
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(zip, bytes);

        LabException e = assertThrows(LabException.class, () -> ClassifierFiles.load(folder));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains(ClassifierFiles.MODEL),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());

        List<String> notes = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        ClassifierModels.obtain(spec, models, Path.of("."), new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                progress.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        }, notes::add);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("damaged") && notes.get(0).contains("retrain"), notes.get(0));
        assertEquals(1.0, progress.get(progress.size() - 1), 0, "retrained with progress to the end");
        ClassifierFiles.load(folder); // intact again
    }

    @Test
    void aDamagedInfoFileIsRefusedInOneLine(@TempDir Path models) throws Exception {
        ClassifierSpec spec = tiny(2);
        ClassifierModels.obtain(spec, models, Path.of("."), Monitor.NONE, n -> { });
        Path folder = models.resolve(spec.name());
        Path info = folder.resolve(ClassifierFiles.INFO);
        String json = Files.readString(info);
        Files.writeString(info, json.substring(0, json.length() / 2));
        LabException e = assertThrows(LabException.class, () -> ClassifierFiles.load(folder));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains(ClassifierFiles.INFO),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void aClassifierOfAnotherVersionOfTheExperimentIsRetrained(@TempDir Path models) {
        ClassifierModels.obtain(tiny(2), models, Path.of("."), Monitor.NONE, n -> { });
        List<String> notes = new ArrayList<>();
        ClassifierFiles.Saved again = ClassifierModels.obtain(tiny(3), models, Path.of("."), Monitor.NONE,
                notes::add);
        assertEquals(1, notes.size(), notes.toString());
        assertEquals(3, again.info().iterations());
    }

    @Test
    void theBundledClassifiersParseAndTakeTheirDataSets() {
        for (String name : Presets.classifiers()) {
            ClassifierSpec s = Presets.loadClassifier(name);
            assertEquals(name, s.name());
            assertEquals(10, s.classCount());
            assertEquals(s, ExperimentFiles.parseClassifier(ExperimentFiles.toJson(s), "round trip"));
            LabException e = assertThrows(LabException.class, () -> ExperimentFiles.parse(Presets.text(name),
                    name));
            assertTrue(e.getMessage().contains("classifier"), e.getMessage());
        }
        assertEquals(List.of("mnist-classifier", "fashion-classifier", "mnist-tangent-prop",
                "mnist-sharp-flat", "mnist-random-labels"), Presets.classifiers());
        assertThrows(IllegalArgumentException.class, () -> new ClassifierSpec(null, "x", null, 1,
                DatasetSpec.toy("ring8"), tiny(1).network(), tiny(1).training(), 1, 10));
    }
}
