package org.latentlab.experiment;

import org.latentlab.train.GanStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Templates;
import org.latentlab.train.Backend;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a spec must satisfy before anything is built, and what a resume must find unchanged. */
class ResumeSafetyTest {

    @TempDir
    Path tmp;

    private static GanExperiment ring() {
        return Presets.loadGan("ring8-nsgan");
    }

    private static GanExperiment withDiscriminator(GanExperiment s, NetworkSpec d) {
        return new GanExperiment(s.name(), s.description(), s.seed(), s.dataset(), s.generator(), d, s.training(),
                s.iterations(), s.sampleInterval(), s.checkpointInterval());
    }

    @Test
    void discriminatorEndingInASigmoidIsRefusedWithTheReason() {
        GanExperiment s = ring();
        List<LayerSpec> layers = new ArrayList<>(s.discriminator().layers());
        layers.set(layers.size() - 1, new LayerSpec.Dense("d_out", 1, Activation.SIGMOID));
        NetworkSpec d = new NetworkSpec("D", s.discriminator().input(), layers);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withDiscriminator(s, d));
        assertTrue(e.getMessage().contains("no activation") && e.getMessage().contains("d_out"), e.getMessage());
    }

    @Test
    void gradientPenaltyTakesAConvolutionalCriticButRefusesBatchNormBeforeBuilding() {
        GanExperiment dc = Presets.loadGan("fashion-dcgan");
        GanSettings gp = new GanSettings(GanLoss.WGAN_GP, 5, 64, dc.training().generatorOptimizer(),
                dc.training().discriminatorOptimizer(), false, 0, 0, 10);
        assertEquals(GanLoss.WGAN_GP, dc.withTraining(gp).training().loss());

        List<LayerSpec> layers = new ArrayList<>(dc.discriminator().layers());
        layers.add(1, new LayerSpec.BatchNorm("d_bn1"));
        GanExperiment withBatchNorm = withDiscriminator(dc, new NetworkSpec("D", dc.discriminator().input(), layers));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withBatchNorm.withTraining(gp));
        assertTrue(e.getMessage().contains("wgan-gp") && e.getMessage().contains("d_bn1"), e.getMessage());
    }

    @Test
    void dataThatDoesNotFitTheNetworksIsReportedAtLoad() {
        Templates.GanPair mnistNets = Templates.mlpGan28(100);
        GanExperiment s = ring();
        GanExperiment images = new GanExperiment("mismatch", "", 1, DatasetSpec.toy("ring8"), mnistNets.generator(),
                mnistNets.discriminator(), s.training(), 10, 5, 5);
        LabException e = assertThrows(LabException.class, () -> ExperimentRunner.start(images,
                new ExperimentRunner.Options(tmp, tmp, 10, 10)));
        assertTrue(e.getMessage().contains("2 values per example") && e.getMessage().contains("G outputs 784"),
                e.getMessage());
    }

    @Test
    void checkpointKeepsLearningRatesChangedDuringTheRun() {
        Backend.init();
        GanExperiment s = ring();
        DataSource data = ExperimentData.open(s, Path.of("."));
        GanTrainer t = ExperimentRunner.buildTrainer(s, data, DataType.FLOAT);
        t.iterate();
        t.updateSettings(t.settings().withLearningRates(3e-4, 7e-4).withDiscriminatorSteps(2));
        t.iterate();
        Checkpoint.save(tmp, t);
        GanTrainer fresh = ExperimentRunner.buildTrainer(s, data, DataType.FLOAT);
        Checkpoint.restoreLatest(tmp, fresh);
        assertEquals(3e-4, fresh.settings().discriminatorOptimizer().learningRate());
        assertEquals(7e-4, fresh.settings().generatorOptimizer().learningRate());
        assertEquals(2, fresh.settings().discriminatorSteps());
        assertEquals(2, fresh.iteration());
    }

    @Test
    void remediesSwitchedOnDuringTheRunResumeExactly() {
        Backend.init();
        GanExperiment s = ring();
        DataSource data = ExperimentData.open(s, Path.of("."));
        GanTrainer t = ExperimentRunner.buildTrainer(s, data, DataType.FLOAT);
        t.iterate();
        t.updateSettings(t.settings().withHistoricalAveraging(0.1).withR1(1.0).withFeatureMatching(
                GanExperiment.featureMatchingLayers(s.discriminator()).get(0)));
        t.iterate();
        t.iterate();
        Checkpoint.save(tmp, t);
        GanTrainer resumed = ExperimentRunner.buildTrainer(s, data, DataType.FLOAT);
        Checkpoint.restoreLatest(tmp, resumed);
        assertEquals(t.settings(), resumed.settings());
        assertEquals(t.generatorAverage().orElseThrow().count(), resumed.generatorAverage().orElseThrow().count());
        org.junit.jupiter.api.Assertions.assertArrayEquals(t.discriminatorAverage().orElseThrow().mean()
                .toFloatVector(), resumed.discriminatorAverage().orElseThrow().mean().toFloatVector());
        t.iterate();
        resumed.iterate();
        org.junit.jupiter.api.Assertions.assertArrayEquals(t.generator().params().toFloatVector(),
                resumed.generator().params().toFloatVector(), "the resumed run continues as the uninterrupted one");
        org.junit.jupiter.api.Assertions.assertArrayEquals(t.discriminator().params().toFloatVector(),
                resumed.discriminator().params().toFloatVector());
    }

    /** The exact unrolled gradient keeps nothing between G steps: a resumed run continues bit for bit. */
    @Test
    void exactUnrollingResumesExactly() {
        Backend.init();
        GanExperiment s = Presets.loadGan("ring8-unrolled-exact");
        DataSource data = ExperimentData.open(s, Path.of("."));
        GanTrainer t = ExperimentRunner.buildTrainer(s, data, DataType.FLOAT);
        t.iterate();
        t.iterate();
        Checkpoint.save(tmp, t);
        GanTrainer resumed = ExperimentRunner.buildTrainer(s, data, DataType.FLOAT);
        Checkpoint.restoreLatest(tmp, resumed);
        assertEquals(t.settings(), resumed.settings());
        t.iterate();
        resumed.iterate();
        org.junit.jupiter.api.Assertions.assertArrayEquals(t.generator().params().toFloatVector(),
                resumed.generator().params().toFloatVector(), "the resumed run continues as the uninterrupted one");
        org.junit.jupiter.api.Assertions.assertArrayEquals(t.discriminator().params().toFloatVector(),
                resumed.discriminator().params().toFloatVector());
    }

    @Test
    void resumingOnDifferentDataIsRefused() throws Exception {
        Path csv = tmp.resolve("points.csv");
        Files.writeString(csv, "x,y\n0,0\n1,1\n2,0\n");
        GanExperiment s = ring();
        GanExperiment own = new GanExperiment("own-points", "", 1, new DatasetSpec(DatasetSpec.Kind.CSV, null,
                "points.csv"), s.generator(), s.discriminator(), s.training(), 4, 2, 2);
        Path runs = tmp.resolve("runs");
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Path runDir;
        try (ExperimentRunner.Session<GanTrainer, GanStatus> session = ExperimentRunner.start(own,
                new ExperimentRunner.Options(runs, tmp, 10, 1000))) {
            session.run().subscribe(st -> {
                if (st.state() == org.latentlab.train.RunState.FINISHED) {
                    done.countDown();
                }
            });
            session.run().start();
            assertTrue(done.await(60, java.util.concurrent.TimeUnit.SECONDS), "the run should finish");
            runDir = session.runDir();
        }
        assertEquals(4, Checkpoint.latestIteration(runDir));
        Files.writeString(csv, "x,y\n5,5\n1,1\n2,0\n");
        LabException e = assertThrows(LabException.class, () -> ExperimentRunner.resumeGan(runDir,
                new ExperimentRunner.Options(null, runDir, 10, 10)));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }
}
