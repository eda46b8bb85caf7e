package org.latentlab.experiment.sharpflat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.DatasetSpec;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.classifier.ClassifierSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny sharp/flat comparison on the bundled MNIST: its numbers consistent with each other, its files written. */
class SharpFlatStudyTest {

    private static final SharpFlatOptions OPTIONS = new SharpFlatOptions(64, 48, 8, 32, 3, 0, 2, 6, 1, 0.5, 9);
    private static SharpFlatResult result;

    @BeforeAll
    static void run() {
        NetworkSpec net = new NetworkSpec("tiny", Shape.image(1, 28, 28), List.of(
                new LayerSpec.Flatten("flat"),
                new LayerSpec.Dense("hidden", 8, Activation.RELU),
                new LayerSpec.Dense("logits", 10, Activation.IDENTITY)));
        ClassifierSpec spec = new ClassifierSpec(null, "tiny-sharp-flat", "test", 3, DatasetSpec.images("mnist"), net,
                new ClassifierSettings(8, OptimizerSpec.adam(1e-2, 0.9), 0), 10, 500);
        result = SharpFlatStudy.run(spec, OPTIONS, Path.of("."), Monitor.NONE);
    }

    private static int at(double[] alpha, double value) {
        for (int i = 0; i < alpha.length; i++) {
            if (alpha[i] == value) {
                return i;
            }
        }
        throw new AssertionError("α = " + value + " is not on the grid");
    }

    @Test
    void theInterpolationsEndsAreTheTwoMinimasLosses() {
        SharpFlatResult.Arm small = result.arms().get(0);
        SharpFlatResult.Arm large = result.arms().get(1);
        int zero = at(result.alpha(), 0);
        int one = at(result.alpha(), 1);
        for (int s = 0; s < OPTIONS.seeds(); s++) {
            assertEquals(small.trainLoss()[s], result.interpolation()[s][zero], 1e-10);
            assertEquals(large.trainLoss()[s], result.interpolation()[s][one], 1e-10);
            assertEquals(small.testLoss()[s], result.heldOutAlong()[s][zero], 1e-10);
            assertEquals(large.testLoss()[s], result.heldOutAlong()[s][one], 1e-10);
            assertTrue(small.trainLoss()[s] != large.trainLoss()[s], "two different minima");
        }
    }

    @Test
    void eachLineThroughAMinimumPassesThroughItsLoss() {
        int centre = at(result.lineAlpha(), 0);
        for (SharpFlatResult.Arm a : result.arms()) {
            for (int s = 0; s < OPTIONS.seeds(); s++) {
                assertEquals(a.trainLoss()[s], a.lines()[s][0][centre], 1e-10);
                assertTrue(a.lambda1()[s] > 0, "λ₁ at a trained classifier is positive: " + a.lambda1()[s]);
                assertTrue(a.trainAcc()[s] >= 0 && a.trainAcc()[s] <= 1 && a.testAcc()[s] >= 0
                        && a.testAcc()[s] <= 1);
                assertEquals(3, a.epochs()[s], "target 0: every epoch");
            }
        }
        assertEquals(8, result.arms().get(0).batch());
        assertEquals(32, result.arms().get(1).batch());
    }

    @Test
    void writesTheTableTheCsvFilesAndTheFigure(@TempDir Path dir) throws Exception {
        List<Path> files = SharpFlatFiles.write(result, dir);
        assertEquals(5, files.size());
        for (Path p : files) {
            assertTrue(Files.size(p) > 0, p + " is empty");
        }
        List<String> minima = Files.readAllLines(dir.resolve(SharpFlatFiles.MINIMA_CSV));
        assertEquals(1 + 2 * OPTIONS.seeds(), minima.size());
        String table = Files.readString(dir.resolve(SharpFlatFiles.TABLE_MD));
        assertTrue(table.contains("| 8 | 3 ± 0 |") && table.contains("| 32 | 3 ± 0 |"), table);
        assertEquals(1 + OPTIONS.seeds() * OPTIONS.points(),
                Files.readAllLines(dir.resolve(SharpFlatFiles.INTERPOLATION_CSV)).size());
    }

    @Test
    void optionsRefuseALargeBatchNotLargerThanTheSmallOne() {
        assertThrows(IllegalArgumentException.class, () -> new SharpFlatOptions(64, 48, 32, 32, 3, 0, 1, 6, 1, 0.5,
                9));
        assertThrows(IllegalArgumentException.class, () -> new SharpFlatOptions(64, 48, 8, 32, 3, 0, 1, 6, 1, 0.5,
                10));
    }
}
