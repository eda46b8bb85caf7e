package org.latentlab.ui.studies;

import org.junit.jupiter.api.Test;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.pca.PretrainingComparison;
import org.latentlab.experiment.pca.PretrainingRun;
import org.latentlab.train.ae.AutoencoderSettings.Pretraining;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two studies' view models on the caller's thread: what a person would read, and the runs as they finish. */
class PcaStudiesViewModelTest {

    @Test
    void anUnknownModelIsOneLineSayingWhatToChoose() {
        PcaStudyViewModel vm = new PcaStudyViewModel(new DirectTaskRunner());
        vm.compare("no-such-preset", null, 10);
        assertTrue(vm.failedProperty().get());
        assertFalse(vm.runningProperty().get());
        assertNull(vm.rowsProperty().get());
        String s = vm.statusProperty().get();
        assertTrue(s.contains("neither a run folder nor an autoencoder preset") && !s.contains("\n"), s);
    }

    @Test
    void everyRunArrivesWithItsCurveAndTheTableFills() {
        ReconstructionExperiment spec = Presets.loadReconstruction("mnist-deep-ae-small");
        spec = spec.withTraining(spec.training().withPretraining(Pretraining.AUTOENCODER, 2));
        PretrainingComparison c = new PretrainingComparison(spec, List.of(1L), 4, 2, 20);
        PretrainingStudyViewModel vm = new PretrainingStudyViewModel(new DirectTaskRunner());
        // the pane listens to this list: it must be one list, not a fresh view per call
        assertSame(vm.runs(), vm.runs());
        vm.start(c);
        assertFalse(vm.runningProperty().get());
        assertFalse(vm.failedProperty().get(), vm.statusProperty().get());
        assertEquals(3, vm.runs().size());
        assertEquals(List.of(Pretraining.NONE, Pretraining.AUTOENCODER, Pretraining.RBM),
                vm.runs().stream().map(PretrainingRun::initialisation).toList());
        for (PretrainingRun r : vm.runs()) {
            // measured before fine-tuning, after 2 and after 4 updates
            assertEquals(List.of(0L, 2L, 4L), java.util.Arrays.stream(r.curve().iterations()).boxed().toList());
            for (double e : r.curve().errors()) {
                assertTrue(e > 0 && e < 1, "a mean squared error of pixels in [0, 1]: " + e);
            }
        }
        assertEquals(3, vm.table().rows().size());
        assertEquals(1.0, vm.progressProperty().get(), 1e-12);
    }
}
