package org.latentlab.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.data.ExampleSet;
import org.latentlab.train.Backend;
import org.latentlab.train.Evaluation;
import org.latentlab.train.Metric;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.RunState;
import org.latentlab.train.Trainer;
import org.latentlab.train.sbn.SbnSettings;
import org.latentlab.train.sbn.SbnTrainer;
import org.latentlab.train.sbn.SigmoidBeliefNet;
import org.latentlab.train.sbn.WakeSleepSettings;
import org.latentlab.train.sbn.WakeSleepStatus;
import org.latentlab.train.sbn.WakeSleepTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sigmoid belief net runs of the lab: a run stopped at a checkpoint and resumed ends bit for bit where an uninterrupted
 * one ends, in a trainer and in a run folder (same parameters, same metrics rows); the recipe's held-out measurement
 * is the wake-sleep study's; the run folder holds what the other families' hold; tools for DL4J networks refuse it.
 */
class SbnRunTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void backend() {
        Backend.init();
    }

    /** mnist-sbn made small: 784-30-8, batches of 10. */
    private static SbnExperiment small() {
        return Presets.loadSbn("mnist-sbn").withSettings(new SbnSettings(List.of(30, 8), 0.1, 0.1, 10))
                .withHeldOut(200);
    }

    private static ExperimentData.Split split(SbnExperiment spec) {
        return SbnRecipe.INSTANCE.data(spec, Path.of("."));
    }

    private static SbnTrainer build(SbnExperiment spec, ExperimentData.Split split) {
        return (SbnTrainer) ExperimentRunner.buildTrainer(spec, split.train());
    }

    private static void iterate(Trainer t, int n) {
        for (int i = 0; i < n; i++) {
            t.iterate();
        }
    }

    @Test
    void aTrainerResumedFromItsCheckpointContinuesBitForBit() {
        SbnExperiment spec = small();
        ExperimentData.Split split = split(spec);
        SbnTrainer straight = build(spec, split);
        iterate(straight, 30);

        SbnTrainer first = build(spec, split);
        iterate(first, 15);
        Checkpoint.save(dir, first);
        Path checkpoint = Checkpoints.newestIntact(dir);
        assertNotNull(checkpoint);
        assertEquals(15, Checkpoint.savedIteration(checkpoint));

        SbnTrainer resumed = build(spec, split);
        Checkpoint.restore(checkpoint, resumed);
        assertEquals(15, resumed.iteration());
        assertSameNet(first.net(), resumed.net());
        iterate(resumed, 15);
        assertEquals(30, resumed.iteration());
        assertSameNet(straight.net(), resumed.net());
    }

    @Test
    void aCheckpointOfAnotherNetIsRefused() {
        SbnExperiment spec = small();
        ExperimentData.Split split = split(spec);
        SbnTrainer t = build(spec, split);
        t.iterate();
        Path saved = Checkpoint.save(dir, t);
        SbnExperiment wider = spec.withSettings(new SbnSettings(List.of(31, 8), 0.1, 0.1, 10));
        SbnTrainer other = build(wider, split);
        LabException e = assertThrows(LabException.class, () -> Checkpoint.restore(saved, other));
        assertTrue(e.getMessage().contains("the checkpoint's net has layers [784, 30, 8] but the experiment's has"
                + " [784, 31, 8]"), e.getMessage());
    }

    @Test
    void theRecipeMeasuresTheStudysBound() {
        SbnExperiment spec = small();
        ExperimentData.Split split = split(spec);
        SbnTrainer t = build(spec, split);
        WakeSleepTrainer study = new WakeSleepTrainer(new WakeSleepSettings(spec.sbn().hidden(), 0.1, 10, 1, 1,
                spec.seed()), (ExampleSet) split.train(), split.heldOut(), spec.heldOut());
        WakeSleepStatus.Point expected = study.measureHeldOut(0);
        Evaluation e = new SbnViews(split.heldOut(), split.train().shape(), spec.seed()).evaluate(t);
        assertEquals(-expected.bound(), e.get(Metric.HELD_OUT_NEGATIVE_BOUND), 0.0);
        assertEquals(expected.reconstruction(), e.get(Metric.HELD_OUT_RECONSTRUCTION), 0.0);
    }

    @Test
    void aRunFolderResumedFromAnEarlierCheckpointFinishesTheSame() throws Exception {
        SbnExperiment spec = small().withIterations(40).withIntervals(10, 20);
        ExperimentRunner.Options options = new ExperimentRunner.Options(dir, Path.of("."), 50, 50);
        Path runDir;
        ReconstructionView[] lastView = new ReconstructionView[1];
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> s = ExperimentRunner.start(spec, options)) {
            s.run().subscribe(st -> {
                if (st.view() != null) {
                    lastView[0] = st.view();
                }
            });
            s.run().start();
            s.run().awaitIdle(60_000);
            assertEquals(RunState.FINISHED, s.run().state());
            runDir = s.runDir();
        }
        assertNotNull(runDir);
        assertTrue(Files.isRegularFile(runDir.resolve("spec.json")));
        assertTrue(Files.isRegularFile(runDir.resolve("samples").resolve("iter-00000040.png")));
        Path last = Checkpoints.newestIntact(runDir);
        assertEquals(40, Checkpoint.savedIteration(last));
        byte[] finalNet = Files.readAllBytes(last.resolve(SbnCheckpoint.NET));
        List<String> before = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertEquals(5, before.size(), "a header and rows at 10, 20, 30, 40: " + before);
        assertTrue(before.get(0).contains(Metric.HELD_OUT_NEGATIVE_BOUND.column()), before.get(0));

        // the row at 40 is the study's bound of a trainer taken 40 iterations by hand
        ExperimentData.Split split = split(spec);
        SbnTrainer byHand = build(spec, split);
        iterate(byHand, 40);
        Evaluation e = new SbnViews(split.heldOut(), split.train().shape(), spec.seed()).evaluate(byHand);
        List<String> header = Arrays.asList(before.get(0).split(","));
        String[] row = before.get(4).split(",");
        double recorded = Double.parseDouble(row[header.indexOf(Metric.HELD_OUT_NEGATIVE_BOUND.column())]);
        double bound = e.get(Metric.HELD_OUT_NEGATIVE_BOUND);
        assertEquals(bound, recorded, 1e-4 * Math.abs(bound), "metrics.csv at 40: " + before.get(4));

        assertNotNull(lastView[0], "the bench saw pictures");
        assertEquals(SbnViews.CAPTIONS, lastView[0].captions());
        assertEquals(64, lastView[0].samples().count());
        assertEquals(8, lastView[0].codeActivity().length, "the top layer's units");

        // as if the process had been killed after the checkpoint at 20
        Files.writeString(runDir.resolve("checkpoints").resolve("LATEST"), "iter-00000020\n");
        deleteTree(last);
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> s =
                     ExperimentRunner.resumeReconstruction(runDir, options)) {
            s.run().start();
            s.run().awaitIdle(60_000);
            assertEquals(RunState.FINISHED, s.run().state());
            assertEquals(runDir, s.runDir());
        }
        Path again = Checkpoints.newestIntact(runDir);
        assertEquals(40, Checkpoint.savedIteration(again));
        assertArrayEquals(finalNet, Files.readAllBytes(again.resolve(SbnCheckpoint.NET)), "bit for bit");
        List<String> after = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertEquals(before.size(), after.size(), "one row per measurement: " + after);
        int elapsed = header.indexOf("elapsed_s");
        for (int i = 0; i < before.size(); i++) {
            List<String> a = new java.util.ArrayList<>(Arrays.asList(before.get(i).split(",")));
            List<String> b = new java.util.ArrayList<>(Arrays.asList(after.get(i).split(",")));
            if (i > 0) {
                a.remove(elapsed);
                b.remove(elapsed);
            }
            assertEquals(a, b, "row " + i);
        }
    }

    @Test
    void toolsForNetworksRefuseAnSbnRunWithAMessage() throws Exception {
        SbnExperiment spec = small().withIterations(5).withIntervals(5, 5);
        ExperimentRunner.Options options = new ExperimentRunner.Options(dir, Path.of("."), 50, 50);
        Path runDir;
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> s = ExperimentRunner.start(spec, options)) {
            s.run().start();
            s.run().awaitIdle(60_000);
            runDir = s.runDir();
        }
        LabException e = assertThrows(LabException.class, () -> SavedModel.open(runDir));
        assertTrue(e.getMessage().contains("is a sigmoid belief net run: the latent studio, the geometry bench and"
                + " evaluations open GAN, autoencoder, VAE and RBM runs"), e.getMessage());
    }

    private static void assertSameNet(SigmoidBeliefNet a, SigmoidBeliefNet b) {
        assertArrayEquals(a.sizes(), b.sizes());
        for (int l = 1; l <= a.top(); l++) {
            assertArrayEquals(a.generativeWeights(l), b.generativeWeights(l), 0.0, "G" + l);
            assertArrayEquals(a.recognitionWeights(l), b.recognitionWeights(l), 0.0, "R" + l);
            assertArrayEquals(a.recognitionBiases(l), b.recognitionBiases(l), 0.0, "r" + l);
        }
        for (int l = 0; l <= a.top(); l++) {
            assertArrayEquals(a.generativeBiases(l), b.generativeBiases(l), 0.0, "b" + l);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
