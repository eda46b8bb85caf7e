package org.latentlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.train.Backend;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A run stopped at a checkpoint and resumed in a fresh trainer ends bit for bit where an uninterrupted run ends:
 * parameters, Adam moments and counters. Parameters are compared as float arrays (exact), not with
 * {@code INDArray.equals}, which allows a difference of 1e-5.
 */
class CheckpointResumeTest {

    private static GanExperiment spec;
    private static DataSource data;
    /** The uninterrupted run: 40 iterations from a fresh build. Only read by the tests. */
    private static GanTrainer straight;

    @TempDir
    Path runDir;

    @BeforeAll
    static void setUp() {
        Backend.init();
        spec = Presets.loadGan("ring8-nsgan").withIterations(40);
        data = ExperimentData.open(spec, Path.of("."));
        straight = build();
        iterate(straight, 40);
    }

    private static GanTrainer build() {
        return ExperimentRunner.buildTrainer(spec, data, DataType.FLOAT);
    }

    private static void iterate(GanTrainer t, int n) {
        for (int i = 0; i < n; i++) {
            t.iterate();
        }
    }

    @Test
    void resumedRunMatchesUninterruptedRunExactly() {
        GanTrainer a = straight;
        GanTrainer b = build();
        iterate(b, 20);
        Path saved = Checkpoint.save(runDir, b);
        assertEquals("iter-00000020", saved.getFileName().toString());
        assertEquals(20, Checkpoint.latestIteration(runDir));

        GanTrainer c = build();
        assertTrue(Checkpoint.restoreLatest(runDir, c));
        assertEquals(20, c.iteration());
        assertEquals(b.discriminatorUpdates(), c.discriminatorUpdates());
        assertEquals(b.generatorUpdates(), c.generatorUpdates());
        assertSameState(b, c);
        iterate(c, 20);

        assertEquals(40, c.iteration());
        assertEquals(a.discriminatorUpdates(), c.discriminatorUpdates());
        assertEquals(a.generatorUpdates(), c.generatorUpdates());
        assertSameState(a, c);
    }

    /** Historical averaging's θ̄ and count travel in the checkpoint: the resumed run ends where the straight one does. */
    @Test
    void historicalAveragingResumesExactly() {
        GanExperiment averaged = spec.withTraining(spec.training().withHistoricalAveraging(0.1));
        GanTrainer a = ExperimentRunner.buildTrainer(averaged, data, DataType.FLOAT);
        iterate(a, 40);
        GanTrainer b = ExperimentRunner.buildTrainer(averaged, data, DataType.FLOAT);
        iterate(b, 20);
        Path saved = Checkpoint.save(runDir, b);
        assertTrue(Files.isRegularFile(saved.resolve("G-average.bin")) && Files.isRegularFile(saved.resolve(
                "D-average.bin")));

        GanTrainer c = ExperimentRunner.buildTrainer(averaged, data, DataType.FLOAT);
        assertTrue(Checkpoint.restoreLatest(runDir, c));
        assertEquals(20, c.generatorAverage().orElseThrow().count());
        assertEquals(20, c.discriminatorAverage().orElseThrow().count());
        iterate(c, 20);

        assertSameState(a, c);
        assertArrayEquals(a.generatorAverage().orElseThrow().mean().dup().toFloatVector(),
                c.generatorAverage().orElseThrow().mean().dup().toFloatVector(), "G's average");
        assertArrayEquals(a.discriminatorAverage().orElseThrow().mean().dup().toFloatVector(),
                c.discriminatorAverage().orElseThrow().mean().dup().toFloatVector(), "D's average");
        assertFalse(Arrays.equals(floats(a.generator()), a.generatorAverage().orElseThrow().mean().dup()
                .toFloatVector()), "the average is not the last parameters");
    }

