package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.latentlab.train.Evaluation;
import org.latentlab.train.GanView;
import org.latentlab.train.Metric;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.experiment.FakeGanStatuses.measured;

/**
 * A run's record for comparison, from a made-up stream of statuses whose values are known functions of the
 * iteration.
 */
class GanRunRecorderTest {

    private static final GanExperiment RING = Presets.loadGan("ring8-nsgan");

    @Test
    void theFixedIterationsGoOneTwoFiveTimesAPowerOfTen() {
        long m = Milestone.FIRST;
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            seen.append(m).append(' ');
            m = Milestone.next(m);
        }
        assertEquals("1000 2000 5000 10000 20000 50000 100000 200000 ", seen.toString());
        assertTrue(Milestone.isMilestone(50_000));
        assertFalse(Milestone.isMilestone(3_000));
        assertFalse(Milestone.isMilestone(500), "the first is 1,000");
        assertThrows(IllegalArgumentException.class, () -> new Milestone(1_000, FakeGanStatuses.mixture(999, 8)),
                "a milestone's measurement cannot come before it");
    }

    @Test
    void milestonesTakeTheFirstMeasurementAtOrAfterThem() {
        // measured every 300 iterations: 1,000 is first measured at 1,200 and 2,000 at 2,100; the run stops at 2,150
        GanRunRecorder r = new GanRunRecorder(RING);
        for (long it = 1; it <= 2_150; it++) {
            r.add(it % 300 == 0 || it == 2_150 ? measured(it, 2_150, 8) : FakeGanStatuses.at(it, 2_150));
        }
        List<Milestone> ms = r.milestones();
        assertEquals(2, ms.size(), "5,000 was not reached: " + ms);
        assertEquals(1_000, ms.get(0).target());
        assertEquals(1_200, ms.get(0).measuredAt());
        assertEquals(2_000, ms.get(1).target());
        assertEquals(2_100, ms.get(1).measuredAt());
        Evaluation at1200 = ms.get(0).evaluation();
        assertEquals(Math.min(8, 1_200 / 250), at1200.get(Metric.MODES_COVERED));
        assertEquals(1_200 / 2_200.0, at1200.get(Metric.HIGH_QUALITY_FRACTION), 0);

        KeptGanRun kept = r.keep();
        assertEquals(2_150, kept.iteration());
        assertEquals(2_150, kept.last().iteration(), "the last measurement is the final one");
        assertEquals(8.0, kept.modes(), "ring8 has eight modes");
        assertEquals(2_150 / 300 + 1, kept.curve(Metric.MODES_COVERED).size(), "one point per measurement");
        assertEquals(2_150, kept.discriminatorLoss().size(), "one point per iteration");
        RunCurve d = kept.discriminatorLoss();
        for (int i = 0; i < d.size(); i++) {
            assertEquals(FakeGanStatuses.discriminatorLoss(d.x(i)), d.y(i), 0, "D's loss at " + d.x(i));
        }
        assertEquals(List.of(), kept.remedies(), "ring8-nsgan is the plain GAN");
        assertEquals("ring8-nsgan · seed 1 · no remedy", kept.label());
    }

    @Test
    void aMilestoneWhoseMeasurementsWereLostIsLeftOutRatherThanFilledWithALaterOne() {
        GanRunRecorder r = new GanRunRecorder(RING);
        r.add(measured(900, 30_000, 8));
        r.add(measured(2_400, 30_000, 8)); // 1,000's measurement lost; 2,400 belongs to 2,000, not to 1,000
        r.add(measured(5_000, 30_000, 8));
        List<Milestone> ms = r.milestones();
        assertEquals(List.of(2_000L, 5_000L), ms.stream().map(Milestone::target).toList());
        assertEquals(2_400, ms.get(0).measuredAt());
        assertEquals(5_000, ms.get(1).measuredAt());
    }

    @Test
    void singleStepsLieBetweenIterationsAndARepeatedStatusReplacesItsPoint() {
        GanRunRecorder r = new GanRunRecorder(RING);
        r.add(FakeGanStatuses.at(0, 100));
        assertFalse(r.hasProgress(), "iteration 0 is not progress");
        r.add(FakeGanStatuses.at(3, 100));
        r.add(FakeGanStatuses.at(3, 100)); // a pause repeats the status
        r.add(FakeGanStatuses.partial(3, 100, 1));
        r.add(FakeGanStatuses.partial(3, 100, 2));
        assertTrue(r.hasProgress());
        RunCurve g = r.keep().generatorLoss();
        assertEquals(3, g.size());
        assertEquals(3.0, g.x(0));
        assertEquals(3.5, g.x(1), "the first single step after 3 lies at 3 + 1/2");
        assertEquals(3 + 2 / 3.0, g.x(2), 1e-15, "the second at 3 + 2/3");
        assertEquals(FakeGanStatuses.generatorLoss(3 + 2 / 3.0), g.y(2), 0);
    }

    @Test
    void clearingForgetsTheRunButNotTheExperiment() {
        GanRunRecorder r = new GanRunRecorder(RING);
        GanView.Images picture = new GanView.Images(1_000, new float[4], 1, 1, 2, 2);
        r.add(measured(1_000, 2_000, 8, picture));
        assertSame(picture, r.keep().lastView());
        r.clear();
        assertFalse(r.hasProgress());
        KeptGanRun empty = r.keep();
        assertTrue(empty.milestones().isEmpty() && empty.discriminatorLoss().isEmpty());
        assertNull(empty.last());
        assertNull(empty.lastView());
        r.add(measured(1_000, 2_000, 8));
        assertEquals(1, r.milestones().size(), "after a reset the milestones are recorded again");
    }

    @Test
    void aRunIsLabelledWithTheRemediesInForceWhenKept() {
        GanRunRecorder r = new GanRunRecorder(RING);
        r.add(FakeGanStatuses.at(10, 100));
        assertEquals("ring8-nsgan · seed 1 · no remedy", r.keep().label());
        r.add(FakeGanStatuses.withSettings(20, 100, RING.training().withUnrolling(3)));
        KeptGanRun kept = r.keep();
        assertEquals("ring8-nsgan · seed 1 · unrolled k=3", kept.label(), "unrolling switched on at iteration 20");
        assertTrue(kept.settings().contains("unrolled 3"), kept.settings());
    }

    @Test
    void aLongCurveIsThinnedEvenlyKeepingItsBeginningAndItsNewestPoint() {
        RunCurve.Builder b = new RunCurve.Builder(8);
        for (int i = 0; i < 37; i++) {
            b.add(i, 10 * i);
        }
        RunCurve c = b.build();
        // capacity 8: thinned at the 9th point to stride 2, at the 17th (index 16) to stride 4, at 33 to stride 8
        double[] expected = {0, 8, 16, 24, 32, 36};
        assertEquals(expected.length, c.size(), c.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], c.x(i), "point " + i);
            assertEquals(10 * expected[i], c.y(i), "point " + i);
        }
        b.add(36, -1);
        b.add(Double.NaN, 1);
        assertEquals(-1, b.build().y(expected.length - 1), "a point at the newest x replaces it; NaN is skipped");
    }
}
