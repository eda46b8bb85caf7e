package org.latentlab.ui.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.ui.gan.PumpWait.pumpUntil;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.analysis.game.BilinearGame;
import org.latentlab.analysis.game.GamePath;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.core.LabException;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanView;
import org.latentlab.train.RunState;

/**
 * The GAN bench's theory panels without a screen: the xy game's paths, D* vs D, and the game Jacobian's job through
 * a {@link DirectTaskRunner} on a real paused run.
 */
class GanTheoryViewModelsTest {

    @TempDir
    Path runs;

    @Test
    void xyGamePathsFollowTheSlidersAndTheirClosedForms() {
        BilinearGameViewModel vm = new BilinearGameViewModel();
        vm.etaProperty().set(0.3);
        vm.stepsProperty().set(200);
        GamePath sim = vm.simultaneousProperty().get();
        GamePath alt = vm.alternatingProperty().get();
        assertEquals(200, sim.steps());
        assertEquals(200, alt.steps());
        assertEquals(sim.x()[0], alt.x()[0], 0, "the same start");
        assertEquals(sim.y()[0], alt.y()[0], 0, "the same start");
        // simultaneous: the radius grows by √(1 + η²) a step, exactly
        assertEquals(Math.pow(1 + 0.09, 100), sim.radius(200), 1e-9 * sim.radius(200));
        // alternating: x² + y² − ηxy stays at its starting value, so the radius stays bounded
        for (int t = 0; t <= 200; t++) {
            assertEquals(1.0, BilinearGame.alternatingInvariant(alt.x()[t], alt.y()[t], 0.3), 1e-9);
        }
        assertTrue(vm.extent() >= sim.radius(200), "the view holds the spiral");
        assertTrue(vm.summaryProperty().get().contains("η = 0.30"), vm.summaryProperty().get());
        vm.stepsProperty().set(5000);
        assertEquals(BilinearGameViewModel.MAX_STEPS, vm.simultaneousProperty().get().steps(), "steps clamped");
        assertTrue(BilinearGameViewModel.CAPTION.contains("√(1 + η²)"));
        assertTrue(BilinearGameViewModel.CAPTION.contains("Mescheder et al. 2018"));
    }

    private static GanView.Points points(GanView.Optimal o, boolean probability) {
        float[] heat = new float[4];
        java.util.Arrays.fill(heat, 0.25f);
        return new GanView.Points(3, new double[] {-1, 1, -1, 1}, new float[0], new float[0], heat, 2,
                probability, null, 0, null, new float[0], new boolean[0], 0, o);
    }

    @Test
    void optimalDShowsTheSmoothedMapByDefaultAndSaysItsBandwidth() {
        OptimalDViewModel vm = new OptimalDViewModel();
        vm.prepare(GanLoss.NON_SATURATING);
        assertFalse(vm.availableProperty().get());
        float[] smooth = {0.5f, 0.5f, 0.5f, 0.5f};
        float[] exact = {0.9f, 0.1f, 0.5f, 0.5f};
        vm.show(points(new GanView.Optimal(smooth, exact, 0.25, 0.3, 600, 0.123, 0.456), true));
        assertTrue(vm.availableProperty().get());
        assertSame(smooth, vm.optimalProperty().get(), "smoothed by default");
        assertTrue(vm.gapTextProperty().get().contains("0.250"), vm.gapTextProperty().get());
        String caption = vm.captionProperty().get();
        assertTrue(caption.contains("600 samples") && caption.contains("0.123 × 0.456"), caption);
        assertTrue(caption.contains("blurred by the same kernel"), caption);
        vm.smoothedProperty().set(false);
        assertSame(exact, vm.optimalProperty().get());
        assertTrue(vm.gapTextProperty().get().contains("0.300"), vm.gapTextProperty().get());
        assertFalse(vm.captionProperty().get().contains("blurred"), vm.captionProperty().get());

        vm.prepare(GanLoss.WGAN);
        vm.show(points(new GanView.Optimal(smooth, exact, Double.NaN, Double.NaN, 600, 0.1, 0.1), false));
        assertTrue(vm.gapTextProperty().get().contains("critic"), vm.gapTextProperty().get());
        assertTrue(vm.learnedTitleProperty().get().contains("critic"));
        vm.show(points(null, true));
        assertFalse(vm.availableProperty().get(), "a view without D* (not a mixture) empties the panel");
        assertNull(vm.optimalProperty().get());
    }

    @Test
    void gameJacobianIsOfferedWhilePausedAndComputedOnTheRunsCopies() {
        GanBenchViewModel bench = new GanBenchViewModel(new ExperimentRunner.Options(runs, Path.of("."), 20, 40),
                new DirectTaskRunner());
        try {
            GanExperiment p = Presets.loadGan("ring8-nsgan");
            bench.loadSpec(p.withIterations(25));
            pumpUntil("the run to be ready", bench::pump, () -> bench.stateProperty().get() == RunState.READY);
            GameJacobianViewModel vm = bench.jacobian();
            assertFalse(vm.canRunProperty().get(), "not offered before training stops");
            bench.start();
            pumpUntil("the run to finish", bench::pump, () -> bench.stateProperty().get() == RunState.FINISHED);
            assertTrue(vm.canRunProperty().get(), "offered once the networks stand still");
            vm.compute();
            assertNotNull(vm.spectrumProperty().get(), vm.messageProperty().get());
            assertFalse(vm.busyProperty().get());
            assertEquals(1.0, vm.progressProperty().get(), 0);
            assertTrue(vm.messageProperty().get().startsWith("iteration 25:"), vm.messageProperty().get());
            String readings = vm.readingsProperty().get();
            assertTrue(readings.startsWith("λ1 = "), readings);
            assertEquals(vm.spectrumProperty().get().eigenvalues().size(), readings.lines().count());
        } finally {
            bench.close();
        }
    }

    @Test
    void aFailedCaptureBecomesTheMessage() {
        GameJacobianViewModel vm = new GameJacobianViewModel(new DirectTaskRunner(),
                () -> CompletableFuture.failedFuture(new LabException("the WGAN-GP penalty is random")));
        vm.follow(RunState.PAUSED);
        vm.compute();
        assertEquals("the WGAN-GP penalty is random", vm.messageProperty().get());
        assertNull(vm.spectrumProperty().get());
        assertTrue(vm.canRunProperty().get(), "offered again after a failure");
        vm.follow(RunState.RUNNING);
        assertFalse(vm.canRunProperty().get());
        assertTrue(GameJacobianViewModel.CAPTION.contains("θ ← θ − η·v"), "the sign convention is stated");
    }
}
