package org.latentlab.experiment.geometry;

import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Checkpoint;
import org.latentlab.experiment.Family;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.analysis.Vectors;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.analysis.hessian.HessianSpectrum;
import org.latentlab.analysis.hessian.NetworkObjective;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.SavedModel;
import org.latentlab.train.Backend;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The geometry jobs on tiny real run folders: Hessian results against the exact spectrum, the cache, the 1-D line's
 * ends against the objective at the initial and final parameters, the recreated initialisation against the run's
 * own, one curvature row per checkpoint, and the messages for what cannot be done.
 */
class GeometryJobsTest {

    @TempDir
    static Path runs;

    static Path aeRun;
    static Path vaeRun;

    /** 200 examples drawn from the ring with seed 5. */
    static final LossSpec LOSS = new LossSpec(200, GeometryModels.Part.DISCRIMINATOR, 5);

    @BeforeAll
    static void train() {
        Backend.init();
        aeRun = TinyRuns.train(TinyRuns.ringModel(Family.AUTOENCODER, 60, 20), runs);
        vaeRun = TinyRuns.train(TinyRuns.ringModel(Family.VAE, 40, 20), runs);
    }

    private static NetworkObjective objectiveAt(Path runOrCheckpoint) {
        return GeometryModels.objective(SavedModel.open(runOrCheckpoint), LOSS.examples(), LOSS.part(), LOSS.seed());
    }

