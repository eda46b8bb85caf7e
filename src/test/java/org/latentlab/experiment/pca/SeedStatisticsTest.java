package org.latentlab.experiment.pca;

import org.junit.jupiter.api.Test;
import org.latentlab.train.ae.AutoencoderSettings.Pretraining;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pretraining table's statistics on hand-made numbers. */
class SeedStatisticsTest {

    @Test
    void meanAndSampleStandardDeviation() {
        SeedStatistics s = SeedStatistics.of(1, 2, 3, 4);
        assertEquals(2.5, s.mean(), 1e-15);
        // squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, over n - 1 = 3
        assertEquals(Math.sqrt(5.0 / 3), s.sd(), 1e-15);
        assertEquals(4, s.n());
        assertEquals("2.50000 ± 1.29099", s.toString());
    }

    @Test
    void oneSeedHasNoSpread() {
        SeedStatistics s = SeedStatistics.of(0.25);
        assertEquals(0.25, s.mean());
        assertEquals(0, s.sd());
        assertThrows(IllegalArgumentException.class, SeedStatistics::of);
    }

    private static PretrainingRun run(Pretraining p, long seed, double last, double seconds) {
        return new PretrainingRun(p, seed, new HeldOutCurve(new long[] {0, 10}, new double[] {1, last}), seconds);
    }

    @Test
    void theTableGroupsRunsByInitialisationInOrder() {
        PretrainingTable t = PretrainingTable.of(List.of(
                run(Pretraining.RBM, 1, 0.02, 10), run(Pretraining.NONE, 1, 0.05, 4),
                run(Pretraining.RBM, 2, 0.04, 20), run(Pretraining.NONE, 2, 0.07, 6),
                run(Pretraining.NONE, 3, 0.09, 8)));
        assertEquals(2, t.rows().size());
        PretrainingTable.Row none = t.rows().get(0);
        assertEquals(Pretraining.NONE, none.initialisation());
        assertEquals(0.07, none.finalError().mean(), 1e-15);
        assertEquals(0.02, none.finalError().sd(), 1e-15);
        assertEquals(6, none.meanSeconds(), 1e-15);
        PretrainingTable.Row rbm = t.rows().get(1);
        assertEquals(Pretraining.RBM, rbm.initialisation());
        assertEquals(0.03, rbm.finalError().mean(), 1e-15);
        assertEquals(Math.sqrt(2e-4), rbm.finalError().sd(), 1e-15);
        assertEquals(15, rbm.meanSeconds(), 1e-15);
    }

    @Test
    void theMarkdownTableShowsMeanAndSd() {
        PretrainingComparison c = new PretrainingComparison(
                org.latentlab.experiment.Presets.loadReconstruction("mnist-deep-ae-small"), List.of(1L, 2L), 10, 5,
                3);
        String md = PretrainingFiles.markdown(c, PretrainingTable.of(List.of(run(Pretraining.NONE, 1, 0.05, 4),
                run(Pretraining.NONE, 2, 0.07, 6))));
        assertEquals(true, md.contains("| random (no pretraining) | 0.06000 ± 0.01414 | 2 | 5 s |"), md);
    }
}
