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
    void theLabStartedFromElsewhereFindsTheDataBesideItsOwnCode(@TempDir Path lab) throws Exception {
        Path classes = Files.createDirectories(lab.resolve("target").resolve("classes"));
        Files.createDirectories(lab.resolve("datasets"));
        assertEquals(java.util.Optional.of(lab.resolve("datasets")),
                ExperimentData.besideTheLab(Path.of("datasets"), classes));
        assertEquals(java.util.Optional.empty(), ExperimentData.besideTheLab(Path.of("elsewhere"), classes));
        assertEquals(java.util.Optional.empty(), ExperimentData.besideTheLab(Path.of("datasets"), null));
        Path deep = Files.createDirectories(lab.resolve("a/b/c/d/e"));
        assertEquals(java.util.Optional.empty(), ExperimentData.besideTheLab(Path.of("datasets"), deep),
                "no further than three folders up");
    }

    @Test
    void aRunRecordsTheAbsoluteFolderItsDataPathsWereResolvedAgainst(@TempDir Path runs) {
        RunStore store = RunStore.create(runs, Presets.loadGan("ring8-nsgan"), "hash");
        Path recorded = RunStore.dataBaseDir(store.dir());
        assertTrue(recorded.isAbsolute(), String.valueOf(recorded));
        assertEquals(Path.of("").toAbsolutePath().normalize(), recorded);
    }
}
