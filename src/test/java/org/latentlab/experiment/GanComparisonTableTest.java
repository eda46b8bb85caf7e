package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.latentlab.data.CsvTable;
import org.latentlab.train.Evaluation;
import org.latentlab.train.Metric;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.latentlab.experiment.FakeGanStatuses.measured;

/**
 * Two kept runs as a table and as CSV: a run of 2,600 iterations measured every 200 and one of 5,200 measured every
 * 1,300 share the rows 1,000 and 2,000; only the second reaches 5,000; the last row holds each one's final
 * measurement. Values are read back from the CSV and compared with the measurements fed in.
 */
class GanComparisonTableTest {

    private static KeptGanRun run(GanExperiment spec, long iterations, long every) {
        GanRunRecorder r = new GanRunRecorder(spec);
        for (long it = every; it <= iterations; it += every) {
            r.add(measured(it, iterations, 8));
        }
        return r.keep();
    }

    private static final KeptGanRun PLAIN = run(Presets.loadGan("ring8-nsgan"), 2_600, 200);
    private static final KeptGanRun CURED = run(Presets.loadGan("ring8-r1"), 5_200, 1_300);

    @Test
    void rowsAreTheFixedIterationsAnyRunReachedThenTheLast() {
        List<GanComparisonTable.Row> rows = GanComparisonTable.rows(List.of(PLAIN, CURED));
        assertEquals(List.of("1,000", "2,000", "5,000", "last"), rows.stream().map(GanComparisonTable.Row::title)
                .toList());
        assertEquals(1_000, rows.get(0).measurements().get(0).iteration());
        assertEquals(1_300, rows.get(0).measurements().get(1).iteration());
        assertEquals(2_000, rows.get(1).measurements().get(0).iteration());
        assertEquals(2_600, rows.get(1).measurements().get(1).iteration());
        assertNull(rows.get(2).measurements().get(0), "the plain run stopped at 2,600");
        assertEquals(5_200, rows.get(2).measurements().get(1).iteration());
        assertEquals(2_600, rows.get(3).measurements().get(0).iteration());
        assertEquals(5_200, rows.get(3).measurements().get(1).iteration());
    }

    @Test
    void cellsShowModesOfTheMixtureAndPercentages() {
        Evaluation e = FakeGanStatuses.mixture(1_000, 8);
        assertEquals("4 / 8", GanComparisonTable.Column.MODES.format(PLAIN, e));
        assertEquals("50.0", GanComparisonTable.Column.HIGH_QUALITY.format(PLAIN, e), "1,000 / 2,000 of samples");
        assertEquals("0.500", GanComparisonTable.Column.REVERSE_KL.format(PLAIN, e));
        assertEquals("1,000", GanComparisonTable.Column.ITERATION.format(PLAIN, e));
        assertEquals("–", GanComparisonTable.Column.MODES.format(PLAIN, null));
    }

    @Test
    void theCsvHoldsOneRowPerRunAndMilestoneWithTheMeasuredValues() {
        CsvTable t = CsvTable.parse(GanComparisonTable.csv(List.of(PLAIN, CURED)), "comparison.csv", true, 1);
        assertEquals(List.of("run", "experiment", "seed", "remedies", "milestone", "iteration", "modes",
                "modes_covered", "hq_fraction", "reverse_kl", "diversity", "diversity_real"), t.header());
        assertEquals(3 + 4, t.rows().size(), "plain: 1,000, 2,000, last; cured: 1,000, 2,000, 5,000, last");
        CsvTable.Row first = t.rows().get(0);
        assertEquals(PLAIN.label(), first.get(t.column("run")));
        assertEquals("", first.get(t.column("remedies")));
        assertEquals("1000", first.get(t.column("milestone")));
        assertEquals("8", first.get(t.column("modes")));
        for (CsvTable.Row row : t.rows()) {
            long it = Long.parseLong(row.get(t.column("iteration")));
            Evaluation fed = FakeGanStatuses.mixture(it, 8);
            for (Metric m : List.of(Metric.MODES_COVERED, Metric.HIGH_QUALITY_FRACTION, Metric.REVERSE_KL)) {
                assertEquals(fed.get(m), Double.parseDouble(row.get(t.column(m.column()))), 0,
                        m + " at " + it + " is written exactly");
            }
            assertEquals("", row.get(t.column("diversity")), "not measured on a mixture");
        }
        CsvTable.Row cured = t.rows().get(3);
        assertEquals("ring8-r1", cured.get(t.column("experiment")));
        assertEquals("R1 γ=1", cured.get(t.column("remedies")));
        assertEquals("1000", cured.get(t.column("milestone")));
        assertEquals("1300", cured.get(t.column("iteration")));
        assertEquals("last", t.rows().get(6).get(t.column("milestone")));
        assertEquals("5200", t.rows().get(6).get(t.column("iteration")));
    }

    @Test
    void anImageRunIsReadByItsDiversity() {
        GanRunRecorder r = new GanRunRecorder(Presets.loadGan("mnist-mlp-gan"));
        for (long it = 500; it <= 1_000; it += 500) {
            java.util.Map<Metric, Double> v = new java.util.EnumMap<>(Metric.class);
            v.put(Metric.DIVERSITY, it / 100.0);
            v.put(Metric.DIVERSITY_REAL, 9.5);
            GanStatusLike.add(r, it, new Evaluation(it, v));
        }
        KeptGanRun images = r.keep();
        assertEquals(true, Double.isNaN(images.modes()), "images have no modes");
        assertEquals(List.of(GanComparisonTable.Column.ITERATION, GanComparisonTable.Column.DIVERSITY),
                GanComparisonTable.Column.of(images));
        assertEquals("10.000", GanComparisonTable.Column.DIVERSITY.format(images, images.last()));
        CsvTable t = CsvTable.parse(GanComparisonTable.csv(List.of(images)), "comparison.csv", true, 1);
        assertEquals(List.of("1000", "last"), t.rows().stream().map(row -> row.get(t.column("milestone"))).toList());
        assertEquals("", t.rows().get(0).get(t.column("modes")));
        assertEquals(10.0, Double.parseDouble(t.rows().get(0).get(t.column("diversity"))), 0);
        assertEquals(9.5, Double.parseDouble(t.rows().get(0).get(t.column("diversity_real"))), 0);
    }

    /** A status carrying only a measurement, for a run on images. */
    private static final class GanStatusLike {
        static void add(GanRunRecorder r, long it, Evaluation e) {
            r.add(new org.latentlab.train.GanStatus(org.latentlab.train.RunState.RUNNING, it, 1_000, 0, 0, 1, 1,
                    0.5, 0.5, Double.NaN, Double.NaN, Double.NaN, null, 0, Double.NaN, e, null, "", false));
        }
    }
}
