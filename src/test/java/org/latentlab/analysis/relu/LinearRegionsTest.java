package org.latentlab.analysis.relu;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearRegionsTest {

    @Test
    void theExactRegionsAreThePatternsOfABruteForceFineGrid() {
        ReluNet net = ReluNet.random(new int[] {2, 6, 5, 1}, 0.3, new Random(4));
        LinearRegions regions = LinearRegions.of(net, -1, 1, -1, 1);
        Map<BitSet, LinearRegions.Region> byPattern = new HashMap<>();
        for (LinearRegions.Region r : regions.regions()) {
            assertTrue(byPattern.put(r.pattern(), r) == null, "one polygon per pattern");
            double[] c = r.centre();
            assertEquals(r.pattern(), net.pattern(c[0], c[1]), "the pattern at a region's centre");
            assertEquals(net.output(c[0], c[1]), r.gx() * c[0] + r.gy() * c[1] + r.c(), 1e-12);
        }
        assertEquals(4.0, regions.totalArea(), 1e-9);
        int side = 1200;
        Set<BitSet> seen = new HashSet<>();
        for (int i = 0; i <= side; i++) {
            for (int j = 0; j <= side; j++) {
                double x = -1 + 2.0 * j / side;
                double y = -1 + 2.0 * i / side;
                BitSet p = net.pattern(x, y);
                seen.add(p);
                LinearRegions.Region r = byPattern.get(p);
                assertNotNull(r, "grid point (" + x + ", " + y + ") has a pattern no exact region has");
                assertTrue(r.contains(x, y, 1e-9), "(" + x + ", " + y + ") lies in its pattern's polygon");
            }
        }
        assertTrue(regions.count() > 10, "a 2-6-5-1 net cuts the square into many regions: " + regions.count());
        assertEquals(seen.size(), regions.count(), "every exact region is met by the fine grid");
    }

    @Test
    void oneLayerOfLinesInGeneralPositionGivesTheArrangementCount() {
        // three lines through the square, crossing pairwise inside it: 1 + 3 + 3 = 7 regions (Zaslavsky 1975)
        double[] p = {1, 0, 0, 1, 1, 1, -0.2, 0.1, 0.3, 1, 1, 1, 0};
        ReluNet net = new ReluNet(new int[] {2, 3, 1}, p);
        assertEquals(7, LinearRegions.of(net, -1, 1, -1, 1).count());
    }
}
