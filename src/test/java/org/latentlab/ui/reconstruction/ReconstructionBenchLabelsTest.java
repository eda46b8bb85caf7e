package org.latentlab.ui.reconstruction;

import org.junit.jupiter.api.Test;
import org.latentlab.experiment.Presets;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.RunState;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The autoencoder bench's numbers and comparison measures, without a screen. */
class ReconstructionBenchLabelsTest {

    @Test
    void noRateYetReadsAsADashNotNaN() {
        ReconstructionStatus s = new ReconstructionStatus(new TrainingRun.Progress(RunState.READY, 0, 3000, 0, Double.NaN, "", false),
                Map.of(), Double.NaN, "", "", null, null);
        String text = ReconstructionBenchViewModel.describe(s);
        assertFalse(text.contains("NaN"), text);
        assertTrue(text.contains("– it/s"), text);
        ReconstructionStatus running = new ReconstructionStatus(new TrainingRun.Progress(RunState.RUNNING, 1200, 3000, 4000, 311.6,
                "", false), Map.of(), 1.0, "fine-tune", "", null, null);
        assertEquals("it 1,200 / 3,000   fine-tune   312 it/s", ReconstructionBenchViewModel.describe(running));
    }

    @Test
    void eachFamilyIsComparedByItsOwnMeasure() {
        HeldOutMeasure vae = HeldOutMeasure.of(Presets.loadReconstruction("mnist-vae"));
        HeldOutMeasure rbm = HeldOutMeasure.of(Presets.loadReconstruction("mnist-rbm"));
        HeldOutMeasure ae = HeldOutMeasure.of(Presets.loadReconstruction("mnist-ae"));
        assertEquals(HeldOutMeasure.NEGATIVE_ELBO, vae);
        assertEquals(HeldOutMeasure.SQUARED_ERROR, rbm);
        assertNotEquals(vae, ae);
        assertEquals(HeldOutMeasure.NEGATIVE_BOUND, HeldOutMeasure.of(Presets.loadSbn("mnist-sbn")));
        assertEquals(HeldOutMeasure.values().length, java.util.Arrays.stream(HeldOutMeasure.values())
                .map(HeldOutMeasure::axisLabel).distinct().count(), "no two measures share an axis label");
        assertTrue(vae.axisLabel().contains("nats"), vae.axisLabel());
    }
}