    @Test
    void topEigenvaluesMatchTheExactSpectrum() {
        NetworkObjective o = objectiveAt(aeRun);
        assertEquals(51, o.dimension());
        HessianSpectrum exact = ExactHessian.compute(o, o.initialPoint(), Monitor.NONE).spectrum(false);
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            HessianTop top = jobs.hessianTop(LOSS, 5, Monitor.NONE);
            double[] want = exact.top(5);
            double scale = Math.abs(want[0]);
            for (int i = 0; i < 5; i++) {
                assertEquals(want[i], top.eigenvalues()[i], 1e-3 * Math.max(Math.abs(want[i]), 1e-3 * scale),
                        "eigenvalue " + i);
                assertEquals(1, Vectors.norm(top.eigenvectors()[i]), 1e-6);
            }
            assertTrue(top.converged());
            assertEquals(51, top.info().parameters());
            assertEquals(60, top.info().iteration());
            assertEquals(o.loss(o.initialPoint()), top.info().loss(), 1e-12);

            HessianTop exhausted = jobs.hessianTop(LOSS, 2, 51, Monitor.NONE);
            assertEquals(want[1], exhausted.eigenvalues()[1], 1e-9 * scale);
            assertTrue(Files.isRegularFile(jobs.cacheDir().resolve("hessian-top2-m51-n200-seed5.json")));

            HessianFull full = jobs.hessianFull(LOSS, Monitor.NONE);
            assertArrayEquals(exact.eigenvalues(), full.eigenvalues(), 1e-9 * scale);
            assertEquals(exact.negativeFraction(GeometryJobs.NEGATIVE_TOLERANCE), full.negativeFraction());
        }
    }

    @Test
    void densityWithAsManyStepsAsParametersFindsEveryEigenvalueAndAgreesWithHutchinson() {
        NetworkObjective o = objectiveAt(aeRun);
        double[] exact = ExactHessian.compute(o, o.initialPoint(), Monitor.NONE).spectrum(false).eigenvalues();
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            HessianDensity d = jobs.hessianDensity(LOSS, 3, 51, Monitor.NONE);
            double scale = Math.max(Math.abs(exact[0]), Math.abs(exact[50]));
            // an exhausted Krylov space: the nodes are the eigenvalues, the weights sum to one
            for (int r = 0; r < 3; r++) {
                assertEquals(51, d.nodes()[r].length);
                assertArrayEquals(exact, d.nodes()[r], 1e-6 * scale, "run " + r);
                double sum = 0;
                for (double w : d.weights()[r]) {
                    sum += w;
                }
                assertEquals(1, sum, 1e-9);
            }
            // run r starts from the Rademacher vector Hutchinson draws as sample r, so with 3 samples the two
            // estimates of the trace are the same number
            HessianTrace t = jobs.hessianTrace(LOSS, 3, Monitor.NONE);
            assertEquals(3, t.samples());
            assertEquals(t.trace(), d.traceEstimate(), 1e-7 * Math.abs(t.trace()) + 1e-9 * scale);
            assertTrue(d.negativeFraction() >= 0 && d.negativeFraction() <= 1);
            double[] bounds = d.negativeBounds();
            assertTrue(bounds[0] <= d.negativeFraction() && d.negativeFraction() <= bounds[1]);
            assertEquals(t.standardError(), d.traceStandardError(), 1e-7 * Math.abs(t.standardError()) + 1e-9 * scale);
            String said = d.summary();
            assertTrue(said.contains("3 probes × 51 Lanczos steps") && said.contains("standard error over 3 probes")
                    && said.contains("Hutchinson's estimator with 3 probes"), said);
            assertTrue(t.summary().contains("Hutchinson, 3 Rademacher probes; ± = standard error"), t.summary());
            double integral = 0;
            for (int i = 1; i < d.grid().length; i++) {
                integral += 0.5 * (d.density()[i] + d.density()[i - 1]) * (d.grid()[i] - d.grid()[i - 1]);
            }
            assertEquals(1, integral, 1e-3);
        }
    }

    @Test
    void secondCallReadsTheCacheFileAndACorruptFileIsComputedAgain() throws Exception {
        Path checkpoint;
        HessianTop fresh;
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            checkpoint = jobs.model().checkpoint();
            fresh = jobs.hessianTop(LOSS, 3, Monitor.NONE);
        }
        Path file = checkpoint.resolve("analysis").resolve("hessian-top3-n200-seed5.json");
        assertTrue(Files.isRegularFile(file), "cache file " + file);

        List<String> messages = new ArrayList<>();
        Monitor recording = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            HessianTop again = jobs.hessianTop(LOSS, 3, recording);
            assertArrayEquals(fresh.eigenvalues(), again.eigenvalues(), 0);
            assertArrayEquals(fresh.residuals(), again.residuals(), 0);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(fresh.eigenvectors()[i], again.eigenvectors()[i], 0);
            }
            assertEquals(fresh.info(), again.info());
        }
        assertEquals(List.of("read from " + file.getFileName()), messages);

        // served from the file: an edited file is what comes back
        String json = Files.readString(file);
        String first = Double.toString(fresh.eigenvalues()[0]);
        assertTrue(json.contains(first), "the file holds the eigenvalues");
        Files.writeString(file, json.replaceFirst(java.util.regex.Pattern.quote(first), "12345.5"));
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            assertEquals(12345.5, jobs.hessianTop(LOSS, 3, Monitor.NONE).eigenvalues()[0]);
        }

        // a damaged file is ignored and replaced
        Files.writeString(file, json.substring(0, json.length() / 2));
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            assertArrayEquals(fresh.eigenvalues(), jobs.hessianTop(LOSS, 3, Monitor.NONE).eigenvalues(), 0);
        }
        HessianTop rewritten = HessianTopFiles.read(file);
        assertTrue(rewritten != null, "the damaged file was replaced by a readable one");
        assertArrayEquals(fresh.eigenvalues(), rewritten.eigenvalues(), 0);

        // the eigenvectors live beside it as floats; a cut-off or missing vector file is computed again too
        Path vectors = checkpoint.resolve("analysis").resolve("hessian-top3-n200-seed5.vectors.bin");
        assertEquals(12 + 3 * 51 * 4, Files.size(vectors));
        assertFalse(Files.readString(file).contains("eigenvectors"));
        byte[] bytes = Files.readAllBytes(vectors);
        Files.write(vectors, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        messages.clear();
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            assertArrayEquals(fresh.eigenvectors()[2], jobs.hessianTop(LOSS, 3, recording).eigenvectors()[2], 0);
        }
        assertTrue(messages.get(messages.size() - 1).startsWith("done; kept in"), messages.toString());
        assertEquals(bytes.length, Files.size(vectors));
        Files.delete(vectors);
        messages.clear();
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            assertArrayEquals(fresh.eigenvectors()[0], jobs.hessianTop(LOSS, 3, recording).eigenvectors()[0], 0);
        }
        assertTrue(messages.get(messages.size() - 1).startsWith("done; kept in"), messages.toString());
    }

    @Test
    void recreatedInitialisationIsTheOneTheRunStartedFrom() {
        SavedModel model = SavedModel.open(aeRun);
        NetworkObjective o = objectiveAt(aeRun);
        RunParameters.Point init = RunParameters.initial(model, LOSS.part(), o.layout());
        assertTrue(init.label().contains("recreated"), init.label());

        // a trainer built as the run built it, before any step, has these parameters
        Trainer t = ExperimentRunner.buildTrainer(model.modelSpec(), model.trainingData(), DataType.FLOAT);
        AutoencoderTrainer a = (AutoencoderTrainer) t;
        assertArrayEquals(flat(a.encoder(), a.decoder()), init.theta(), 0);

        // and 20 steps from them end exactly at the run's first checkpoint (iteration 20)
        for (int i = 0; i < 20; i++) {
            t.iterate();
        }
        Path first = SavedModel.checkpoints(aeRun).get(0);
        assertEquals(20, SavedModel.iterationOf(first));
        assertArrayEquals(RunParameters.at(first, LOSS.part(), o.layout()).theta(), flat(a.encoder(), a.decoder()),
                0);
        assertFalse(java.util.Arrays.equals(init.theta(), RunParameters.at(first, LOSS.part(), o.layout()).theta()));
    }

    @Test
    void aCheckpointAtIterationZeroIsPreferredToTheRecreation() throws Exception {
        Path copy = runs.resolve("with-iter-0");
        copyTree(vaeRun, copy);
        SavedModel model = SavedModel.open(copy);
        Trainer t = ExperimentRunner.buildTrainer(model.modelSpec(), model.trainingData(), DataType.FLOAT);
        AutoencoderTrainer a = (AutoencoderTrainer) t;
        a.encoder().params().addi(0.25); // not what the spec would make: the file must be what is read
        Checkpoint.save(copy, t);
        assertEquals(0, SavedModel.iterationOf(SavedModel.checkpoints(copy).get(0)));
        // saving moved LATEST to iter-0; the analysed checkpoint is the last one
        Path last = SavedModel.checkpoints(copy).get(SavedModel.checkpoints(copy).size() - 1);
        NetworkObjective o = GeometryModels.objective(SavedModel.open(last), 50, LOSS.part(), 1);
        RunParameters.Point init = RunParameters.initial(SavedModel.open(last), LOSS.part(), o.layout());
        assertTrue(init.label().contains("iter-0"), init.label());
        assertArrayEquals(flat(a.encoder(), a.decoder()), init.theta(), 0);
    }

    @Test
    void lineEndsAreTheLossAtTheInitialAndTheFinalParameters() {
        for (Path run : List.of(aeRun, vaeRun)) {
            SavedModel model = SavedModel.open(run);
            NetworkObjective o = objectiveAt(run);
            Trainer t = ExperimentRunner.buildTrainer(model.modelSpec(), model.trainingData(), DataType.FLOAT);
            AutoencoderTrainer a = (AutoencoderTrainer) t;
            double[] theta0 = flat(a.encoder(), a.decoder());
            double[] theta1 = o.initialPoint();
            LineResult line;
            try (GeometryJobs jobs = new GeometryJobs(model)) {
                line = jobs.line(LOSS, null, LineOptions.defaults(), Monitor.NONE);
                assertEquals(41, line.alpha().length);
                assertEquals(-0.5, line.alpha()[0]);
                assertEquals(0.0, line.alpha()[10]);
                assertEquals(1.0, line.alpha()[30]);
                assertEquals(1.5, line.alpha()[40]);
                assertEquals(o.loss(theta0), line.loss()[10], 1e-12 * Math.abs(o.loss(theta0)), run.toString());
                assertEquals(o.loss(theta1), line.loss()[30], 1e-12 * Math.abs(o.loss(theta1)), run.toString());
                assertEquals(line.loss()[10], line.startLoss());
                assertEquals(line.loss()[30], line.endLoss());
                assertEquals(Vectors.norm(Vectors.subtract(theta1, theta0)), line.distance(), 1e-12);
                assertTrue(line.endLoss() < line.startLoss(), "training lowered the loss: " + line);
                assertTrue(line.start().contains("recreated"), line.start());
                assertTrue(Files.isRegularFile(jobs.cacheDir().resolve("line-init-p41-a-0.5_1.5-n200-seed5.json")));
            }
            List<String> messages = new ArrayList<>();
            try (GeometryJobs jobs = new GeometryJobs(model)) {
                LineResult again = jobs.line(LOSS, null, LineOptions.defaults(), new Monitor() {
                    @Override
                    public void progress(double fraction, String message) {
                        messages.add(message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
                assertArrayEquals(line.loss(), again.loss(), 0);
                assertArrayEquals(line.alpha(), again.alpha(), 0);
                assertEquals(line.start(), again.start());
            }
            assertEquals(List.of(GeometryJobs.CACHE_HIT + "line-init-p41-a-0.5_1.5-n200-seed5.json"), messages);
        }
    }

    @Test
    void lineBetweenTwoCheckpoints() {
        List<Path> cps = SavedModel.checkpoints(aeRun);
        NetworkObjective o = objectiveAt(aeRun);
        double[] first = RunParameters.at(cps.get(0), LOSS.part(), o.layout()).theta();
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            LineResult line = jobs.line(LOSS, cps.get(0), new LineOptions(5, 0, 1), Monitor.NONE);
            assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, line.alpha(), 0);
            assertEquals(o.loss(first), line.loss()[0], 1e-12 * Math.abs(line.loss()[0]));
            assertEquals(o.loss(o.initialPoint()), line.loss()[4], 1e-12 * Math.abs(line.loss()[4]));
            assertTrue(line.start().contains("iter-00000020"), line.start());
        }
        LabException e = assertThrows(LabException.class, () -> {
            try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
                jobs.line(LOSS, vaeRun, LineOptions.defaults(), Monitor.NONE);
            }
        });
        assertTrue(e.getMessage().contains("architecture"), e.getMessage());
    }

    @Test
    void alongTrainingHasOneRowPerCheckpoint() {
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            CurvatureHistory h = jobs.alongTraining(LOSS, 2, 20, Monitor.NONE);
            assertEquals(3, h.rows().size());
            assertEquals(List.of(20L, 40L, 60L), h.rows().stream().map(CurvatureRow::iteration).toList());
            assertEquals("", h.note());
            List<Path> cps = SavedModel.checkpoints(aeRun);
            for (int i = 0; i < 3; i++) {
                CurvatureRow r = h.rows().get(i);
                NetworkObjective o = objectiveAt(cps.get(i));
                assertEquals(o.loss(o.initialPoint()), r.loss(), 1e-12 * Math.abs(r.loss()));
                HessianSpectrum exact = ExactHessian.compute(o, o.initialPoint(), Monitor.NONE).spectrum(false);
                assertEquals(exact.max(), r.topEigenvalue(), 1e-3 * Math.abs(exact.max()));
                assertTrue(Files.isRegularFile(cps.get(i).resolve("analysis").resolve("hessian-top1-n200-seed5.json")));
            }
            assertTrue(h.table().lines().count() == 4, h.table());
        }
    }

    @Test
    void sliceCentreIsTheCheckpointAndTheTrajectoryEndsThere() {
        NetworkObjective o = objectiveAt(aeRun);
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            SurfaceSlice s = jobs.slice(LOSS, new SliceOptions(SliceOptions.Directions.RANDOM, 5, 1), null,
                    Monitor.NONE);
            assertEquals(5, s.a().length);
            assertEquals(o.loss(o.initialPoint()), s.centreLoss(), 1e-12 * s.centreLoss());
            assertEquals(s.info().loss(), s.centreLoss(), 1e-12 * s.centreLoss());
            assertTrue(Files.isRegularFile(s.scanFile()));
            assertEquals("surface-random-g5-r1-n200-seed5.csv", s.scanFile().getFileName().toString());
            assertTrue(Files.isRegularFile(s.trajectoryFile()));
            SurfaceSlice.Trajectory t = s.trajectory();
            assertArrayEquals(new long[] {0, 20, 40, 60}, t.iterations());
            assertEquals(0, t.a()[3], 1e-12);
            assertEquals(0, t.b()[3], 1e-12);
            assertEquals(0, s.resumedCells());

            SurfaceSlice h = jobs.slice(LOSS, new SliceOptions(SliceOptions.Directions.HESSIAN, 3, 0.5), null,
                    Monitor.NONE);
            HessianTop top = jobs.hessianTop(LOSS, 2, Monitor.NONE);
            double[] p = Vectors.addScaled(o.initialPoint(), 0.5, top.eigenvectors()[0]);
            assertEquals(o.loss(p), h.loss()[1][2], 1e-12 * Math.abs(o.loss(p)));

            SurfaceSlice pca = jobs.slice(LOSS, new SliceOptions(SliceOptions.Directions.PCA, 3, 1), null,
                    Monitor.NONE);
            assertTrue(pca.trajectory().kept() > 0.5, "PCA directions keep most of the trajectory: "
                    + pca.trajectory().kept());
            assertTrue(pca.trajectory().kept() > s.trajectory().kept());
        }
    }

    @Test
    void aCancelledSliceResumesToTheSameGrid() throws Exception {
        cancelAndResume(SliceOptions.Directions.RANDOM, LOSS);
    }

    @Test
    void aCancelledSliceOnHessianDirectionsResumesToo() throws Exception {
        // the directions are computed in the first (cancelled) call and read from the cache in the later ones
        cancelAndResume(SliceOptions.Directions.HESSIAN, LOSS.withSeed(9));
    }

    private void cancelAndResume(SliceOptions.Directions directions, LossSpec loss) throws Exception {
        SliceOptions options = new SliceOptions(directions, 6, 0.8);
        Path whole = runs.resolve("whole-" + directions.id() + ".csv");
        Path parts = runs.resolve("parts-" + directions.id() + ".csv");
        int[] cells = {0};
        Monitor stopSoon = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                if (message.startsWith("surface:")) {
                    cells[0]++;
                }
            }

            @Override
            public boolean isCancelled() {
                return cells[0] > 15;
            }
        };
        List<double[][]> rows = new ArrayList<>();
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            assertThrows(Monitor.Cancelled.class, () -> jobs.slice(loss, options, parts, rows::add, stopSoon));
        }
        assertTrue(Files.isRegularFile(parts), "the unfinished scan is kept");
        assertEquals(2, rows.size(), "two whole rows before the cancel");
        SurfaceSlice expected;
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            expected = jobs.slice(loss, options, whole, Monitor.NONE);
        }
        SurfaceSlice resumed;
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            resumed = jobs.slice(loss, options, parts, Monitor.NONE);
        }
        assertEquals(16, resumed.resumedCells());
        for (int j = 0; j < 6; j++) {
            assertArrayEquals(expected.loss()[j], resumed.loss()[j], 0);
        }
        // a given file made on another plane is refused, not overwritten
        String before = Files.readString(whole);
        LabException e = assertThrows(LabException.class, () -> {
            try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
                jobs.slice(loss.withSeed(6), options, whole, Monitor.NONE);
            }
        });
        assertTrue(e.getMessage().contains("another plane"), e.getMessage());
        assertEquals(before, Files.readString(whole));
    }

    @Test
    void badInputSaysWhatIsWrong() throws Exception {
        Path notARun = Files.createDirectories(runs.resolve("not-a-run"));
        LabException e = assertThrows(LabException.class, () -> GeometryJobs.open(notARun));
        assertTrue(e.getMessage().contains("neither a run folder"), e.getMessage());
        e = assertThrows(LabException.class, () -> GeometryJobs.open(runs.resolve("missing")));
        assertTrue(e.getMessage().contains("no such run"), e.getMessage());
        try (GeometryJobs jobs = GeometryJobs.open(aeRun)) {
            e = assertThrows(LabException.class, () -> jobs.tangents(200_000, 2, Monitor.NONE));
            assertTrue(e.getMessage().contains("too far") || e.getMessage().contains("does not exist"),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> jobs.hessianTop(LOSS, 0, Monitor.NONE));
        }
        assertThrows(IllegalArgumentException.class, () -> new LossSpec(0, GeometryModels.Part.GENERATOR, 1));
        assertThrows(IllegalArgumentException.class, () -> new SliceOptions(SliceOptions.Directions.RANDOM, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LineOptions(5, 1, 1));
        assertNotEquals(LOSS.tag(Family.GAN), LOSS.tag(Family.AUTOENCODER));
    }

    static double[] flat(MultiLayerNetwork... nets) {
        List<double[]> parts = new ArrayList<>();
        int n = 0;
        for (MultiLayerNetwork net : nets) {
            double[] p = net.params().castTo(DataType.DOUBLE).dup().toDoubleVector();
            parts.add(p);
            n += p.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
