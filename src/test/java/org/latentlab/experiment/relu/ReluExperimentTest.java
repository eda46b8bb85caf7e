package org.latentlab.experiment.relu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.analysis.relu.ReluNet;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReluExperimentTest {

    @Test
    void everyPresetLoadsAndRoundTripsThroughJson() {
        for (String name : ReluPresets.NAMES) {
            ReluFitSpec spec = ReluPresets.load(name);
            assertEquals(name, spec.name());
            assertEquals(spec, ReluPresets.parse(ReluPresets.write(spec), "test"));
        }
        LabException e = assertThrows(LabException.class, () -> ReluPresets.parse(
                ReluPresets.write(ReluPresets.load("relu-square")).replace("\"depth\" : 3", "\"depth\" : 0"), "f"));
        assertTrue(e.getMessage().contains("depth"), e.getMessage());
    }

    @Test
    void equalParameterWidthsAreTheClosest() {
        for (int depth = 1; depth <= 5; depth++) {
            int w = PieceSweep.widthFor(1, depth, 200);
            int at = ReluNet.parameterCount(ReluNet.sizes(1, depth, w));
            for (int other : new int[] {w - 1, w + 1}) {
                if (other >= 1) {
                    assertTrue(Math.abs(at - 200) <= Math.abs(ReluNet.parameterCount(ReluNet.sizes(1, depth, other))
                            - 200));
                }
            }
        }
        assertEquals(66, PieceSweep.widthFor(1, 1, 200));
    }

    @Test
    void aSmallSweepAndTheDeepVsShallowTableAreWritten(@TempDir Path dir) throws Exception {
        PieceSweep s = PieceSweep.run(60, 3, "x^2", 50, 2, Monitor.NONE);
        assertEquals(3, s.rows().size());
        for (PieceSweep.Row r : s.rows()) {
            assertTrue(r.initPieces() >= 1 && r.trainedPieces() >= 1 && r.initRegions2d() >= 1);
            assertEquals(1L << r.depth(), r.sawtoothPieces());
        }
        DeepVsShallow d = DeepVsShallow.run(4, 3, 2, 1, 50, Monitor.NONE);
        for (DeepVsShallow.Row r : d.of(DeepVsShallow.Kind.DEEP_CONSTRUCTED)) {
            assertEquals(r.bound(), r.supError(), 1e-12);
            assertEquals(1 << r.depth(), r.pieces());
        }
        assertEquals(d.of(DeepVsShallow.Kind.DEEP_TRAINED).get(0).parameters(),
                d.of(DeepVsShallow.Kind.SHALLOW_TRAINED).get(0).parameters(), 3);
        List<String> lines = Files.readAllLines(ReluFiles.writeDeepVsShallow(d, dir));
        assertEquals(1 + d.rows().size(), lines.size());
        assertEquals(4, Files.readAllLines(ReluFiles.writeSweep(s, dir)).size());
    }

    @Test
    void aFitRunPublishesItsStatusesAndWritesItsFiles(@TempDir Path dir) throws Exception {
        ReluFitSpec spec = ReluPresets.load("relu-ridge-2d").withIterations(40).withNet(2, 4);
        List<ReluFitStatus> seen = new java.util.ArrayList<>();
        ReluFitStatus last = ReluFitRun.run(spec, Monitor.NONE, seen::add, 0);
        assertEquals(41, seen.size());
        assertTrue(last.finished());
        assertTrue(seen.get(40).loss() < seen.get(0).loss());
        List<Path> files = ReluFiles.writeFit(last, dir);
        assertEquals(1 + last.regions().count(), Files.readAllLines(files.get(1)).size());
    }
}
