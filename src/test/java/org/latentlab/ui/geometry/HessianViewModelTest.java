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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Hessian section without a screen: on a tiny ring autoencoder (51 parameters, so the spectrum is exact). */
class HessianViewModelTest {

    @TempDir
    static Path runs;
    static Path run;

    @BeforeAll
    static void train() {
        Backend.init();
        run = TinyRuns.train(TinyRuns.ringModel(Family.AUTOENCODER, 20, 10), runs);
    }

    private static HessianViewModel opened() {
        HessianViewModel vm = new HessianViewModel(new DirectTaskRunner(), runs);
        vm.loss().examplesProperty().set("64");
        vm.openRun(run);
        return vm;
    }

    @Test
    void nothingIsComputedBeforeAModelIsOpen() {
        HessianViewModel vm = new HessianViewModel(new DirectTaskRunner(), runs);
        vm.computeSpectrum();
        assertEquals("first train a small model here or open a run", vm.tasks().messageProperty().get());
        assertFalse(vm.hasModel());
    }

    @Test
    void openingSaysWhatIsLoadedAndOffersNoGanChoice() {
        HessianViewModel vm = opened();
        assertTrue(vm.reportProperty().get().startsWith("Opened tiny-ae"), vm.reportProperty().get());
        assertTrue(vm.source().shownProperty().get().startsWith("tiny-ae (autoencoder), iter-00000020"),
                vm.source().shownProperty().get());
        assertFalse(vm.loss().ganProperty().get());
    }

    @Test
    void theExactSpectrumArrivesAndASecondLookIsReadBack() {
        HessianViewModel vm = opened();
        vm.computeSpectrum();
        assertNotNull(vm.exactProperty().get());
        assertNull(vm.densityProperty().get());
        assertEquals(51, vm.exactProperty().get().size());
        String report = vm.reportProperty().get();
        assertTrue(report.contains("Exact spectrum, 51 eigenvalues") && report.contains("negative:"), report);
        assertEquals(1.0, vm.tasks().progressProperty().get());
        vm.computeSpectrum();
        assertTrue(vm.tasks().messageProperty().get().startsWith("read from hessian-full"),
                vm.tasks().messageProperty().get());
    }

    @Test
    void topEigenvaluesAndTheTraceAreAddedToTheReport() {
        HessianViewModel vm = opened();
        vm.topKProperty().set("3");
        vm.computeTop();
        String report = vm.reportProperty().get();
        assertTrue(report.contains("Top 3 eigenvalues (Lanczos") && report.contains("λ3"), report);
        assertTrue(report.contains("trace"), report);
    }

    @Test
    void badInputIsRefusedWithWhatItTakes() {
        HessianViewModel vm = opened();
        vm.topKProperty().set("0");
        vm.computeTop();
        assertEquals("k: a whole number from 1 to 50", vm.tasks().messageProperty().get());
        vm.topKProperty().set("3");
        vm.loss().examplesProperty().set("many");
        vm.computeTop();
        assertEquals("examples: a whole number from 1 to 10000", vm.tasks().messageProperty().get());
        vm.computeSpectrum();
        assertEquals("examples: a whole number from 1 to 10000", vm.tasks().messageProperty().get());
        assertNull(vm.exactProperty().get());
    }

    @Test
    void aFolderThatIsNotARunBecomesTheMessage() {
        HessianViewModel vm = new HessianViewModel(new DirectTaskRunner(), runs);
        vm.openRun(runs.resolve("no-such-run"));
        String message = vm.tasks().messageProperty().get();
        assertFalse(message.isBlank() || message.contains("\n"), message);
        assertTrue(message.contains("no-such-run"), message);
        assertFalse(vm.tasks().isBusy());
        assertFalse(vm.hasModel());
    }
}
