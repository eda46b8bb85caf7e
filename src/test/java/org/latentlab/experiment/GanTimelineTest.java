package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.latentlab.train.GanView;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline's thinning rule on synthetic runs: bounded count and bytes, the first and the newest always kept, every
 * view kept until the timeline is full, gaps growing with age (the weight 1 / (1 + age / span) makes the oldest gaps
 * settle near twice the newest), and the byte count of a view against one counted by hand.
 */
class GanTimelineTest {

    private static GanView.Points points(long iteration) {
        float[] fake = {iteration, -iteration};
        return new GanView.Points(iteration, new double[] {-1, 1, -1, 1}, new float[] {0, 0}, fake,
                new float[] {0.5f}, 1, true, null, 0, null, new float[0], new boolean[0], 0.1, null);
    }

    private static List<Long> iterations(GanTimeline t) {
        return t.snapshots().stream().map(GanView::iteration).toList();
    }

    @Test
    void everyViewIsKeptUntilTheTimelineIsFull() {
        GanTimeline t = new GanTimeline();
        for (long i = 1; i <= GanTimeline.MAX_SNAPSHOTS; i++) {
            t.add(points(10 * i));
        }
        assertEquals(GanTimeline.MAX_SNAPSHOTS, t.size());
        for (int k = 0; k < t.size(); k++) {
            assertEquals(10L * (k + 1), t.get(k).iteration());
        }
    }

    @Test
    void aLongRunKeepsABoundedCountWithTheFirstAndTheNewest() {
        GanTimeline t = new GanTimeline();
        GanView.Points last = null;
        for (long i = 1; i <= 10_000; i++) {
            last = points(10 * i);
            t.add(last);
            assertTrue(t.size() <= GanTimeline.MAX_SNAPSHOTS, "at most the cap after every view: " + t.size());
            assertSame(last, t.newest(), "the newest view is always kept");
            assertEquals(10, t.get(0).iteration(), "the first view is always kept");
        }
        assertEquals(GanTimeline.MAX_SNAPSHOTS, t.size());
        assertSame(last, t.get(t.indexOf(last)), "a snapshot is the published view itself");
        List<Long> its = iterations(t);
        for (int k = 1; k < its.size(); k++) {
            assertTrue(its.get(k) > its.get(k - 1), "oldest first, no repeats: " + its);
        }
    }

    @Test
    void gapsGrowWithAgeToAboutTwiceTheNewest() {
        GanTimeline t = new GanTimeline();
        for (long i = 1; i <= 20_000; i++) {
            t.add(points(i));
        }
        List<Long> its = iterations(t);
        double span = its.get(its.size() - 1) - its.get(0);
        // the mean gap among the oldest and the newest fifth of the run
        double oldGap = meanGap(its, its.get(0), its.get(0) + span / 5);
        double newGap = meanGap(its, its.get(its.size() - 1) - span / 5, its.get(its.size() - 1));
        double ratio = oldGap / newGap;
        // equal weighted gaps: gap ∝ 1 + age / span, from 1 (newest) to 2 (oldest); over the fifths, 1.9 against 1.1
        assertTrue(ratio > 1.4 && ratio < 2.2, "old gaps " + oldGap + " vs new " + newGap + ": ratio " + ratio);
        double uniform = span / (its.size() - 1);
        for (int k = 1; k < its.size(); k++) {
            double gap = its.get(k) - its.get(k - 1);
            assertTrue(gap < 3 * uniform, "no hole in the timeline: a gap of " + gap + " at " + its.get(k));
        }
    }

    private static double meanGap(List<Long> its, double from, double to) {
        double sum = 0;
        int n = 0;
        for (int k = 1; k < its.size(); k++) {
            if (its.get(k - 1) >= from && its.get(k) <= to) {
                sum += its.get(k) - its.get(k - 1);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void irregularViewsStayBoundedAndOrdered() {
        Random random = new Random(7);
        GanTimeline t = new GanTimeline(50, GanTimeline.MAX_BYTES);
        long it = 0;
        for (int i = 0; i < 3_000; i++) {
            it += 1 + random.nextInt(40);
            t.add(points(it));
            assertTrue(t.size() <= 50);
            assertEquals(it, t.newest().iteration());
        }
    }

    @Test
    void aViewAtTheNewestIterationReplacesItAndAnOlderOneIsIgnored() {
        GanTimeline t = new GanTimeline();
        t.add(points(10));
        t.add(points(20));
        GanView.Points again = points(20);
        t.add(again);
        t.add(points(15));
        t.add(null);
        assertEquals(List.of(10L, 20L), iterations(t));
        assertSame(again, t.newest());
    }

    @Test
    void largePicturesAreKeptWithinTheByteCap() {
        int size = 64 * 28 * 28;
        long each = 4L * size;
        GanTimeline t = new GanTimeline(GanTimeline.MAX_SNAPSHOTS, 40 * each);
        for (long i = 1; i <= 500; i++) {
            t.add(new GanView.Images(i, new float[size], 64, 1, 28, 28));
            assertTrue(t.bytes() <= 40 * each, "bytes " + t.bytes());
        }
        assertEquals(40, t.size(), "as many as the bytes allow");
        assertEquals(40 * each, t.bytes());
        assertEquals(500, t.newest().iteration());
        assertEquals(1, t.get(0).iteration());
        t.clear();
        assertEquals(0, t.size());
        assertEquals(0, t.bytes());
    }

    @Test
    void bytesOfAViewCountEveryArray() {
        GanView.Optimal optimal = new GanView.Optimal(new float[16], new float[16], 0, 0, 10, 1, 1);
        GanView.Points p = new GanView.Points(5, new double[4], new float[6], new float[8], new float[16], 4, true,
                new float[18], 3, new float[8], new float[4], new boolean[2], 0.1, optimal);
        // floats: 6 + 8 + 16 + 18 + 8 + 4 + 16 + 16 = 92; doubles 4; booleans 2
        assertEquals(92 * 4 + 4 * 8 + 2, GanTimeline.bytesOf(p));
        assertEquals(4L * 2 * 3 * 5 * 5, GanTimeline.bytesOf(new GanView.Images(1, new float[150], 2, 3, 5, 5)));
    }

    @Test
    void nearestFindsTheClosestSnapshot() {
        GanTimeline t = new GanTimeline();
        assertEquals(-1, t.nearest(5));
        for (long i : new long[] {10, 20, 40}) {
            t.add(points(i));
        }
        assertEquals(0, t.nearest(0));
        assertEquals(1, t.nearest(24));
        assertEquals(1, t.nearest(30));
        assertEquals(2, t.nearest(31));
    }

    @Test
    void aTimelineTooSmallSaysWhatToFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GanTimeline(2, 100));
        assertTrue(e.getMessage().contains("at least 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GanTimeline(10, 0));
    }
}
