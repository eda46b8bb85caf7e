package org.latentlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.latent.AttributeVector;
import org.latentlab.latent.LatentArithmetic;

/** Attribute vectors and analogies without a screen. */
class AttributeViewModelTest {

    private LatentStudioViewModel studio;

    @AfterEach
    void close() {
        studio.close();
    }

    @Test
    void theStrengthAddsItsChangeTimesTheVectorToTheCode() {
        studio = StudioFixtures.opened(StudioFixtures.vae());
        AttributeViewModel vm = studio.attributes();
        vm.computeAttribute(0, 2);
        AttributeVector v = vm.attributeProperty().get();
        assertEquals("0 → 2", v.name());
        assertTrue(vm.attributeTextProperty().get().startsWith("v = mean(2) − mean(0)"));
        double[] before = studio.code().code();
        vm.strengthProperty().set(1.5);
        assertArrayEquals(v.apply(before, 1.5), studio.code().code(), 1e-12);
        assertArrayEquals(studio.code().code(), studio.code().frameProperty().get().code(), 0);
        vm.computeAttribute(1, 1);
        assertTrue(studio.errorProperty().get());
    }

    @Test
    void anAnalogyLoadsTheCodeOfAMinusBPlusC() {
        studio = StudioFixtures.opened(StudioFixtures.vae());
        studio.attributes().analogy(3, 4, 5);
        Pictures p = studio.attributes().analogyProperty().get();
        assertEquals(4, p.display().length);
        assertArrayEquals(LatentArithmetic.analogy(p.codes()[0], p.codes()[1], p.codes()[2]), studio.code().code(),
                1e-12);
        assertEquals("analogy #3 − #4 + #5 loaded into the sliders", studio.messageProperty().get());
    }

    @Test
    void aGanWithoutCodesOfExamplesSaysWhatToDoFirst() {
        studio = StudioFixtures.opened(StudioFixtures.gan());
        studio.attributes().computeAttribute(0, 1);
        assertTrue(studio.messageProperty().get().contains("Find codes by inversion"));
        assertNull(studio.attributes().attributeProperty().get());
        studio.attributes().analogy(0, 1, 2);
        assertTrue(studio.messageProperty().get().startsWith("analogies of examples need their codes"));
    }
}
