package org.latentlab.experiment;

import org.latentlab.train.ReconstructionStatus;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ImageScale;
import org.latentlab.train.Backend;
import org.latentlab.train.Host;
import org.latentlab.train.Trainer;
import org.latentlab.train.RunState;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.rbm.Rbm;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autoencoder, VAE and RBM runs stopped at a checkpoint and resumed in a fresh trainer end bit for bit where an
 * uninterrupted run ends (parameters, Adam moments or momentum velocities, persistent chains, counters); a run
 * folder resumed from an earlier checkpoint finishes with the same model and one metrics row per measurement.
 */
class ModelResumeTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void backend() {
        Backend.init();
    }

    private static Trainer build(ReconstructionExperiment spec) {
        DataSource data = ExperimentData.open(spec.dataset(), Path.of("."), ImageScale.ZERO_TO_ONE);
        return ExperimentRunner.buildTrainer(spec, ExperimentData.split(data, spec.heldOut(), spec.seed()).train(),
                DataType.FLOAT);
    }

    private static void iterate(Trainer t, int n) {
        for (int i = 0; i < n; i++) {
            t.iterate();
        }
    }

    private void resumesExactly(ReconstructionExperiment spec) {
        Trainer straight = build(spec);
        iterate(straight, 30);

        Trainer first = build(spec);
        iterate(first, 15);
        Checkpoint.save(dir, first);
        Path checkpoint = Checkpoints.newestIntact(dir);
        assertNotNull(checkpoint);
        assertEquals(15, Checkpoint.savedIteration(checkpoint));

        Trainer resumed = build(spec);
        Checkpoint.restore(checkpoint, resumed);
        assertEquals(15, resumed.iteration());
        assertSameState(first, resumed);
        iterate(resumed, 15);
        assertEquals(30, resumed.iteration());
        assertSameState(straight, resumed);
    }

    private static void assertSameState(Trainer expected, Trainer actual) {
        if (expected instanceof AutoencoderTrainer a && actual instanceof AutoencoderTrainer b) {
            assertSameNet(a.encoder(), b.encoder(), "encoder");
            assertSameNet(a.decoder(), b.decoder(), "decoder");
            assertArrayEquals(a.updateCounts(), b.updateCounts());
        } else if (expected instanceof RbmTrainer a && actual instanceof RbmTrainer b) {
            for (int l = 0; l < a.settings().layers(); l++) {
                Rbm x = a.rbm(l);
                Rbm y = b.rbm(l);
                assertArrayEquals(Host.floats(x.weights()), Host.floats(y.weights()), "layer " + l + " weights");
                assertArrayEquals(Host.floats(x.hiddenBias()), Host.floats(y.hiddenBias()), "layer " + l + " c");
                assertArrayEquals(Host.floats(x.visibleBias()), Host.floats(y.visibleBias()), "layer " + l + " b");
                Rbm.TrainingState sx = x.trainingState();
                Rbm.TrainingState sy = y.trainingState();
                assertArrayEquals(Host.floats(sx.weightVelocity()), Host.floats(sy.weightVelocity()));
                assertEquals(sx.updates(), sy.updates());
                assertEquals(sx.fantasy() == null, sy.fantasy() == null);
                if (sx.fantasy() != null) {
                    assertArrayEquals(Host.floats(sx.fantasy()), Host.floats(sy.fantasy()), "persistent chains");
                }
            }
        } else {
            throw new AssertionError("different trainers");
        }
    }

    private static void assertSameNet(MultiLayerNetwork a, MultiLayerNetwork b, String which) {
        assertArrayEquals(Host.floats(a.params()), Host.floats(b.params()), which + " parameters");
        assertArrayEquals(Host.floats(a.getUpdater().getStateViewArray()),
                Host.floats(b.getUpdater().getStateViewArray()), which + " Adam moments");
    }

    @Test
    void autoencoderResumesExactly() {
        resumesExactly(Presets.loadReconstruction("ring8-ae-2d"));
    }

    @Test
    void vaeResumesExactly() {
        resumesExactly(Presets.loadReconstruction("mnist-vae-2d"));
    }

    @Test
    void persistentCdRbmResumesExactlyWithItsChains() {
        resumesExactly(Presets.loadReconstruction("mnist-rbm-pcd"));
    }

    @Test
    void runFolderResumedFromAnEarlierCheckpointFinishesTheSame() throws Exception {
        ReconstructionExperiment spec = Presets.loadReconstruction("ring8-ae-2d").withIterations(40).withIntervals(10, 20);
        ExperimentRunner.Options options = new ExperimentRunner.Options(dir, Path.of("."), 50, 50);
        Path runDir;
        float[] finalParams;
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> s = ExperimentRunner.start(spec, options)) {
            s.run().start();
            s.run().awaitIdle(60_000);
            assertEquals(RunState.FINISHED, s.run().state());
            runDir = s.runDir();
        }
        assertNotNull(runDir);
        Path last = Checkpoints.newestIntact(runDir);
        assertEquals(40, Checkpoint.savedIteration(last));
        finalParams = Host.floats(org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(
                last.resolve("decoder.zip").toFile()).params());
        List<String> before = Files.readAllLines(runDir.resolve("metrics.csv"));

        // as if the process had been killed after the checkpoint at 20
        Files.writeString(runDir.resolve("checkpoints").resolve("LATEST"), "iter-20\n");
        deleteTree(last);
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> s = ExperimentRunner.resumeReconstruction(runDir, options)) {
            s.run().start();
            s.run().awaitIdle(60_000);
            assertEquals(RunState.FINISHED, s.run().state());
            assertEquals(runDir, s.runDir());
        }
        Path again = Checkpoints.newestIntact(runDir);
        assertEquals(40, Checkpoint.savedIteration(again));
        assertArrayEquals(finalParams, Host.floats(org.deeplearning4j.util.ModelSerializer
                .restoreMultiLayerNetwork(again.resolve("decoder.zip").toFile()).params()));
        List<String> after = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertEquals(before.size(), after.size(), "one row per measurement: " + after);
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).split(",")[0], after.get(i).split(",")[0]);
        }
    }

    @Test
    void resumeWithoutACheckpointSaysSo() throws IOException {
        Files.writeString(dir.resolve("spec.json"), ExperimentFiles.toJson(Presets.loadReconstruction("ring8-ae-2d")));
        LabException e = assertThrows(LabException.class,
                () -> ExperimentRunner.resumeReconstruction(dir, ExperimentRunner.Options.defaults()));
        assertTrue(e.getMessage().contains("no intact checkpoint to resume from"), e.getMessage());
    }

    private static void deleteTree(Path p) throws IOException {
        try (var files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
