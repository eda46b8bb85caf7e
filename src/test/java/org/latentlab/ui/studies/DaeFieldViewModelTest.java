package org.latentlab.ui.studies;

import org.junit.jupiter.api.Test;
import org.latentlab.core.DirectTaskRunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dae-field study's view model on the caller's thread: a short training leaves a frame of both fields. */
class DaeFieldViewModelTest {

    @Test
    void aShortTrainingLeavesAFrameOfBothFields() {
        DaeFieldViewModel vm = new DaeFieldViewModel(new DirectTaskRunner());
        int[] changes = {0};
        vm.onChange(() -> changes[0]++);
        vm.train(200);
        assertFalse(vm.isRunning());
        assertEquals("", vm.error());
        assertEquals("trained 200 iterations each", vm.status());
        assertTrue(changes[0] >= 2);
        DaeFieldViewModel.Frame f = vm.takeFrame();
        assertNotNull(f);
        assertEquals(200, f.iteration());
        assertEquals(2, f.pictures().size());
        DaeFieldViewModel.Picture p = f.pictures().get(0);
        assertEquals(p.width() * p.height(), p.argb().length);
        assertTrue(f.agreements().get(0).points() > 0);
        assertTrue(f.caption(1).startsWith("mean cosine toward the data"));
        assertNull(vm.takeFrame(), "a frame is taken once");
    }
}
