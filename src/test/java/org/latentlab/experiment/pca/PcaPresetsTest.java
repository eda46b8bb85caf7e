package org.latentlab.experiment.pca;

import org.junit.jupiter.api.Test;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.train.ae.AutoencoderSettings.Pretraining;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The presets of the two comparisons load, validate and say what they claim. */
class PcaPresetsTest {

    @Test
    void theDeepAutoencoderWithoutPretrainingIsMnistDeepAeFromScratch() {
        ReconstructionExperiment scratch = Presets.loadReconstruction("mnist-deep-ae-scratch");
        ReconstructionExperiment pretrained = Presets.loadReconstruction("mnist-deep-ae");
        assertEquals(Pretraining.NONE, scratch.training().pretraining());
        assertEquals(pretrained.encoder(), scratch.encoder());
        assertEquals(pretrained.decoder(), scratch.decoder());
        assertEquals(pretrained.training().withPretraining(Pretraining.NONE, 0), scratch.training());
    }

    @Test
    void theSmallAndTwoDimensionalPresetsHaveTheirCodeSizes() {
        assertEquals(30, Presets.loadReconstruction("mnist-deep-ae-small").codeDim());
        assertEquals(2, Presets.loadReconstruction("mnist-deep-ae-2d").codeDim());
        for (String name : List.of("mnist-deep-ae-small", "mnist-deep-ae-2d")) {
            ReconstructionExperiment e = Presets.loadReconstruction(name);
            assertEquals(Pretraining.AUTOENCODER, e.training().pretraining(), name);
            // the greedy stage leaves iterations to fine-tune
            assertEquals(true, e.iterations() > e.encoder().layers().size() * e.training().pretrainIterations(),
                    name);
        }
    }

    @Test
    void aComparisonRefusesWhatCannotBeCompared() {
        ReconstructionExperiment e = Presets.loadReconstruction("mnist-deep-ae-small");
        assertThrows(IllegalArgumentException.class, () -> new PretrainingComparison(e, List.of(), 10, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new PretrainingComparison(e, List.of(1L), 10, 11, 3));
        assertThrows(org.latentlab.core.LabException.class, () -> new PretrainingComparison(
                Presets.loadReconstruction("mnist-vae"), List.of(1L), 10, 5, 3));
    }
}
