package org.latentlab.ui.geometry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.train.Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a section's model comes from, without a screen: a preset trained here, a folder opened, bad input. */
class ModelSourceViewModelTest {

    @TempDir
    Path runs;

    @Test
    void aPresetTrainedHereIsHandedOverAsARunFolder() {
        Backend.init();
        SectionTasks tasks = new SectionTasks(new DirectTaskRunner());
        List<Path> folders = new ArrayList<>();
        ModelSourceViewModel vm = new ModelSourceViewModel(List.of("ring8-ae-2d"), 20, 2, runs, tasks, folders::add);
        assertEquals("no model yet: train one here or open a run folder", vm.shownProperty().get());
        vm.train();
        assertEquals(1, folders.size(), tasks.messageProperty().get());
        assertTrue(Files.isDirectory(folders.get(0).resolve("checkpoints")), folders.toString());
        vm.open(runs);
        assertEquals(List.of(folders.get(0), runs), folders);
    }

    @Test
    void iterationsOutOfRangeAreRefused() {
        SectionTasks tasks = new SectionTasks(new DirectTaskRunner());
        List<Path> folders = new ArrayList<>();
        ModelSourceViewModel vm = new ModelSourceViewModel(List.of("ring8-ae-2d"), 20, 6, runs, tasks, folders::add);
        vm.iterationsProperty().set("5");
        vm.train();
        assertEquals("iterations: a whole number from 6 to 100000", tasks.messageProperty().get());
        vm.iterationsProperty().set("lots");
        vm.train();
        assertEquals("iterations: a whole number from 6 to 100000", tasks.messageProperty().get());
        assertTrue(folders.isEmpty());
    }
}
