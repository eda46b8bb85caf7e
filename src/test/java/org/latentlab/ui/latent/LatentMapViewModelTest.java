package org.latentlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The latent map's ViewModel without a screen. */
class LatentMapViewModelTest {

    private LatentStudioViewModel studio;

    @AfterEach
    void close() {
        studio.close();
    }

    @Test
    void aMapOfTheAskedSizeIsDecodedAndACellLoadsItsCode() {
        studio = StudioFixtures.opened(StudioFixtures.vae());
        LatentMapViewModel vm = studio.map();
        vm.computeMap(new LatentMapViewModel.MapSpec(false, 0, 1, 5, false, -1, 1));
        LatentMapViewModel.MapResult r = vm.mapProperty().get();
        assertEquals(5, r.map().rows());
        assertEquals(5, r.map().columns());
        assertEquals(25, r.display().length);
        assertTrue(studio.messageProperty().get().startsWith("map "), studio.messageProperty().get());
        vm.pickCell(2, 4);
        assertArrayEquals(r.map().code(2, 4), studio.code().code(), 0);
        assertArrayEquals(r.map().code(2, 4), studio.code().frameProperty().get().code(), 0);
    }

    @Test
    void aMapThatCannotBeDrawnIsSaidAndTheOldOneStays() {
        studio = StudioFixtures.opened(StudioFixtures.gan());
        LatentMapViewModel vm = studio.map();
        LatentMapViewModel.MapResult before = vm.mapProperty().get();
        vm.computeMap(new LatentMapViewModel.MapSpec(false, 0, 1, 50, false, -1, 1));
        assertEquals("a map has 2 to 40 cells per side, not 50", studio.messageProperty().get());
        vm.computeMap(new LatentMapViewModel.MapSpec(false, 0, 1, 5, false, 1, -1));
        assertEquals("the range's high end must be above its low end", studio.messageProperty().get());
        vm.computeMap(new LatentMapViewModel.MapSpec(true, 0, 1, 5, true, 0, 0));
        assertTrue(studio.errorProperty().get());
        assertTrue(studio.messageProperty().get().contains("a GAN has no encoder"));
        assertSame(before, vm.mapProperty().get());
    }
}
