package org.latentlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.latent.Interpolation;

import java.nio.file.Files;
import java.nio.file.Path;

/** Interpolation's ViewModel without a screen: endpoints, both strips, scrubbing and export. */
class InterpolationViewModelTest {

    private LatentStudioViewModel studio;

    @AfterEach
    void close() {
        studio.close();
    }

    @Test
    void bothPathsHaveTheFramesAskedForBetweenTheEndpoints() {
        studio = StudioFixtures.opened(StudioFixtures.vae());
        InterpolationViewModel vm = studio.interpolation();
        studio.code().paste("1, 1");
        vm.setEndpointFromCode(false);
        vm.setEndpointFromExample(true, 2);
        assertEquals("A: example #2   B: the code at the time", vm.endpointsProperty().get());
        vm.interpolate(7);
        InterpolationViewModel.PathResult r = vm.pathProperty().get();
        assertEquals(7, r.frames());
        assertEquals(14, r.bothRows().length);
        assertArrayEquals(new double[] {1, 1}, r.linear().at(1), 1e-12);
        assertArrayEquals(studio.loadedProperty().get().encoded().codes()[2], r.spherical().at(0), 1e-5);
    }

    @Test
    void scrubbingShowsAFrameOrDecodesBetweenThem() {
        studio = StudioFixtures.opened(StudioFixtures.vae());
        InterpolationViewModel vm = studio.interpolation();
        InterpolationViewModel.PathResult r = vm.pathProperty().get();
        vm.scrub(1);
        assertArrayEquals(r.sphericalFrames()[r.frames() - 1], vm.scrubbedProperty().get().spherical(), 0f);
        vm.scrub(0.05);
        float[] between = vm.scrubbedProperty().get().linear();
        assertFalse(java.util.Arrays.equals(r.linearFrames()[0], between), "t between frames is decoded");
        assertEquals(1.0 / (r.frames() - 1), vm.nextFrame(0), 1e-12);
        assertEquals(0, vm.nextFrame(1), 0);
    }

    @Test
    void stripsAreExportedAsFilesAndBadFrameCountsRefused(@TempDir Path dir) {
        studio = StudioFixtures.opened(StudioFixtures.gan());
        InterpolationViewModel vm = studio.interpolation();
        vm.interpolate(70);
        assertEquals("an interpolation strip has 2 to 64 frames, not 70", studio.messageProperty().get());
        Path png = dir.resolve("strip.png");
        Path gif = dir.resolve("path.gif");
        vm.exportStrip(png);
        assertTrue(studio.messageProperty().get().startsWith("wrote " + png));
        vm.exportGif(gif, Interpolation.Method.LINEAR, 90);
        vm.exportSequence(dir.resolve("frames"), Interpolation.Method.SPHERICAL);
        assertTrue(Files.isRegularFile(png));
        assertTrue(Files.isRegularFile(gif));
        assertTrue(studio.messageProperty().get().startsWith("wrote 10 PNG files"), studio.messageProperty().get());
        vm.exportStrip(png.resolve("inside-a-file.png"));
        assertTrue(studio.errorProperty().get(), "a file that cannot be written is said");
    }
}
