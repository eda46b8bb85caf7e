package org.latentlab.ui.studies;

import org.junit.jupiter.api.Test;
import org.latentlab.core.DirectTaskRunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ae-vs-vae study's view model on the caller's thread, with the two 2-D presets trained for a few iterations:
 * the rows picture has one row per model and pair, new pairs redraw it, and the models given the wrong way round
 * are refused in one line.
 */
class AeVsVaeViewModelTest {

    @Test
    void openingTwoPresetsDrawsTheRowsAndTheScatters() {
        AeVsVaeViewModel vm = new AeVsVaeViewModel(new DirectTaskRunner());
        vm.open("mnist-ae-2d", "mnist-vae-2d", 3);
        assertEquals("", vm.error());
        assertTrue(vm.isOpened());
        assertFalse(vm.isRunning());
        AeVsVaeViewModel.View v = vm.view();
        assertNotNull(v);
        int rowHeight = 28 * 2;
        assertTrue(v.rows().height() >= AeVsVaeViewModel.PAIRS * 2 * rowHeight, "two rows per pair");
        assertTrue(v.rows().width() >= AeVsVaeViewModel.FRAMES * rowHeight, "a frame per column");
        assertEquals(v.scatters().width() * v.scatters().height(), v.scatters().argb().length);
        vm.newPairs();
        assertEquals("pairs drawn with seed 2", vm.status());
        assertTrue(v != vm.view());
    }

    @Test
    void aVaeGivenFirstIsRefusedInOneLine() {
        AeVsVaeViewModel vm = new AeVsVaeViewModel(new DirectTaskRunner());
        vm.open("mnist-vae-2d", "mnist-ae-2d", 1);
        assertTrue(vm.error().contains("must be an autoencoder"), vm.error());
        assertFalse(vm.error().contains("\n"));
        assertFalse(vm.isOpened());
        assertNull(vm.view());
    }
}
