package org.latentlab.ui.geometry;

import org.latentlab.experiment.Family;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.experiment.geometry.TinyRuns;
import org.latentlab.train.Backend;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The curvature-along-training section without a screen, on tiny ring autoencoders. */
class AlongTrainingViewModelTest {

    @TempDir
    static Path runs;
    static Path threeCheckpoints;
    static Path oneCheckpoint;

    @BeforeAll
    static void train() {
        Backend.init();
        threeCheckpoints = TinyRuns.train(TinyRuns.ringModel(Family.AUTOENCODER, 30, 10), runs);
        oneCheckpoint = TinyRuns.train(TinyRuns.ringModel(Family.AUTOENCODER, 10, 10), runs);
    }

    private static AlongTrainingViewModel quick() {
        AlongTrainingViewModel vm = new AlongTrainingViewModel(new DirectTaskRunner(), runs);
        vm.loss().examplesProperty().set("32");
        vm.runsProperty().set("1");
        vm.stepsProperty().set("8");
        return vm;
    }

    @Test
    void everyCheckpointGivesARow() {
        AlongTrainingViewModel vm = quick();
        vm.openAndCompute(threeCheckpoints);
        assertEquals(3, vm.historyProperty().get().rows().size());
        assertTrue(vm.tableProperty().get().contains("top_eigenvalue"), vm.tableProperty().get());
        assertEquals("", vm.noteProperty().get());
        assertTrue(vm.source().shownProperty().get().endsWith("; 3 checkpoints"), vm.source().shownProperty().get());
        assertEquals(1.0, vm.tasks().progressProperty().get());
    }

    @Test
    void aRunWithOneCheckpointSaysSo() {
        AlongTrainingViewModel vm = quick();
        vm.openAndCompute(oneCheckpoint);
        assertEquals(1, vm.historyProperty().get().rows().size());
        assertTrue(vm.noteProperty().get().startsWith("The run saved one checkpoint"), vm.noteProperty().get());
        assertTrue(vm.noteProperty().get().endsWith("."), vm.noteProperty().get());
    }

    @Test
    void badSettingsAreRefusedWithWhatTheyTake() {
        AlongTrainingViewModel vm = quick();
        vm.compute();
        assertEquals("first train a model here or open a run", vm.tasks().messageProperty().get());
        vm.runsProperty().set("0");
        vm.openAndCompute(threeCheckpoints);
        assertEquals("random starts: a whole number from 1 to 20", vm.tasks().messageProperty().get());
        vm.runsProperty().set("1");
        vm.stepsProperty().set("1");
        vm.compute();
        assertEquals("Lanczos steps: a whole number from 2 to 500", vm.tasks().messageProperty().get());
        assertNull(vm.historyProperty().get());
    }
}
