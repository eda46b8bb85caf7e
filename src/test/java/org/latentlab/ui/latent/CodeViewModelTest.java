package org.latentlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The code panel's ViewModel without a screen: sliders, random codes, Reset, paste, examples and samples. */
class CodeViewModelTest {

    private LatentStudioViewModel studio;

    @AfterEach
    void close() {
        studio.close();
    }

    @Test
    void movingASliderDecodesTheNewCode() {
        studio = StudioFixtures.opened(StudioFixtures.vae());
        CodeViewModel vm = studio.code();
        long before = vm.frameProperty().get().sequence();
        int[] pixels = vm.frameProperty().get().argb();
        vm.setDimension(1, 2.75);
        StudioSession.Frame f = vm.frameProperty().get();
        assertTrue(f.sequence() > before);
        assertEquals(2.75, f.code()[1], 0);
        assertEquals(2.75, vm.code()[1], 0);
        assertFalse(java.util.Arrays.equals(pixels, f.argb()), "the picture changed");
    }

    @Test
    void aPastedCodeIsLoadedAndResetReturnsToIt() {
        studio = StudioFixtures.opened(StudioFixtures.vae());
        CodeViewModel vm = studio.code();
        int version = vm.codeVersionProperty().get();
        vm.paste("0.5, -1.25");
        assertArrayEquals(new double[] {0.5, -1.25}, vm.code(), 0);
        assertTrue(vm.codeVersionProperty().get() > version, "the sliders are told to follow");
        assertEquals("0.500000, -1.25000", vm.codeText());
        vm.setDimension(0, 3);
        vm.reset();
        assertArrayEquals(new double[] {0.5, -1.25}, vm.code(), 0);
        assertArrayEquals(new double[] {0.5, -1.25}, vm.frameProperty().get().code(), 0);
    }

    @Test
    void pastingSomethingElseSaysWhatIsWrong() {
        studio = StudioFixtures.opened(StudioFixtures.vae());
        double[] before = studio.code().code();
        studio.code().paste("1, 2, 3");
        assertTrue(studio.errorProperty().get());
        assertEquals("the clipboard holds 3 numbers, not a code of 2", studio.messageProperty().get());
        studio.code().paste("1, x");
        assertTrue(studio.messageProperty().get().startsWith("the clipboard does not hold a code"));
        assertArrayEquals(before, studio.code().code(), 0);
    }

    @Test
    void anExamplesCodeComesFromTheEncoderAndAGanSaysItHasNone() {
        studio = StudioFixtures.opened(StudioFixtures.vae());
        studio.code().startFromExample(4);
        assertArrayEquals(studio.loadedProperty().get().encoded().codes()[4], studio.code().code(), 1e-5);
        assertEquals("code of held-out example #4", studio.messageProperty().get());
        studio.code().startFromExample(99);
        assertEquals("example indices are 0 to 29, not 99", studio.messageProperty().get());
        studio.install(StudioFixtures.gan());
        studio.code().startFromExample(0);
        assertTrue(studio.errorProperty().get());
        assertTrue(studio.messageProperty().get().startsWith("a GAN has no encoder"));
    }

    @Test
    void aSampleOrARandomCodeBecomesTheCode() {
        studio = StudioFixtures.opened(StudioFixtures.gan());
        CodeViewModel vm = studio.code();
        vm.startFromSample(3);
        assertArrayEquals(vm.samplesProperty().get().codes()[3], vm.code(), 0);
        double[] sample = vm.code();
        vm.randomise();
        assertFalse(java.util.Arrays.equals(sample, vm.code()));
        vm.newSamples();
        assertFalse(java.util.Arrays.equals(sample, vm.samplesProperty().get().codes()[3]), "new samples drawn");
    }
}
