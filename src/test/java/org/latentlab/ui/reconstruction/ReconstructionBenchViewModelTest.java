package org.latentlab.ui.reconstruction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.RunControls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.ui.gan.PumpWait.pumpUntil;

/**
 * The autoencoder / VAE / RBM bench's ViewModel without a screen: jobs run at once on the test's thread
 * ({@link DirectTaskRunner}) and the test drains the statuses itself, as the screen's frame timer would.
 */
class ReconstructionBenchViewModelTest {

    @TempDir
    Path runs;

    private ReconstructionBenchViewModel vm;

    @BeforeEach
    void create() {
        vm = new ReconstructionBenchViewModel(new ExperimentRunner.Options(runs, Path.of("."), 20, 40),
                new DirectTaskRunner());
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private void until(String what, BooleanSupplier condition) {
        pumpUntil(what, vm::pump, condition);
    }

    private String state() {
        return vm.stateProperty().get();
    }

    private static void assertControls(RunControls c, boolean start, boolean pause, boolean step, boolean reset) {
        assertEquals(start, c.canStartProperty().get(), "Start");
        assertEquals(pause, c.canPauseProperty().get(), "Pause");
        assertEquals(step, c.canStepProperty().get(), "Step");
        assertEquals(reset, c.canResetProperty().get(), "Reset");
    }

    @Test
    void nothingLoadedOffersNothing() {
        assertControls(vm.controls(), false, false, false, false);
        assertFalse(vm.canKeepProperty().get());
        assertEquals("nothing to compare yet: train a run first", vm.keepForComparison());
    }

    @Test
    void aPresetLoadsReadyAndTheControlsFollowTheRun() {
        vm.loadPreset("ring8-ae-2d");
        assertEquals("ring8-ae-2d", vm.experimentNameProperty().get(), "loaded when the job returns");
        assertTrue(vm.descriptionProperty().get().startsWith("ring8-ae-2d: "), vm.descriptionProperty().get());
        until("the run to be ready", () -> "ready".equals(state()));
        assertControls(vm.controls(), true, false, true, true);
        assertFalse(vm.canKeepProperty().get(), "nothing trained to keep");
        assertEquals(RunState.READY, vm.runStateProperty().get());

        vm.step();
        until("one iteration", () -> vm.numbersProperty().get().startsWith("it 1 /"));
        assertFalse(vm.numbersProperty().get().contains("NaN"), vm.numbersProperty().get());
        vm.start();
        until("the run to train", () -> "running".equals(state()));
        assertControls(vm.controls(), false, true, false, true);
        assertTrue(vm.canKeepProperty().get());
        assertTrue(vm.progressAtRisk().endsWith("running"), vm.progressAtRisk());
        vm.pause();
        until("the run to pause", () -> "paused".equals(state()));
        assertControls(vm.controls(), true, false, true, true);
        assertEquals("Resume", vm.controls().startLabelProperty().get());
    }

    @Test
    void aShortRunTurnsItsStatusesIntoCurvesAPictureAndAKeptRun() {
        ReconstructionExperiment e = Presets.loadReconstruction("ring8-ae-2d").withIterations(60).withIntervals(20, 1000);
        vm.loadSpec(e);
        until("the run to be ready", () -> "ready".equals(state()));
        vm.start();
        until("the run to finish", () -> "finished".equals(state()));
        assertTrue(vm.takeSeriesChanged());
        assertFalse(vm.losses().isEmpty(), "the loss parts are charted");
        vm.losses().values().forEach(s -> assertEquals(60.0, s.getMaxX(), s.getKey() + " up to the last iteration"));
        String key = HeldOutMeasure.of(e).key();
        assertTrue(vm.heldOut().containsKey(key), vm.heldOut().keySet().toString());
        assertTrue(vm.heldOut().get(key).getItemCount() >= 3, "measured every 20 iterations");
        assertNotNull(vm.view(), "the latest picture");
        assertTrue(vm.takeViewChanged());
        assertNull(vm.progressAtRisk(), "a finished run loses nothing");

        String kept = vm.keepForComparison();
        assertTrue(kept.startsWith("kept ring8-ae-2d (1)"), kept);
        assertEquals(1, vm.compared().size());
        assertEquals(HeldOutMeasure.SQUARED_ERROR, vm.compared().get(0).measure());
        vm.clearComparison();
        assertTrue(vm.compared().isEmpty());
    }

    @Test
    void aFileThatCannotBeReadBecomesTheMessageAndTheRunIsKept() throws IOException {
        vm.loadPreset("ring8-ae-2d");
        until("the run to be ready", () -> "ready".equals(state()));
        Path bad = runs.resolve("broken-model.json");
        Files.writeString(bad, "{ \"family\": \"autoencoder\", \"name\": ");
        vm.openFile(bad);
        String m = vm.errorProperty().get();
        assertNotNull(m, "the failure reaches the screen");
        assertTrue(m.contains("broken-model.json"), m);
        assertFalse(m.contains("\n") || m.contains("Exception"), m);
        assertEquals(m, vm.messageProperty().get());
        assertEquals("ready", state(), "the old run goes on");
        assertEquals("ring8-ae-2d", vm.experimentNameProperty().get());
        assertControls(vm.controls(), true, false, true, true);
    }

    @Test
    void anyFailureOfALoadReachesTheScreenNotOnlyTheExpectedKinds() throws IOException {
        // a folder where a file should be: whatever exception that raises, it is told, never left on "loading"
        Path folder = Files.createDirectories(runs.resolve("a-folder.json"));
        vm.loadPreset("ring8-ae-2d");
        until("the run to be ready", () -> "ready".equals(state()));
        vm.openFile(folder);
        assertNotNull(vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("a-folder.json"), vm.errorProperty().get());
        assertEquals("ready", state());
    }

    @Test
    void aBadFileWithNothingLoadedOpensTheFirstPresetAndSaysWhy() {
        vm.openFile(runs.resolve("nowhere.json"));
        assertNotNull(vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("nowhere.json"), vm.errorProperty().get());
        assertEquals(Presets.reconstructions().get(0), vm.experimentNameProperty().get(), "the first preset instead");
    }
}
