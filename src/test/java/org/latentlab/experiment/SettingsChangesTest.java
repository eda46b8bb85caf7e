package org.latentlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.geometry.TinyRuns;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change made while a run is paused is taken by the run, recorded in the run folder with its iteration, saved in
 * the next checkpoint, and honoured by a resume: from a checkpoint after it (the checkpoint's settings) and from one
 * before it (the change made again at the iteration it was made).
 */
class SettingsChangesTest {

    @TempDir
    Path runs;

    private static ExperimentRunner.Options options(Path runs) {
        return new ExperimentRunner.Options(runs, Path.of("."), 20, 60_000);
    }

    private static void steps(ExperimentRunner.Session<?, ?> s, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            s.run().step();
        }
        s.run().awaitIdle(60_000);
    }

    /** The learning rate of the trainer, read on the run's thread. */
    private static double learningRate(ExperimentRunner.Session<?, ?> s) throws InterruptedException {
        AtomicReference<AutoencoderSettings> seen = new AtomicReference<>();
        s.run().query(t -> seen.set(((AutoencoderTrainer) t).settings()));
        s.run().awaitIdle(60_000);
        assertNotNull(seen.get());
        return seen.get().optimizer().learningRate();
    }

    @Test
    void aPausedChangeIsRecordedCheckpointedAndResumed() throws Exception {
        ReconstructionExperiment spec = TinyRuns.ringModel(org.latentlab.experiment.Family.AUTOENCODER, 1000, 10)
                .withIntervals(5, 10);
        ReconstructionExperiment faster = spec.withTraining(spec.training().withLearningRate(0.0042));
        Path runDir;
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> s = ExperimentRunner.start(spec, options(runs))) {
            s.run().awaitIdle(60_000);
            steps(s, 12);
            AtomicReference<Experiment<?>> taken = new AtomicReference<>();
            s.changeSettings(spec, faster, taken::set);
            s.run().awaitIdle(60_000);
            assertEquals(faster, taken.get());
            assertEquals(0.0042, learningRate(s));
            steps(s, 3);
            runDir = s.runDir();
        } // closing saves a checkpoint at iteration 15
        List<SettingsChanges.Entry> log = SettingsChanges.read(runDir);
        assertEquals(1, log.size());
        SettingsChanges.Entry e = log.get(0);
        assertEquals(12, e.iteration());
        assertEquals("training.optimizer.learningRate", e.field());
        assertEquals(0.01, e.oldValue().asDouble());
        assertEquals(0.0042, e.newValue().asDouble());
        assertEquals(0.0042, e.settings().at("/optimizer/learningRate").asDouble());
        assertTrue(Files.readString(runDir.resolve(SettingsChanges.FILE)).startsWith("{\"iteration\":12,"));

        Path newest = Checkpoints.newestIntact(runDir);
        assertEquals(15, Checkpoint.savedIteration(newest));
        JsonNode state = ExperimentFiles.mapper().readTree(newest.resolve("state.json").toFile());
        assertEquals(0.0042, state.at("/settings/optimizer/learningRate").asDouble(), "the checkpoint's settings");
        try (var resumed = ExperimentRunner.resume(runDir, options(runs))) {
            resumed.run().awaitIdle(60_000);
            assertEquals(0.0042, learningRate(resumed), "resumed from after the change: the checkpoint's settings");
        }

        // a resume from the checkpoint at 10, before the change: the old rate until iteration 12, then the new one
        for (Path p : Files.list(runDir.resolve("checkpoints")).toList()) {
            if (p.getFileName().toString().startsWith("iter-") && Checkpoint.savedIteration(p) > 10) {
                try (var walk = Files.walk(p)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        assertEquals(10, Checkpoint.savedIteration(Checkpoints.newestIntact(runDir)));
        try (var again = ExperimentRunner.resume(runDir, options(runs))) {
            again.run().awaitIdle(60_000);
            List<Double> rates = new ArrayList<>();
            rates.add(learningRate(again));
            steps(again, 1);
            rates.add(learningRate(again));
            steps(again, 1);
            rates.add(learningRate(again));
            assertEquals(List.of(0.01, 0.01, 0.0042), rates, "at iterations 10, 11 and 12");
        }
    }

    @Test
    void replayTakesTheLastBlockSetAtEachIterationFromTheCheckpointOn() throws Exception {
        ReconstructionExperiment spec = TinyRuns.ringModel(org.latentlab.experiment.Family.VAE, 100, 10);
        ReconstructionExperiment b2 = spec.withTraining(spec.training().withBeta(2));
        ReconstructionExperiment b3 = b2.withTraining(b2.training().withBeta(3));
        ReconstructionExperiment b4 = b3.withTraining(b3.training().withBeta(4));
        Path dir = Files.createDirectories(runs.resolve("log"));
        SettingsChanges.append(dir, SettingsChanges.diff(spec, b2, 5));
        SettingsChanges.append(dir, SettingsChanges.diff(b2, b3, 12));
        SettingsChanges.append(dir, SettingsChanges.diff(b3, b4, 12));
        var replay = SettingsChanges.toReplay(dir, 10);
        assertEquals(1, replay.size(), "the change at 5 is in the checkpoint at 10; two at 12 make one");
        assertEquals(12L, replay.get(0).getKey());
        assertEquals(4.0, replay.get(0).getValue().get("beta").asDouble());
    }
}
