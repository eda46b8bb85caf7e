package org.latentlab.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.train.Backend;
import org.latentlab.train.Metric;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.RunState;
import org.latentlab.train.Trainer;
import org.latentlab.train.aae.AaePrior;
import org.latentlab.train.aae.AaeSettings;
import org.latentlab.train.aae.AaeTrainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adversarial autoencoder runs of the lab: a trainer resumed from its checkpoint continues bit for bit (all four
 * networks, optimiser states included); a run folder holds the metrics with the code-versus-prior MMD², pictures
 * and checkpoints; the bench's view carries the 2-D code and the prior beneath it; the presets load; experiment files
 * are checked with one-line messages.
 */
class AaeRunTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void backend() {
        Backend.init();
    }

    /** mnist-aae-supervised made small: 784-16-2, D 8, batches of 10, 200 held out. */
    private static AaeExperiment small() {
        AaeExperiment p = Presets.loadAae("mnist-aae-supervised");
        AaeSettings s = p.aae();
        return p.withSettings(new AaeSettings(List.of(16), List.of(8), 2, s.prior(), true, 10,
                s.reconstructionOptimizer(), s.regularisationOptimizer())).withHeldOut(200);
    }

    private static AaeTrainer build(AaeExperiment spec, ExperimentData.Split split) {
        return (AaeTrainer) ExperimentRunner.buildTrainer(spec, split.train());
    }

    private static void iterate(Trainer t, int n) {
        for (int i = 0; i < n; i++) {
            t.iterate();
        }
    }

    @Test
    void aTrainerResumedFromItsCheckpointContinuesBitForBit() {
        AaeExperiment spec = small();
        ExperimentData.Split split = AaeRecipe.INSTANCE.data(spec, Path.of("."));
        AaeTrainer straight = build(spec, split);
        iterate(straight, 12);

        AaeTrainer first = build(spec, split);
        iterate(first, 6);
        Path checkpoint = Checkpoint.save(dir, first);
        AaeTrainer resumed = build(spec, split);
        Checkpoint.restore(checkpoint, resumed);
        assertEquals(6, resumed.iteration());
        iterate(resumed, 6);
        assertEquals(12, resumed.iteration());
        assertArrayEquals(straight.encoder().params().toDoubleVector(), resumed.encoder().params().toDoubleVector());
        assertArrayEquals(straight.decoder().params().toDoubleVector(), resumed.decoder().params().toDoubleVector());
        assertArrayEquals(straight.discriminator().params().toDoubleVector(),
                resumed.discriminator().params().toDoubleVector());
        assertArrayEquals(straight.encoderAdversary().getUpdater().getStateViewArray().toDoubleVector(),
                resumed.encoderAdversary().getUpdater().getStateViewArray().toDoubleVector());
        assertEquals(straight.lastLosses(), resumed.lastLosses());
    }

    @Test
    void aRunFolderHoldsMetricsPicturesAndTheCodeOverItsPrior() throws Exception {
        AaeExperiment spec = small().withIterations(20).withIntervals(10, 20);
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
        assertTrue(Files.isRegularFile(runDir.resolve("samples").resolve("iter-00000020.png")));
        Path last = Checkpoints.newestIntact(runDir);
        assertTrue(Files.isRegularFile(last.resolve("decoder.zip")));
        List<String> rows = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertEquals(3, rows.size(), "a header and rows at 10 and 20: " + rows);
        assertTrue(rows.get(0).contains(Metric.CODE_PRIOR_MMD.column()), rows.get(0));
        assertTrue(rows.get(0).contains("encoder_adversarial_batch"), rows.get(0));
        ReconstructionView v = lastView[0];
        assertNotNull(v);
        assertEquals(400, v.codePoints().length, "200 held-out codes");
        assertEquals(400, v.priorPoints().length, "as many prior draws");
        assertEquals(200, v.codeLabels().length);
        SavedModel saved = SavedModel.open(runDir);
        assertEquals(org.latentlab.experiment.Family.AAE, saved.kind());
        assertEquals(2, saved.decoder().layerInputSize(0));
        StudioModels.Studio studio = StudioModels.fromSaved(saved);
        assertTrue(studio.description().startsWith("adversarial autoencoder code 2 (mixture prior)"),
                studio.description());
        assertEquals(2, studio.models().get().codeSize(), "the studio explores the 2-D code");
        assertTrue(studio.models().get().prior().isEmpty(), "a mixture prior is no Gaussian: the studio fits one");
    }

    @Test
    void theStudioDrawsAGaussianAaesCodesFromItsPriorAndFitsOneForTheOthers() {
        org.latentlab.latent.CodePrior p = StudioModels.studioPrior(AaePrior.GAUSSIAN, 3).orElseThrow();
        assertArrayEquals(new double[3], p.mean());
        assertArrayEquals(new double[]{1, 1, 1}, p.marginalStd(), 0.0);
        assertTrue(StudioModels.studioPrior(AaePrior.MIXTURE, 2).isEmpty());
        assertTrue(StudioModels.studioPrior(AaePrior.SWISS_ROLL, 2).isEmpty());
    }

    @Test
    void thePresetsLoadAndTheFamilyIsChecked() {
        for (String name : Presets.aaes()) {
            AaeExperiment e = Presets.loadAae(name);
            assertEquals(Family.AAE, e.family());
            assertEquals(2, e.codeDim());
            assertEquals(List.of(1000, 1000), e.aae().hidden());
        }
        assertEquals(List.of("mnist-aae-gaussian", "mnist-aae-mixture", "mnist-aae-swissroll",
                "mnist-aae-supervised"), Presets.aaes());
        assertTrue(Presets.loadAae("mnist-aae-supervised").aae().supervised());
        assertEquals(AaePrior.SWISS_ROLL, Presets.loadAae("mnist-aae-swissroll").aae().prior());
        String json = ExperimentFiles.toJson(Presets.loadAae("mnist-aae-mixture"));
        assertEquals(Presets.loadAae("mnist-aae-mixture"), ExperimentFiles.parseAae(json, "round trip"));

        LabException e = assertThrows(LabException.class, () -> ExperimentFiles.parse(
                json.replace("\"mixture\"", "\"banana\""), "x.json"));
        assertTrue(e.getMessage().contains("unknown prior 'banana'"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        e = assertThrows(LabException.class, () -> ExperimentFiles.parseGan(json, "x.json"));
        assertTrue(e.getMessage().contains("adversarial autoencoder"), e.getMessage());
        e = assertThrows(LabException.class, () -> ExperimentFiles.parse(json.replace("\"code\" : 2",
                "\"code\" : 3"), "x.json"));
        assertTrue(e.getMessage().contains("the mixture prior is 2-D, so aae.code must be 2, not 3"), e.getMessage());
    }
}
