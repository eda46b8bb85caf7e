package org.latentlab.ui.geometry;

import org.latentlab.experiment.Family;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.core.WorkerTaskRunner;
import org.latentlab.experiment.geometry.SliceOptions;
import org.latentlab.experiment.geometry.TinyRuns;
import org.latentlab.train.Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loss-surface section without a screen: a tiny ring autoencoder with three checkpoints. */
class LossSurfaceViewModelTest {

    @TempDir
    static Path runs;
    static Path run;

    @BeforeAll
    static void train() {
        Backend.init();
        run = TinyRuns.train(TinyRuns.ringModel(Family.AUTOENCODER, 30, 10), runs);
    }

    private static LossSurfaceViewModel opened() {
        LossSurfaceViewModel vm = new LossSurfaceViewModel(new DirectTaskRunner(), runs);
        vm.loss().examplesProperty().set("64");
        vm.gridProperty().set("5");
        vm.open(run);
        return vm;
    }

    @Test
    void openingListsTheCheckpointsAndTheLineStarts() {
        LossSurfaceViewModel vm = opened();
        assertTrue(vm.hasModel());
        assertEquals(3, vm.checkpoints().size(), vm.checkpoints().toString());
        assertEquals("iter-00000030", vm.checkpointProperty().get().getFileName().toString());
        assertEquals(LossSurfaceViewModel.LineStart.INITIAL, vm.lineStartProperty().get());
        assertEquals(3, vm.lineStarts().size(), "the initial weights and the two other checkpoints");
        assertTrue(vm.reportProperty().get().startsWith("Opened tiny-ae"), vm.reportProperty().get());
        assertTrue(vm.source().shownProperty().get().endsWith("; 3 checkpoints"), vm.source().shownProperty().get());
    }

    @Test
    void aSliceArrivesRowByRowThenWithItsTrajectory() {
        LossSurfaceViewModel vm = opened();
        int[] grids = {0};
        vm.shownGridProperty().addListener((o, a, b) -> grids[0]++);
        vm.computeSlice();
        assertNotNull(vm.sliceProperty().get());
        assertTrue(grids[0] > 2, "rows were handed over as they came: " + grids[0]);
        SurfaceGrid g = vm.shownGridProperty().get();
        for (double v : g.values()) {
            assertTrue(Double.isFinite(v), "no cell is pending at the end");
        }
        assertEquals(4, vm.trackProperty().get().size(), "the initial weights and three checkpoints");
        assertTrue(vm.reportProperty().get().startsWith("2-D slice 5 × 5"), vm.reportProperty().get());
        assertEquals(1.0, vm.tasks().progressProperty().get());
        assertFalse(vm.canContinueProperty().get());
    }

    @Test
    void principalComponentsFitTheRangeToTheTrajectory() {
        LossSurfaceViewModel vm = opened();
        vm.directionsProperty().set(SliceOptions.Directions.PCA);
        assertTrue(vm.fitProperty().get(), "the principal components fit the range");
        vm.computeSlice();
        assertNotEquals("1", vm.rangeProperty().get());
        assertTrue(Double.parseDouble(vm.rangeProperty().get()) > 0);
        assertTrue(vm.reportProperty().get().contains("principal components"), vm.reportProperty().get());
        vm.directionsProperty().set(SliceOptions.Directions.RANDOM);
        assertFalse(vm.fitProperty().get());
    }

    @Test
    void theLineFromTheInitialWeightsAndTheCsvExport() throws Exception {
        LossSurfaceViewModel vm = opened();
        vm.linePointsProperty().set("9");
        vm.computeLine();
        assertNotNull(vm.lineProperty().get());
        assertEquals(9, vm.lineProperty().get().alpha().length);
        assertTrue(vm.reportProperty().get().startsWith("1-D line (9 points)"), vm.reportProperty().get());
        assertTrue(vm.canExportCsv());
        assertFalse(vm.canExportPng(), "no surface yet");
        assertEquals("nothing to export yet: scan a slice first", vm.tasks().messageProperty().get());
        vm.computeSlice();
        List<Path> written = vm.writeCsv(runs.resolve("out.csv"));
        assertEquals(3, written.size(), written.toString());
        for (Path p : written) {
            assertTrue(Files.size(p) > 0, p.toString());
        }
    }

    @Test
    void badSettingsAreRefusedWithWhatTheyTake() {
        LossSurfaceViewModel vm = opened();
        vm.gridProperty().set("1");
        vm.computeSlice();
        assertEquals("grid: a whole number from 2 to 1001", vm.tasks().messageProperty().get());
        vm.gridProperty().set("5");
        vm.rangeProperty().set("-1");
        vm.computeSlice();
        assertEquals("range: a positive number", vm.tasks().messageProperty().get());
        vm.linePointsProperty().set("1");
        vm.computeLine();
        assertEquals("points: a whole number from 2 to 10001", vm.tasks().messageProperty().get());
        LossSurfaceViewModel empty = new LossSurfaceViewModel(new DirectTaskRunner(), runs);
        empty.computeLine();
        assertEquals("first train a model here or open a run", empty.tasks().messageProperty().get());
        assertFalse(empty.canExportCsv());
    }

    @Test
    void aCancelledScanKeepsItsRowsAndCanContinue() throws Exception {
        try (WorkerTaskRunner runner = new WorkerTaskRunner("surface-test", Runnable::run, m -> { })) {
            LossSurfaceViewModel vm = new LossSurfaceViewModel(runner, runs);
            vm.loss().examplesProperty().set("500");
            vm.gridProperty().set("151");
            vm.open(run);
            waitFor(() -> vm.hasModel() && !vm.tasks().isBusy());
            vm.computeSlice();
            waitFor(() -> vm.tasks().progressProperty().get() > 0.3);
            vm.tasks().cancel();
            waitFor(() -> !vm.tasks().isBusy());
            assertEquals("cancelled", vm.tasks().messageProperty().get());
            assertTrue(vm.canContinueProperty().get());
            assertTrue(vm.reportProperty().get().startsWith("Scan stopped"), vm.reportProperty().get());
            double[] values = vm.shownGridProperty().get().values();
            long done = java.util.Arrays.stream(values).filter(Double::isFinite).count();
            assertTrue(done > 0 && done < values.length, "some rows computed, not all: " + done);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }
}
