package org.latentlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.latent.ModelKind;

import java.nio.file.Path;

/** Opening models in the studio, without a screen: every task runs at once on the test's thread. */
class LatentStudioViewModelTest {

    @Test
    void installingAModelShowsItsCodeSamplesMapAndPath() {
        try (LatentStudioViewModel vm = StudioFixtures.opened(StudioFixtures.vae())) {
            LoadedModel l = vm.loadedProperty().get();
            assertNotNull(l);
            assertEquals(ModelKind.VAE_DECODER, l.kind());
            assertEquals(StudioFixtures.CODE, l.codeSize());
            assertEquals(StudioFixtures.EXAMPLES, l.encoded().size(), "every example encoded");
            assertEquals(3, l.classes().size());
            StudioSession.Frame f = vm.code().frameProperty().get();
            assertNotNull(f, "the first code is decoded");
            assertEquals(16, f.argb().length);
            assertEquals(8, vm.code().samplesProperty().get().display().length);
            assertEquals(20, vm.map().mapProperty().get().map().rows());
            assertEquals(InterpolationViewModel.DEFAULT_FRAMES, vm.interpolation().pathProperty().get().frames());
            assertFalse(vm.busyProperty().get());
            assertFalse(vm.errorProperty().get());
            assertTrue(vm.messageProperty().get().startsWith("opened tiny-vae"), vm.messageProperty().get());
        }
    }

    @Test
    void aSecondModelReplacesTheFirstAndStartsAfresh() {
        try (LatentStudioViewModel vm = StudioFixtures.opened(StudioFixtures.vae())) {
            vm.code().setDimension(0, 2.5);
            OpenModel first = vm.session().open();
            vm.install(StudioFixtures.gan());
            assertNotSame(first, vm.session().open());
            assertEquals(ModelKind.GAN_GENERATOR, vm.loadedProperty().get().kind());
            assertEquals(1, vm.code().frameProperty().get().sequence(), "frames of the new model are shown");
            assertTrue(vm.code().code()[0] != 2.5, "the code is drawn afresh");
        }
    }

    @Test
    void aFolderThatIsNotARunIsReportedInTheStatusLine(@TempDir Path notARun) {
        try (LatentStudioViewModel vm = new LatentStudioViewModel(StudioRunners.direct())) {
            vm.openFolder(notARun);
            assertFalse(vm.busyProperty().get());
            assertTrue(vm.errorProperty().get());
            assertTrue(vm.messageProperty().get().contains("neither a run folder"), vm.messageProperty().get());
            assertEquals(null, vm.loadedProperty().get());
        }
    }

    @Test
    void quickTrainingRefusesAnIterationCountOutOfRange() {
        try (LatentStudioViewModel vm = new LatentStudioViewModel(StudioRunners.direct())) {
            vm.trainQuick("mnist-vae", 0);
            assertTrue(vm.errorProperty().get());
            assertEquals("train 1 to 100000 iterations, not 0", vm.messageProperty().get());
            assertFalse(vm.busyProperty().get());
        }
    }
}