    /**
     * Spectral normalisation's raw weights, u, v and σ travel in the checkpoint (D.zip holds the normalised weights):
     * the resumed run ends bit for bit where the straight one does, normalisation state included.
     */
    @Test
    void spectralNormalisationResumesExactly() {
        GanExperiment sn = Presets.loadGan("ring8-sn").withIterations(40);
        GanTrainer a = ExperimentRunner.buildTrainer(sn, data, DataType.FLOAT);
        iterate(a, 40);
        GanTrainer b = ExperimentRunner.buildTrainer(sn, data, DataType.FLOAT);
        iterate(b, 20);
        Path saved = Checkpoint.save(runDir, b);
        assertTrue(Files.isRegularFile(saved.resolve("D-spectral.bin")));

        GanTrainer c = ExperimentRunner.buildTrainer(sn, data, DataType.FLOAT);
        iterate(c, 3); // a fresh trainer's state is overwritten, whatever it holds
        assertTrue(Checkpoint.restoreLatest(runDir, c));
        assertArrayEquals(b.spectralNormalisation().orElseThrow().state().toDoubleVector(),
                c.spectralNormalisation().orElseThrow().state().toDoubleVector(), "W, u, v and σ restored");
        assertSameState(b, c);
        iterate(c, 20);

        assertSameState(a, c);
        assertArrayEquals(a.spectralNormalisation().orElseThrow().state().toDoubleVector(),
                c.spectralNormalisation().orElseThrow().state().toDoubleVector(), "the same normalisation at 40");
        GanTrainer plain = build();
        iterate(plain, 40);
        assertFalse(Arrays.equals(floats(plain.discriminator()), floats(a.discriminator())),
                "spectral normalisation changed the run");
    }

    /**
     * A checkpoint written before spectral normalisation restores unchanged into a trainer without it, and into one
     * with it (an experiment edited since) as a fresh start at the restored parameters: they become the raw weights.
     */
    @Test
    void aCheckpointWithoutSpectralStateStartsItAtTheRestoredParameters() throws Exception {
        Path old = Path.of(getClass().getResource("runs-before-families/ring8-nsgan/checkpoints/iter-00000030")
                .toURI());
        GanTrainer plain = build();
        Checkpoint.restore(old, plain);
        GanTrainer normalised = ExperimentRunner.buildTrainer(spec.withTraining(spec.training().withSpectralNorm(true)),
                data, DataType.FLOAT);
        Checkpoint.restore(old, normalised);
        assertEquals(30, normalised.iteration());
        assertTrue(normalised.settings().spectralNorm(), "the switch comes from the experiment");
        assertArrayEquals(floats(plain.generator()), floats(normalised.generator()));
        org.latentlab.train.SpectralNormalisation sn = normalised.spectralNormalisation().orElseThrow();
        MultiLayerNetwork d = plain.discriminator();
        INDArray w = d.getLayer(0).getParam("W"); // [in, out]: the raw matrix is its transpose
        assertArrayEquals(w.transpose().dup('c').toFloatMatrix(), sn.rawWeight(0).toFloatMatrix(),
                "the checkpoint's weights are the raw ones");
        float[][] hat = normalised.discriminator().getLayer(0).getParam("W").toFloatMatrix();
        float[][] expected = w.div(sn.sigmas()[0]).toFloatMatrix();
        assertArrayEquals(expected, hat, "D runs with them divided by σ");
        normalised.iterate();
        assertEquals(31, normalised.iteration());
    }

    /**
     * A checkpoint written before the remedies (a run of ring8-nsgan kept from then) restores into a trainer with
     * historical averaging: the average starts again at the restored θ with no update counted, and the remedies
     * stay those of the experiment.
     */
    @Test
    void aCheckpointWithoutAveragesRestartsTheAverageAtTheRestoredParameters() throws Exception {
        Path old = Path.of(getClass().getResource("runs-before-families/ring8-nsgan/checkpoints/iter-00000030")
                .toURI());
        GanTrainer averaging = ExperimentRunner.buildTrainer(spec.withTraining(
                spec.training().withHistoricalAveraging(0.1)), data, DataType.FLOAT);
        float[] fresh = floats(averaging.generator());
        Checkpoint.restore(old, averaging);
        assertEquals(30, averaging.iteration());
        assertFalse(Arrays.equals(fresh, floats(averaging.generator())), "the checkpoint's parameters");
        assertEquals(0, averaging.generatorAverage().orElseThrow().count());
        assertEquals(0, averaging.discriminatorAverage().orElseThrow().count());
        assertArrayEquals(floats(averaging.generator()),
                averaging.generatorAverage().orElseThrow().mean().dup().toFloatVector());
        assertArrayEquals(floats(averaging.discriminator()),
                averaging.discriminatorAverage().orElseThrow().mean().dup().toFloatVector());
        assertEquals(0.1, averaging.settings().historicalAveraging());
        averaging.iterate();
        assertEquals(1, averaging.generatorAverage().orElseThrow().count());
    }

    @Test
    void parametersWithoutOptimiserStateDoNotResumeExactly() {
        // Shows the exact comparison can fail: same parameters and counters at 20, but fresh Adam moments.
        GanTrainer b = build();
        iterate(b, 20);
        GanTrainer d = build();
        d.generator().setParams(b.generator().params().dup());
        d.discriminator().setParams(b.discriminator().params().dup());
        d.restoreCounters(b.iteration(), b.discriminatorUpdates(), b.generatorUpdates());
        iterate(d, 20);

        assertFalse(Arrays.equals(floats(straight.generator()), floats(d.generator())));
        assertFalse(Arrays.equals(floats(straight.discriminator()), floats(d.discriminator())));
    }

