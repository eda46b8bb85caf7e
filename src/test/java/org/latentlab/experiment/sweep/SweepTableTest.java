package org.latentlab.experiment.sweep;

import org.junit.jupiter.api.Test;
import org.latentlab.data.CsvTable;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table's statistics on hand-made measurements. */
class SweepTableTest {

    /** A metrics.csv with rows at 20, 40, 60 holding the given values of modes_covered, reverse_kl and d_loss. */
    private static CsvTable metrics(double[] modes, double[] kl) {
        List<CsvTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new CsvTable.Row(i + 2, List.of(String.valueOf(20 * (i + 1)), "0.1", String.valueOf(modes[i]),
                    Double.isNaN(kl[i]) ? "" : String.valueOf(kl[i]), "0.7")));
        }
        return new CsvTable(List.of(), List.of("iteration", "elapsed_s", "modes_covered", "reverse_kl", "d_loss"),
                rows);
    }

    @Test
    void meanSampleSdMinAndMaxPerCombinationMetricAndIteration() {
        SweepPlan plan = SweepExecutorTest.tinyPlan();
        List<SweepTable.RunMetrics> runs = List.of(
                new SweepTable.RunMetrics(plan.runs().get(0), metrics(new double[] {1, 4, 8},
                        new double[] {2, 1, 0.5}), true),
                new SweepTable.RunMetrics(plan.runs().get(1), metrics(new double[] {3, 6, 5},
                        new double[] {2, 0.5, Double.NaN}), true),
                new SweepTable.RunMetrics(plan.runs().get(2), metrics(new double[] {0, 1, 2},
                        new double[] {2, 2, 2}), false));
        SweepTable t = SweepTable.of(plan, runs);
        SweepTable.Cell modes60 = cell(t, 0, "modes_covered", 60);
        assertEquals(2, modes60.runs());
        assertEquals(6.5, modes60.stats().mean(), 1e-12);
        assertEquals(Math.sqrt(4.5), modes60.stats().sd(), 1e-12); // (8 − 6.5)² + (5 − 6.5)² over n − 1 = 1
        assertEquals(5, modes60.stats().min());
        assertEquals(8, modes60.stats().max());
        SweepTable.Cell modes40 = cell(t, 0, "modes_covered", 40);
        assertEquals(5, modes40.stats().mean(), 1e-12);
        // a value not measured is left out, not counted as 0
        SweepTable.Cell kl60 = cell(t, 0, "reverse_kl", 60);
        assertEquals(1, kl60.stats().n());
        assertEquals(0.5, kl60.stats().mean());
        assertEquals(0, kl60.stats().sd());
        // the second combination's only run has not finished: no statistics in the table, but its curve is drawn
        SweepTable.Cell unfinished = cell(t, 1, "modes_covered", 60);
        assertEquals(0, unfinished.runs());
        assertNull(unfinished.stats());
        assertEquals(2.0, t.curves().get(1).get("modes_covered").get(60L).mean());
        // the curves take every run, finished or not: at 40 the first combination's values are 4 and 6
        assertEquals(Math.sqrt(2), t.curves().get(0).get("modes_covered").get(40L).sd(), 1e-12);
        String md = t.markdown("tiny");
        assertTrue(md.contains("| learningRate=0.001 | 60 | 2 | 6.5 ± 2.121 (5–8) |"),
                md);
        assertTrue(md.contains("| learningRate=0.0002 | 60 | 0 | – |"), md);
        List<List<Object>> csv = t.csvRows();
        assertEquals(List.of("combination", "label", "metric", "iteration", "runs", "mean", "sd", "min", "max"),
                csv.get(0));
        assertEquals(1 + 2 * 3 * 2, csv.size());
    }

    @Test
    void numbersAreWrittenWithFourSignificantDigits() {
        assertEquals("1200", SweepTable.num(1200.3));
        assertEquals("12.5", SweepTable.num(12.5));
        assertEquals("0.001235", SweepTable.num(0.0012346));
        assertEquals("1.5e-07", SweepTable.num(1.5e-7));
        assertEquals("8", SweepTable.num(8.0));
    }

    private static SweepTable.Cell cell(SweepTable t, int combination, String metric, long iteration) {
        return t.cells().stream().filter(c -> c.combination() == combination && c.metric().equals(metric)
                && c.iteration() == iteration).findFirst().orElseThrow();
    }
}
