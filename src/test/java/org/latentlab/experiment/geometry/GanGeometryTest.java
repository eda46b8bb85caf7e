package org.latentlab.experiment.geometry;

import org.latentlab.train.GanStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.analysis.hessian.HessianSpectrum;
import org.latentlab.analysis.hessian.NetworkObjective;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.GeometryModels.Part;
import org.latentlab.experiment.SavedModel;
import org.latentlab.train.Backend;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.RunState;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The geometry jobs on a small GAN run: D's and G's losses, one checkpoint, no tangents. */
class GanGeometryTest {

    @TempDir
    static Path runs;

    static Path ganRun;
    static GanExperiment spec;

    static final LossSpec D_LOSS = new LossSpec(128, Part.DISCRIMINATOR, 2);
    static final LossSpec G_LOSS = D_LOSS.withPart(Part.GENERATOR);

    @BeforeAll
    static void train() {
        Backend.init();
        spec = TinyRuns.ringGan(30);
        ganRun = TinyRuns.train(spec, runs);
    }

    private static NetworkObjective objective(LossSpec loss) {
        return GeometryModels.objective(SavedModel.open(ganRun), loss.examples(), loss.part(), loss.seed());
    }

    @Test
    void topEigenvaluesOfEachPlayersLossMatchTheExactSpectrum() {
        try (GeometryJobs jobs = GeometryJobs.open(ganRun)) {
            for (LossSpec loss : List.of(D_LOSS, G_LOSS)) {
                NetworkObjective o = objective(loss);
                HessianSpectrum exact = ExactHessian.compute(o, o.initialPoint(), Monitor.NONE).spectrum(false);
                HessianTop top = jobs.hessianTop(loss, 3, Monitor.NONE);
                assertEquals(loss == D_LOSS ? 33 : 42, top.info().parameters());
                assertEquals(loss.part(), top.info().part());
                for (int i = 0; i < 3; i++) {
                    assertEquals(exact.top(3)[i], top.eigenvalues()[i], 1e-3 * Math.abs(exact.max()), loss.toString());
                }
                assertTrue(Files.isRegularFile(jobs.cacheDir().resolve("hessian-top3-" + loss.partId()
                        + "-n128-seed2.json")));
            }
        }
    }

    @Test
    void slicesOfDsAndGsLossAreCentredOnTheCheckpoint() {
        try (GeometryJobs jobs = GeometryJobs.open(ganRun)) {
            SurfaceSlice d = jobs.slice(D_LOSS, new SliceOptions(SliceOptions.Directions.RANDOM, 3, 1), null,
                    Monitor.NONE);
            SurfaceSlice g = jobs.slice(G_LOSS, new SliceOptions(SliceOptions.Directions.RANDOM, 3, 1), null,
                    Monitor.NONE);
            NetworkObjective od = objective(D_LOSS);
            NetworkObjective og = objective(G_LOSS);
            assertEquals(od.loss(od.initialPoint()), d.centreLoss(), 1e-12);
            assertEquals(og.loss(og.initialPoint()), g.centreLoss(), 1e-12);
            assertNotEquals(d.scanFile(), g.scanFile());
            java.util.List<Long> kept = SavedModel.checkpoints(ganRun).stream().map(SavedModel::iterationOf).toList();
            long[] expected = new long[kept.size() + 1];
            for (int i = 0; i < kept.size(); i++) {
                expected[i + 1] = kept.get(i);
            }
            assertEquals(30L, kept.get(kept.size() - 1));
            assertArrayEquals(expected, d.trajectory().iterations());
            assertTrue(d.trajectory().note().contains("two newest"), d.trajectory().note());
        }
    }

    @Test
    void lineFromTheRecreatedInitialisationOfD() {
        SavedModel model = SavedModel.open(ganRun);
        GanTrainer fresh = ExperimentRunner.buildTrainer(spec, model.data(), DataType.FLOAT);
        double[] init = GeometryJobsTest.flat(fresh.discriminator());
        NetworkObjective o = objective(D_LOSS);
        try (GeometryJobs jobs = new GeometryJobs(model)) {
            LineResult line = jobs.line(D_LOSS, null, new LineOptions(3, 0, 1), Monitor.NONE);
            assertEquals(o.loss(init), line.loss()[0], 1e-12);
            assertEquals(o.loss(o.initialPoint()), line.loss()[2], 1e-12);
            assertTrue(jobs.cacheDir().resolve("line-init-p3-a0_1-D-n128-seed2.json").toFile().isFile());
        }
    }

    @Test
    void alongTrainingHasAPointPerKeptGanCheckpoint() {
        try (GeometryJobs jobs = GeometryJobs.open(ganRun)) {
            CurvatureHistory h = jobs.alongTraining(G_LOSS, 1, 10, Monitor.NONE);
            java.util.List<Long> kept = SavedModel.checkpoints(ganRun).stream().map(SavedModel::iterationOf).toList();
            assertEquals(kept, h.rows().stream().map(r -> r.iteration()).toList());
            assertEquals(30, h.rows().get(h.rows().size() - 1).iteration());
        }
    }

    @Test
    void aGanHasNoTangentsAndItsExactSpectrumIsComputed() {
        try (GeometryJobs jobs = GeometryJobs.open(ganRun)) {
            LabException e = assertThrows(LabException.class, () -> jobs.tangents(0, 3, Monitor.NONE));
            assertTrue(e.getMessage().contains("is a GAN run") && e.getMessage().contains("encoder"),
                    e.getMessage());
            assertEquals(33, jobs.hessianFull(D_LOSS, Monitor.NONE).eigenvalues().length);
        }
    }

    @Test
    void resumingAnAnalysedGanRunPrunesTheOldCheckpointWithItsAnalysis() throws Exception {
        Path copy = runs.resolve("resumed");
        GeometryJobsTest.copyTree(ganRun, copy);
        Path old;
        try (GeometryJobs jobs = GeometryJobs.open(copy)) {
            old = jobs.model().checkpoint();
            jobs.hessianTrace(D_LOSS, 4, Monitor.NONE);
            assertTrue(Files.isDirectory(jobs.cacheDir()));
        }
        try (ExperimentRunner.Session<GanTrainer, GanStatus> s = ExperimentRunner.resumeGan(copy, new ExperimentRunner.Options(null, Path.of("."),
                50, 60_000))) {
            s.run().modify(t -> "");
            s.run().awaitIdle(60_000);
            s.run().step();
            s.run().awaitIdle(60_000);
            assertEquals(RunState.PAUSED, s.run().state());
        }
        // closing saves a checkpoint at 31; the newest two are kept, so 30 stays until the next save prunes it
        assertEquals(List.of(30L, 31L), SavedModel.checkpoints(copy).stream().map(SavedModel::iterationOf).toList());
        assertTrue(Files.isDirectory(old), "checkpoint 30 is kept as the fall-back: " + old);
    }
}
