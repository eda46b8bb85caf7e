package org.latentlab.ui.studies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.experiment.DbnDepthSamples;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The study's view model on the current thread: mnist-dbn3 trained for a few iterations into a run folder, opened
 * and sampled at every depth; resampled from noise; a folder that is not a run refused in one line.
 */
class DbnDepthViewModelTest {

    @Test
    void trainsOpensAndSamplesEveryDepth(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        DbnDepthViewModel vm = new DbnDepthViewModel(new DirectTaskRunner(), runs);
        vm.stepsProperty().set(3);
        ReconstructionExperiment tiny = Presets.loadReconstruction(DbnDepthViewModel.PRESET).withIterations(4)
                .withIntervals(2, 2);

        vm.train(tiny);

        assertEquals("done", vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
        DbnDepthSamples s = vm.samplesProperty().get();
        assertNotNull(s);
        assertEquals(3, s.columns().size(), "the 1-, 2- and 3-layer DBNs");
        assertEquals("784-500-250-100", s.columns().get(2).sizes());
        assertEquals(DbnDepthViewModel.COUNT, s.columns().get(0).samples().count());
        assertTrue(vm.modelProperty().get().contains("at iteration 4: DBN 784-500-250-100"),
                vm.modelProperty().get());
        try (var listed = Files.list(runs)) {
            Path run = listed.findFirst().orElseThrow();
            assertTrue(Files.isRegularFile(run.resolve("samples/by-depth-iter-00000004.png")),
                    "the run folder holds the samples by depth");
        }

        vm.fromNoiseProperty().set(true);
        vm.resample();
        DbnDepthSamples fromNoise = vm.samplesProperty().get();
        assertTrue(fromNoise.noise());
        assertTrue(fromNoise.columns().get(2).how().contains("from noise"), fromNoise.columns().get(2).how());

        vm.modelProperty().set("");
        assertTrue(vm.openNewest(), "the newest mnist-dbn3 run under the runs folder is found");
        assertTrue(vm.modelProperty().get().contains("-mnist-dbn3 at iteration 4"), vm.modelProperty().get());
        DbnDepthSamples shown = vm.samplesProperty().get();
        vm.open(tmp);
        String message = vm.messageProperty().get();
        assertTrue(message.contains("neither a run folder"), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertSame(shown, vm.samplesProperty().get(), "a failure leaves the samples shown");
    }
}
