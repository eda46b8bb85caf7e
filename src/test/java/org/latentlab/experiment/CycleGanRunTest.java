package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.UnpairedDomains;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.Backend;
import org.latentlab.train.Metric;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.RunState;
import org.latentlab.train.Trainer;
import org.latentlab.train.cyclegan.CycleGanSettings;
import org.latentlab.train.cyclegan.CycleGanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CycleGAN runs of the lab: a trainer resumed from its checkpoint ends bit for bit where an uninterrupted one ends
 * (parameters and optimiser state of all four networks); a run folder holds metrics with the cycle errors, pictures
 * and checkpoints; the bench's view of points carries the translation drawn with arrows.
 */
class CycleGanRunTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void backend() {
        Backend.init();
    }

    private static NetworkSpec mlp(String name, int out) {
        return new NetworkSpec(name, Shape.vector(2), List.of(new LayerSpec.Dense(name + "1", 8, Activation.TANH),
                new LayerSpec.Dense(name + "_out", out, Activation.IDENTITY)));
    }

    /** moons-to-ring-cyclegan made small: 2-8-2 generators, 2-8-1 discriminators, batches of 16. */
    static CycleGanExperiment small() {
        CycleGanExperiment preset = (CycleGanExperiment) Presets.load("moons-to-ring-cyclegan");
        CycleGanSettings s = preset.cyclegan();
        return new CycleGanExperiment(preset.name(), "", null, 3, preset.domainA(), preset.domainB(), mlp("g", 2),
                mlp("d", 1), new CycleGanSettings(10, 0.5, 16, s.generatorOptimizer(), s.discriminatorOptimizer()),
                12, 4, 6, 50);
    }

    private static CycleGanTrainer build(CycleGanExperiment spec, UnpairedDomains domains) {
        return (CycleGanTrainer) ExperimentRunner.buildTrainer(spec, domains, DataType.FLOAT);
    }

    private static void iterate(Trainer t, int n) {
        for (int i = 0; i < n; i++) {
            t.iterate();
        }
    }

    private static void assertSameNetworks(CycleGanTrainer x, CycleGanTrainer y) {
        MultiLayerNetwork[] a = x.networks();
        MultiLayerNetwork[] b = y.networks();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i].params().data().asFloat(), b[i].params().data().asFloat(), 0f, "network " + i);
            assertArrayEquals(a[i].getUpdater().getStateViewArray().data().asFloat(),
                    b[i].getUpdater().getStateViewArray().data().asFloat(), 0f, "optimiser state of network " + i);
        }
    }

    @Test
    void aTrainerResumedFromItsCheckpointContinuesBitForBit() {
        CycleGanExperiment spec = small();
        UnpairedDomains domains = (UnpairedDomains) ExperimentRunner.data(spec, Path.of("."));
        CycleGanTrainer straight = build(spec, domains);
        iterate(straight, 10);

        CycleGanTrainer first = build(spec, domains);
        iterate(first, 5);
        Path checkpoint = Checkpoint.save(dir, first);
        assertEquals(5, Checkpoint.savedIteration(checkpoint));
        iterate(first, 1); // the trainer moves on; the checkpoint keeps iteration 5

        CycleGanTrainer resumed = build(spec, domains);
        Checkpoint.restore(checkpoint, resumed);
        assertEquals(5, resumed.iteration());
        iterate(resumed, 5);
        assertSameNetworks(straight, resumed);
        assertEquals(straight.lastLosses(), resumed.lastLosses());
        for (double v : straight.lastLosses().values()) {
            assertTrue(Double.isFinite(v) && v > 0, straight.lastLosses().toString());
        }
    }

    @Test
    void aRunFolderHoldsTheCycleErrorsPicturesAndCheckpoints() throws Exception {
        CycleGanExperiment spec = small();
        ExperimentRunner.Options options = new ExperimentRunner.Options(dir, Path.of("."), 50, 50);
        ReconstructionView[] lastView = new ReconstructionView[1];
        Path runDir;
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> s = ExperimentRunner.startModel(spec, options)) {
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
        List<String> rows = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertEquals(4, rows.size(), "a header and rows at 4, 8, 12: " + rows);
        for (Metric m : new Metric[] {Metric.CYCLE_ERROR_A, Metric.CYCLE_ERROR_B, Metric.TRANSLATION_TO_B,
                Metric.B_TO_NEAREST_B}) {
            assertTrue(rows.get(0).contains(m.column()), rows.get(0));
        }
        assertTrue(rows.get(0).contains("loss_cycle"), rows.get(0));
        assertTrue(Files.isRegularFile(runDir.resolve("samples").resolve("iter-00000012.png")));
        assertEquals(12, Checkpoint.savedIteration(Checkpoints.newestIntact(runDir)));
        assertEquals(spec, ExperimentFiles.read(runDir.resolve("spec.json")));
        assertNotNull(lastView[0]);
        ReconstructionView.Translation t = lastView[0].translation();
        assertNotNull(t, "points are drawn as a translation");
        assertEquals(t.a().length, t.gA().length);
        assertTrue(t.a().length >= 2 * 50);
    }
}
