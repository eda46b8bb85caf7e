package org.latentlab.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The bench view's copy methods change the one part they name and keep every other. */
class ReconstructionViewTest {

    @Test
    void eachWithMethodReplacesOnlyItsPart() {
        ReconstructionView.Images in = new ReconstructionView.Images(2, new int[] {2}, new float[] {0, 1, 2, 3});
        ReconstructionView.Images rec = new ReconstructionView.Images(2, new int[] {2}, new float[] {1, 1, 2, 2});
        double[] activity = {0.5, 0.25};
        float[] points = {0, 0, 1, 1};
        int[] labels = {0, 1};
        ReconstructionView.StackLayer stack = new ReconstructionView.StackLayer(0, new int[] {2, 3}, 5);
        ReconstructionView base = new ReconstructionView(in, null, rec, null, null, activity, 0.1, "title", "axis",
                points, labels, stack);
        assertNull(base.captions());
        assertNull(base.translation());
        assertNull(base.priorPoints());

        ReconstructionView.Translation t = new ReconstructionView.Translation(new float[] {0, 1}, new float[] {1, 2},
                new float[] {0, 1}, new float[] {3, 4}, new float[] {2, 3}, new float[] {3, 4});
        float[] prior = {0.5f, -0.5f};
        ReconstructionView.Captions captions = new ReconstructionView.Captions("r", "f", "s");
        ReconstructionView all = base.withTranslation(t).withPriorPoints(prior).withCaptions(captions);
        assertSame(t, all.translation());
        assertSame(prior, all.priorPoints());
        assertSame(captions, all.captions());
        assertSame(in, all.inputs());
        assertSame(rec, all.reconstructions());
        assertSame(activity, all.codeActivity());
        assertEquals(0.1, all.activityTarget(), 0);
        assertEquals("title", all.activityTitle());
        assertEquals("axis", all.activityAxis());
        assertSame(points, all.codePoints());
        assertSame(labels, all.codeLabels());
        assertSame(stack, all.stack());
        ReconstructionView none = all.withTranslation(null).withPriorPoints(null);
        assertNull(none.translation());
        assertNull(none.priorPoints());
        assertSame(captions, none.captions(), "removing one part keeps the others");
    }
}
