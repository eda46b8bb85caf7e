package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run finds its data again when it is opened from another working directory. */
class DataLocationTest {

    @Test
    void bundledDataAreLookedForUnderTheRunsRecordedBaseWhenNotHere(@TempDir Path base) throws Exception {
        String name = "datasets-" + System.nanoTime();
        Files.createDirectories(base.resolve(name));
        String before = System.getProperty("latentlab.datasets");
        System.setProperty("latentlab.datasets", name);
        try {
            assertEquals(base.resolve(name), ExperimentData.bundledDir(base));
            assertEquals(Path.of(name), ExperimentData.bundledDir(null), "no base: the working directory's");
        } finally {
            if (before == null) {
                System.clearProperty("latentlab.datasets");
            } else {
                System.setProperty("latentlab.datasets", before);
            }
        }
        assertEquals(Path.of("datasets"), ExperimentData.bundledDir(base), "here first, when the folder is here");
    }

    @Test
    void aRunRecordsTheAbsoluteFolderItsDataPathsWereResolvedAgainst(@TempDir Path runs) {
        RunStore store = RunStore.create(runs, Presets.loadGan("ring8-nsgan"), "hash");
        Path recorded = RunStore.dataBaseDir(store.dir());
        assertTrue(recorded.isAbsolute(), String.valueOf(recorded));
        assertEquals(Path.of("").toAbsolutePath().normalize(), recorded);
    }
}