    @Test
    void restoreWithoutCheckpointReturnsFalse() {
        assertEquals(-1, Checkpoint.latestIteration(runDir));
        assertFalse(Checkpoint.restoreLatest(runDir, build()));
    }

    @Test
    void nanParametersAreNotCheckpointedAndLatestKeepsThePreviousOne() throws IOException {
        GanTrainer t = build();
        iterate(t, 20);
        Checkpoint.save(runDir, t);
        iterate(t, 5);
        t.generator().params().putScalar(0, Double.NaN);

        LabException e = assertThrows(LabException.class, () -> Checkpoint.save(runDir, t));

        assertTrue(e.getMessage().contains("iteration 25"), e.getMessage());
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertEquals("iter-00000020", Files.readString(runDir.resolve("checkpoints").resolve("LATEST")).trim());
        assertEquals(20, Checkpoint.latestIteration(runDir));
        assertFalse(Files.exists(runDir.resolve("checkpoints").resolve("iter-00000025")));

        GanTrainer restored = build();
        assertTrue(Checkpoint.restoreLatest(runDir, restored));
        assertEquals(20, restored.iteration());
        for (float v : floats(restored.generator())) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void aRunKeepsItsNewestTwoCheckpoints() throws IOException {
        GanTrainer t = build();
        iterate(t, 10);
        Checkpoint.save(runDir, t);
        iterate(t, 10);
        Checkpoint.save(runDir, t);
        iterate(t, 10);
        Checkpoint.save(runDir, t);

        assertEquals(30, Checkpoint.latestIteration(runDir));
        assertFalse(Files.exists(runDir.resolve("checkpoints").resolve("iter-00000010")));
        assertTrue(Files.isRegularFile(runDir.resolve("checkpoints").resolve("iter-00000020").resolve("G.zip")));
        assertTrue(Files.isRegularFile(runDir.resolve("checkpoints").resolve("iter-00000020").resolve("G.zip")));
    }

    @Test
    void openingARunDropsMetricsRowsAfterTheCheckpoint(@TempDir Path runsRoot) throws IOException {
        RunStore store = RunStore.create(runsRoot, spec, data.contentHash());
        GanTrainer t = build();
        for (int i = 0; i < 3; i++) {
            iterate(t, 10);
            store.appendMetrics(t, 100L * i, null);
        }
        Path csv = store.dir().resolve("metrics.csv");
        Files.writeString(csv, "4", java.nio.file.StandardOpenOption.APPEND); // a row cut off by a killed process
        assertEquals(List.of("iteration", "10", "20", "30", "4"), firstCells(csv));

        RunStore reopened = RunStore.open(store.dir());
        assertEquals(List.of("iteration", "10", "20", "30", "4"), firstCells(csv), "opening changes nothing");
        reopened.keepMetricsUpTo(20);

        assertEquals(List.of("iteration", "10", "20"), firstCells(csv));
        assertEquals(String.join(",", RunStore.BASE_COLUMNS), Files.readAllLines(csv).get(0));
        assertEquals(spec, reopened.spec());

        reopened.appendMetrics(t, 3000, null);
        assertEquals(List.of("iteration", "10", "20", "30"), firstCells(csv));
    }

    @Test
    void openingAFolderWithoutSpecFails(@TempDir Path notARun) {
        LabException e = assertThrows(LabException.class, () -> RunStore.open(notARun));
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
    }

    private static List<String> firstCells(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.split(",", -1)[0]).toList();
    }

    private static void assertSameState(GanTrainer expected, GanTrainer actual) {
        assertArrayEquals(floats(expected.generator()), floats(actual.generator()), "G parameters");
        assertArrayEquals(floats(expected.discriminator()), floats(actual.discriminator()), "D parameters");
        assertArrayEquals(updaterState(expected.generator()), updaterState(actual.generator()), "G updater state");
        assertArrayEquals(updaterState(expected.discriminator()), updaterState(actual.discriminator()),
                "D updater state");
    }

    private static float[] floats(MultiLayerNetwork net) {
        return net.params().dup().toFloatVector();
    }

    private static float[] updaterState(MultiLayerNetwork net) {
        var state = net.getUpdater().getStateViewArray();
        assertTrue(state != null && state.length() > 0, "Adam keeps state");
        return state.dup().toFloatVector();
    }
}
