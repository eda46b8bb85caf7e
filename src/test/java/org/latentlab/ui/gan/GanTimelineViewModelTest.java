package org.latentlab.ui.gan;

import org.junit.jupiter.api.Test;
import org.latentlab.experiment.GanTimeline;
import org.latentlab.train.GanView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline's selection, headless: live follows the newest picture, a chosen snapshot stays shown (and marked)
 * while newer pictures arrive and older ones are thinned, Live returns to the newest, and a clear forgets all.
 */
class GanTimelineViewModelTest {

    private static GanView.Points points(long iteration) {
        return new GanView.Points(iteration, new double[] {-1, 1, -1, 1}, new float[] {0, 0},
                new float[] {iteration, 1}, new float[] {0.5f}, 1, true, null, 0, null, new float[0],
                new boolean[0], 0.1, null);
    }

    @Test
    void liveFollowsTheNewestAndASnapshotStaysWhileTheRunGoesOn() {
        GanTimelineViewModel vm = new GanTimelineViewModel();
        assertEquals("no pictures yet", vm.labelProperty().get());
        for (long i = 1; i <= 10; i++) {
            vm.record(points(100 * i), 20_000);
        }
        assertTrue(vm.liveProperty().get());
        assertEquals(1_000, vm.shownProperty().get().iteration());
        assertEquals(9, vm.indexProperty().get());
        assertTrue(Double.isNaN(vm.markedIterationProperty().get()), "no mark while live");
        assertEquals("iteration 1,000 of 20,000 — live", vm.labelProperty().get());

        vm.select(1);
        GanView chosen = vm.snapshots().get(1);
        assertSame(chosen, vm.shownProperty().get());
        assertFalse(vm.liveProperty().get());
        assertEquals(200, vm.markedIterationProperty().get());
        assertEquals("iteration 200 of 20,000 — snapshot 2 of 10", vm.labelProperty().get());

        for (long i = 11; i <= 20; i++) {
            vm.record(points(100 * i), 20_000);
        }
        assertSame(chosen, vm.shownProperty().get(), "newer pictures do not replace the chosen one");
        assertEquals(1, vm.indexProperty().get());
        assertEquals(20, vm.countProperty().get());

        vm.goLive();
        assertTrue(vm.liveProperty().get());
        assertEquals(2_000, vm.shownProperty().get().iteration());
        assertEquals(19, vm.indexProperty().get());
        vm.select(19);
        assertTrue(vm.liveProperty().get(), "the right end is live");
        vm.record(points(2_100), 20_000);
        assertEquals(2_100, vm.shownProperty().get().iteration(), "live follows the run");
    }

    @Test
    void aSnapshotThinnedAwayGivesWayToItsNearestNeighbour() {
        GanTimelineViewModel vm = new GanTimelineViewModel();
        for (long i = 1; i <= GanTimeline.MAX_SNAPSHOTS; i++) {
            vm.record(points(i), 100_000);
        }
        vm.select(100);
        long chosen = vm.shownProperty().get().iteration();
        for (long i = GanTimeline.MAX_SNAPSHOTS + 1; i <= 5_000; i++) {
            vm.record(points(i), 100_000);
            GanView shown = vm.shownProperty().get();
            assertSame(shown, vm.snapshots().get(vm.indexProperty().get()), "the index is the shown snapshot's");
            assertEquals(shown.iteration(), vm.markedIterationProperty().get());
        }
        assertFalse(vm.liveProperty().get());
        long now = vm.shownProperty().get().iteration();
        int k = vm.indexProperty().get();
        long before = vm.snapshots().get(k - 1).iteration();
        long after = vm.snapshots().get(k + 1).iteration();
        assertTrue(before < chosen && chosen < after, "the snapshot nearest to iteration " + chosen + " is shown ("
                + now + " between " + before + " and " + after + ")");
    }

    @Test
    void clearForgetsEverything() {
        GanTimelineViewModel vm = new GanTimelineViewModel();
        vm.record(points(5), 10);
        vm.record(points(6), 10);
        vm.select(0);
        vm.clear();
        assertNull(vm.shownProperty().get());
        assertEquals(0, vm.countProperty().get());
        assertTrue(vm.liveProperty().get());
        assertEquals("no pictures yet", vm.labelProperty().get());
        vm.select(3);
        vm.record(null, 10);
        assertEquals(0, vm.countProperty().get());
    }
}
