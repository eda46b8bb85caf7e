package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.Backend;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.RunState;
import org.latentlab.train.Trainer;
import org.latentlab.train.vaegan.VaeGanSettings;
import org.latentlab.train.vaegan.VaeGanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * VAE-GAN runs of the lab on MNIST with small networks: a trainer restored from its checkpoint continues bit for bit;
 * a run folder resumed from an earlier checkpoint writes the same metrics rows and the same final parameters; the
 * bench sees its three losses and its pictures; the latent studio's loader opens the run as the VAE it holds.
 */
class VaeGanRunTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void backend() {
        Backend.init();
    }

    private static NetworkSpec dense(String name, int in, int hidden, int out, String prefix) {
        return new NetworkSpec(name, Shape.vector(in), List.of(
                new LayerSpec.Dense(prefix + "1", hidden, Activation.LEAKYRELU, 0.2),
                new LayerSpec.Dense(prefix + "_out", out, Activation.IDENTITY, 0)));
    }

    /** mnist-vaegan made small: encoder 784-16-(3+3), decoder 3-16-784, D 784-12-1, batches of 8. */
    static VaeGanExperiment small() {
        VaeGanExperiment preset = Presets.loadVaeGan("mnist-vaegan");
        return new VaeGanExperiment("tiny-vaegan", "", Family.VAEGAN, 3, preset.dataset(),
                dense("encoder", 784, 16, 6, "enc"), dense("decoder", 3, 16, 784, "dec"),
                dense("D", 784, 12, 1, "d"), new VaeGanSettings("d1", 0.5, 0.5, OptimizerSpec.adam(1e-3, 0.5),
                null, 8), 8, 4, 4, 200);
    }

    private static VaeGanTrainer build(VaeGanExperiment spec, ExperimentData.Split split) {
        return ExperimentRunner.buildTrainer(spec, split.train(), DataType.FLOAT);
    }

    private static void iterate(Trainer t, int n) {
        for (int i = 0; i < n; i++) {
            t.iterate();
        }
    }

    private static void assertSameNetworks(VaeGanTrainer a, VaeGanTrainer b) {
        MultiLayerNetwork[] x = {a.encoder(), a.decoder(), a.discriminator()};
        MultiLayerNetwork[] y = {b.encoder(), b.decoder(), b.discriminator()};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(x[i].params().toFloatVector(), y[i].params().toFloatVector(), 0f, "network " + i);
            assertArrayEquals(x[i].getUpdater().getStateViewArray().toFloatVector(),
                    y[i].getUpdater().getStateViewArray().toFloatVector(), 0f, "optimiser state " + i);
        }
    }

    @Test
    void aTrainerResumedFromItsCheckpointContinuesBitForBit() {
        VaeGanExperiment spec = small();
        ExperimentData.Split split = VaeGanRecipe.INSTANCE.data(spec, Path.of("."));
        VaeGanTrainer straight = build(spec, split);
        iterate(straight, 6);

        VaeGanTrainer first = build(spec, split);
        iterate(first, 3);
        Path checkpoint = Checkpoint.save(dir, first);
        VaeGanTrainer resumed = build(spec, split);
        Checkpoint.restore(checkpoint, resumed);
        assertEquals(3, resumed.iteration());
        assertSameNetworks(first, resumed);
        iterate(resumed, 3);
        assertSameNetworks(straight, resumed);
        assertEquals(straight.lastLossParts(), resumed.lastLossParts());
        assertTrue(straight.lastLossParts().values().stream().allMatch(Double::isFinite));
    }

    @Test
    void aRunFolderResumedFromAnEarlierCheckpointFinishesTheSame() throws Exception {
        VaeGanExperiment spec = small();
        ExperimentRunner.Options options = new ExperimentRunner.Options(dir, Path.of("."), 50, 50);
        Path runDir;
        ReconstructionView[] lastView = new ReconstructionView[1];
        java.util.Set<String> losses = new java.util.HashSet<>();
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> s = ExperimentRunner.startModel(spec, options)) {
            s.run().subscribe(st -> {
                if (st.view() != null) {
                    lastView[0] = st.view();
                }
                losses.addAll(st.losses().keySet());
            });
            s.run().start();
            s.run().awaitIdle(60_000);
            assertEquals(RunState.FINISHED, s.run().state());
            runDir = s.runDir();
        }
        assertNotNull(runDir);
        assertTrue(Files.isRegularFile(runDir.resolve("samples").resolve("iter-00000008.png")));
        assertTrue(losses.containsAll(List.of(VaeGanTrainer.ENCODER_LOSS, VaeGanTrainer.DECODER_LOSS,
                VaeGanTrainer.DISCRIMINATOR_LOSS)), "the bench's three curves: " + losses);
        assertNotNull(lastView[0], "the bench saw pictures");
        assertEquals(VaeGanViews.CAPTIONS, lastView[0].captions());
        assertEquals(64, lastView[0].samples().count());
        List<String> before = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertEquals(3, before.size(), "a header and rows at 4 and 8: " + before);
        assertTrue(before.get(0).contains("discriminator_GAN_batch"), before.get(0));
        assertTrue(before.get(0).contains(org.latentlab.train.Metric.HELD_OUT_NEGATIVE_ELBO.column()), before.get(0));

        SavedModel saved = SavedModel.open(runDir);
        assertEquals(Family.VAE, saved.kind(), "the latent studio opens it as the VAE it holds");
        assertEquals(3, saved.decoder().layerInputSize(0));
        float[] finalDecoder = saved.decoder().params().toFloatVector();
        StudioModels.Studio studio = StudioModels.open(runDir);
        assertTrue(studio.models().get().codeSize() == 3, "the studio decodes the VAE-GAN's 3-value codes");

        Path last = Checkpoints.newestIntact(runDir);
        Files.writeString(runDir.resolve("checkpoints").resolve("LATEST"), "iter-00000004\n");
        deleteTree(last);
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> s =
                     ExperimentRunner.resumeReconstruction(runDir, options)) {
            s.run().start();
            s.run().awaitIdle(60_000);
            assertEquals(RunState.FINISHED, s.run().state());
        }
        assertArrayEquals(finalDecoder, SavedModel.open(runDir).decoder().params().toFloatVector(), 0f,
                "bit for bit");
        List<String> after = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertEquals(before.size(), after.size(), "one row per measurement: " + after);
        List<String> header = Arrays.asList(before.get(0).split(","));
        int elapsed = header.indexOf("elapsed_s");
        for (int i = 1; i < before.size(); i++) {
            List<String> a = new ArrayList<>(Arrays.asList(before.get(i).split(",")));
            List<String> b = new ArrayList<>(Arrays.asList(after.get(i).split(",")));
            a.remove(elapsed);
            b.remove(elapsed);
            assertEquals(a, b, "row " + i);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
