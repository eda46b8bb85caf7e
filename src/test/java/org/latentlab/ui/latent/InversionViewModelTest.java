package org.latentlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.latent.Inversion;

/** Inversion's ViewModel without a screen: its own progress, busy flag and message, and the code it finds. */
class InversionViewModelTest {

    private LatentStudioViewModel studio;

    @AfterEach
    void close() {
        studio.close();
    }

    @Test
    void anInversionDrawsItsStepsAndEndsWithTheMemorisationCheck() {
        studio = StudioFixtures.opened(StudioFixtures.gan());
        InversionViewModel vm = studio.inversion();
        String status = studio.messageProperty().get();
        vm.invert(3, Inversion.Start.PRIOR, 40, 0.05, 0.01);
        assertFalse(vm.invertingProperty().get());
        assertEquals(0, vm.progressProperty().get(), 0);
        assertFalse(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("final error"), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains("Nearest training image to the reconstruction"));
        assertTrue(vm.objective().getItemCount() > 30, "one point per step");
        assertNotNull(vm.targetProperty().get());
        assertNotNull(vm.currentProperty().get());
        assertNotNull(vm.nearestProperty().get());
        assertEquals(status, studio.messageProperty().get(), "the status line is the studio's, not the search's");
        double[] before = studio.code().code();
        vm.loadInverted();
        assertFalse(java.util.Arrays.equals(before, studio.code().code()));
        assertEquals("the inverted code is in the sliders", studio.messageProperty().get());
    }

    @Test
    void theTargetIsShownAsTheModelShowsItsImages() {
        studio = StudioFixtures.opened(StudioFixtures.gan());
        studio.inversion().invert(0, Inversion.Start.PRIOR, 2, 0.05, 0.01);
        float[] x = StudioFixtures.examples(true).example(0);
        float[] shown = studio.inversion().targetProperty().get();
        for (int i = 0; i < x.length; i++) {
            assertEquals((x[i] + 1) / 2, shown[i], 1e-6, "a GAN's example in [-1, 1] is drawn in [0, 1]");
        }
    }

    @Test
    void aRequestThatCannotRunIsSaidInTheInversionsOwnMessage() {
        studio = StudioFixtures.opened(StudioFixtures.gan());
        InversionViewModel vm = studio.inversion();
        vm.loadInverted();
        assertTrue(vm.errorProperty().get());
        vm.invert(0, Inversion.Start.ENCODER, 10, 0.05, 0.01);
        assertEquals("a GAN has no encoder: start the inversion from the prior", vm.messageProperty().get());
        vm.invert(30, Inversion.Start.PRIOR, 10, 0.05, 0.01);
        assertEquals("example indices are 0 to 29, not 30", vm.messageProperty().get());
        vm.invert(0, Inversion.Start.PRIOR, 10, -1, 0.01);
        assertTrue(vm.errorProperty().get());
        assertFalse(vm.invertingProperty().get());
        assertFalse(studio.errorProperty().get(), "the studio's status line is left alone");
    }

    @Test
    void aVaeStartsFromItsEncodersCode() {
        studio = StudioFixtures.opened(StudioFixtures.vae());
        studio.inversion().invert(1, Inversion.Start.ENCODER, 5, 0.05, 0.01);
        assertTrue(studio.inversion().messageProperty().get().startsWith("final error"));
        studio.inversion().loadInverted();
        assertNotNull(studio.code().code());
        assertArrayEquals(studio.code().code(), studio.code().frameProperty().get().code(), 0);
    }
}
