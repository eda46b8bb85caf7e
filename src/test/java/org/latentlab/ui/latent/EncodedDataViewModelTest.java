package org.latentlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The encoded data's ViewModel without a screen, and a GAN's codes found by inversion. */
class EncodedDataViewModelTest {

    private LatentStudioViewModel studio;

    @AfterEach
    void close() {
        studio.close();
    }

    @Test
    void encodedExamplesArePlacedAndAPointLoadsItsCode() {
        studio = StudioFixtures.opened(StudioFixtures.vae());
        EncodedDataViewModel vm = studio.encoded();
        EncodedDataViewModel.EncodedView v = vm.viewProperty().get();
        assertEquals(StudioFixtures.EXAMPLES, v.points().length);
        assertEquals("z0", v.xAxis());
        vm.pick(7);
        assertArrayEquals(v.set().codes()[7], studio.code().code(), 0);
        assertArrayEquals(v.points()[7], vm.position(), 0);
        assertEquals("code of held-out example #7 (label 1)", studio.messageProperty().get());
        EncodedDataViewModel.EncodedExample e = vm.example(7);
        assertTrue(e.caption().startsWith("held-out example #7, label 1"), e.caption());
        assertEquals(16, e.display().length);
        assertNull(vm.example(99));
    }

    @Test
    void aGansCodesAreFoundByInversionAndServeTheOtherFeatures() {
        studio = StudioFixtures.opened(StudioFixtures.gan());
        EncodedDataViewModel vm = studio.encoded();
        assertNull(vm.viewProperty().get(), "a GAN has no codes of its examples at first");
        vm.findCodes(20, 5);
        assertFalse(vm.findingProperty().get());
        assertNotNull(vm.viewProperty().get());
        assertEquals(20, vm.viewProperty().get().points().length);
        LoadedModel l = studio.loadedProperty().get();
        assertEquals(20, l.encoded().size());
        assertNotNull(l.pca(), "the principal plane of the codes found");
        assertTrue(vm.messageProperty().get().startsWith("found codes for 20 examples"));
        studio.attributes().computeAttribute(0, 1);
        assertNotNull(studio.attributes().attributeProperty().get(), "attribute vectors use the codes found");
    }

    @Test
    void findingCodesRefusesSizesOutOfRange() {
        studio = StudioFixtures.opened(StudioFixtures.gan());
        studio.encoded().findCodes(5, 10);
        assertEquals("invert 10 to 5000 examples for 1 to 10000 steps, not 5 for 10",
                studio.encoded().messageProperty().get());
        assertNull(studio.encoded().viewProperty().get());
        int[] chosen = EncodedDataViewModel.chooseIndices(100, 10);
        assertEquals(10, java.util.Arrays.stream(chosen).distinct().count());
        assertTrue(java.util.Arrays.stream(chosen).allMatch(i -> i >= 0 && i < 100));
    }
}
