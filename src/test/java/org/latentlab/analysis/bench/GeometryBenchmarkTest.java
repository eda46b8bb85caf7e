package org.latentlab.analysis.bench;

import org.junit.jupiter.api.Test;
import org.latentlab.core.Monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark runs end to end on a small workload (its speed is measured by the bench command, not here). */
class GeometryBenchmarkTest {

    @Test
    void smallWorkloadRunsAndReportsEveryTiming() {
        GeometryBenchmark.Result r = GeometryBenchmark.run(
                new GeometryBenchmark.Config(20, 6, 4, 50, 10, 5, 16, 4, 3, 2), Monitor.NONE);
        assertEquals(20 * 6 + 6 + 6 * 4 + 4, r.parameters());
        assertEquals(25, r.surfaceCells());
        assertEquals(5, r.top5().length);
        assertTrue(r.top5()[0] >= r.top5()[4]);
        for (double t : new double[] {r.hvpMillis(), r.top5Millis(), r.surfaceMillis(), r.jacobianMillis(),
                r.svdMillis(), r.jacobianSvdMillis()}) {
            assertTrue(t > 0 && Double.isFinite(t), r.toString());
        }
        assertTrue(r.toString().contains("Hessian-vector product"));
    }
}
