package org.latentlab.experiment.sensitivity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.randomlabels.RandomLabelsExperimentTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three tiny runs of label noise 0, ½ and 1: a point each, measured, published as they come, written. */
class SensitivityExperimentTest {

    @Test
    void eachRunGivesAPointWithItsGapAndJacobianNorm(@TempDir Path dir) {
        SensitivityOptions o = new SensitivityOptions(new int[] {50}, new double[] {0, 0.5, 1}, 200, 100, 20);
        List<SensitivityResult> seen = new ArrayList<>();
        SensitivityResult r = SensitivityExperiment.run(RandomLabelsExperimentTest.mlp(), o, Path.of("."),
                Monitor.NONE, seen::add);
        assertEquals(3, r.points().size());
        assertEquals(4, seen.size());
        assertEquals(1, seen.get(0).points().size());
        for (SensitivityResult.Point p : r.points()) {
            assertTrue(p.jacobian() > 0 && Double.isFinite(p.jacobian()), "norm " + p.jacobian());
            assertEquals(p.train() - p.heldOut(), p.gap(), 1e-15);
        }
        assertTrue(r.points().get(2).gap() > r.points().get(0).gap() + 0.2, "shuffled labels open a gap: "
                + r.points().get(0).gap() + " and " + r.points().get(2).gap());
        assertTrue(Double.isFinite(r.spearman()));
        for (Path p : SensitivityFiles.write(r, dir)) {
            assertTrue(Files.isRegularFile(p), p.toString());
        }
    }
}
