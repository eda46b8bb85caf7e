package org.latentlab.ui.studies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.metrics.RocCurve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The anomaly study's view model turning scores into shared histogram bins and ROC curve points. */
class AnomaliesViewModelTest {

    @Test
    void binsSpanBothSetsAndCountEachScoreOnceAsAShareOfItsSet() {
        double[] normal = {0, 1, 1, 2};
        double[] anomalous = {3, 4};
        AnomaliesViewModel.ScoreBins b = AnomaliesViewModel.bins(normal, anomalous, 4);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, b.edges(), 1e-15);
        // [0,1): 0   [1,2): 1, 1   [2,3): 2   [3,4]: 3 and the highest score, 4
        assertArrayEquals(new double[] {0.25, 0.5, 0.25, 0}, b.normal(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0, 1}, b.anomalous(), 1e-15);
    }

    @Test
    void identicalScoresGetOneUnitWideRangeRatherThanNoWidth() {
        AnomaliesViewModel.ScoreBins b = AnomaliesViewModel.bins(new double[] {5, 5}, new double[] {5}, 2);
        assertArrayEquals(new double[] {5, 5.5, 6}, b.edges(), 1e-15);
        assertArrayEquals(new double[] {1, 0}, b.normal(), 1e-15);
        assertArrayEquals(new double[] {1, 0}, b.anomalous(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> AnomaliesViewModel.bins(new double[0], new double[] {1},
                3));
    }

    @Test
    void rocPointsOfSeparableScoresClimbTheLeftEdgeThenRunAlongTheTop() {
        RocCurve roc = RocCurve.of(new double[] {1, 2}, new double[] {3, 4});
        double[][] p = AnomaliesViewModel.points(roc);
        // thresholds +inf, 4, 3, 2, 1: the foreign images are all called anomalous before any held-out one
        assertArrayEquals(new double[][] {{0, 0}, {0, 0.5}, {0, 1}, {0.5, 1}, {1, 1}}, p);
        assertEquals(1, roc.area(), 0);
    }

    @Test
    void rocPointsOfIdenticalScoreSetsFollowTheDiagonal() {
        double[] s = {1, 2, 3};
        double[][] p = AnomaliesViewModel.points(RocCurve.of(s, s));
        for (double[] point : p) {
            assertEquals(point[0], point[1], 1e-15);
        }
        assertEquals(4, p.length);
        assertEquals(0.5, RocCurve.of(s, s).area(), 1e-15);
    }

    @Test
    void withNoRunYetBothStudiesSayWhatToDoInsteadOfFailing(@TempDir java.nio.file.Path runs) {
        AnomaliesViewModel a = new AnomaliesViewModel(new DirectTaskRunner(), runs);
        a.openNewest("mnist-ae", "fashion");
        assertFalse(a.state().busy());
        assertNull(a.state().error());
        assertNull(a.state().view());
        assertTrue(a.state().message().contains("press Train"), a.state().message());
        HashingViewModel h = new HashingViewModel(new DirectTaskRunner(), runs);
        h.openNewest();
        assertNull(h.state().error());
        assertNull(h.state().result());
        assertTrue(h.state().message().contains("press Train mnist-hash"), h.state().message());
    }
}
