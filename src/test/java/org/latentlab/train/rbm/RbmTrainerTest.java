package org.latentlab.train.rbm;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.ImageScale;
import org.latentlab.train.NonFiniteLossException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trainer on the bundled MNIST (the first 9,000 images to train, the last 1,000 held out), fixed seeds. */
class RbmTrainerTest {

    private static final int DIM = 784;
    private static ExampleSet train;
    private static ExampleSet heldOut;

    @BeforeAll
    static void loadMnist() {
        ImageDataset mnist = ImageDataset.bundled("mnist", Path.of("datasets"), ImageScale.ZERO_TO_ONE);
        train = mnist.range(0, 9000);
        heldOut = mnist.range(9000, mnist.size());
    }

    private static RbmSettings settings(List<Integer> hidden, boolean persistent, long iterationsPerLayer) {
        return new RbmSettings(hidden, 1, persistent, 0.05, 0.5, 0, 32, iterationsPerLayer);
    }

    /** Runs the trainer and returns the reconstruction error of every iteration. */
    private static double[] run(RbmTrainer trainer, int iterations) {
        double[] errors = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            trainer.iterate();
            errors[i] = trainer.lastStats().reconstructionError();
            assertTrue(Double.isFinite(errors[i]), "finite error at " + i);
        }
        return errors;
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }

    private static INDArray batch(ExampleSet set, int n, long seed) {
        float[] buf = new float[n * DIM];
        set.sample(n, new Random(seed), buf);
        return Nd4j.create(buf, new long[] {n, DIM}, 'c');
    }

    private static INDArray binaryNoise(int n, long seed) {
        Random r = new Random(seed);
        float[] buf = new float[n * DIM];
        for (int i = 0; i < buf.length; i++) {
            buf[i] = r.nextBoolean() ? 1f : 0f;
        }
        return Nd4j.create(buf, new long[] {n, DIM}, 'c');
    }

    @Test
    void cd1LowersReconstructionErrorAndPrefersHeldOutDataToNoise() {
        RbmTrainer trainer = new RbmTrainer(train, settings(List.of(64), false, 1000), 1, DataType.FLOAT);
        double[] errors = run(trainer, 300);
        double first = mean(errors, 0, 10);
        double last = mean(errors, 250, 300);
        assertTrue(last < 0.4 * first, "reconstruction error " + first + " -> " + last);

        Rbm rbm = trainer.rbm(0);
        double heldOutEnergy = rbm.freeEnergy(batch(heldOut, 200, 5)).meanNumber().doubleValue();
        double noiseEnergy = rbm.freeEnergy(binaryNoise(200, 6)).meanNumber().doubleValue();
        assertTrue(heldOutEnergy < noiseEnergy - 100, "F(held out) " + heldOutEnergy + " vs F(noise) " + noiseEnergy);
        assertEquals(300, trainer.iteration());
        assertEquals(300, rbm.updates());
    }

    @Test
    void diagnosticsMeasureTheFreeEnergyGapWithoutChangingTheRun() {
        RbmTrainer watched = new RbmTrainer(train, settings(List.of(32), false, 1000), 2, DataType.FLOAT);
        RbmTrainer plain = new RbmTrainer(train, settings(List.of(32), false, 1000), 2, DataType.FLOAT);
        watched.setDiagnostics(true);
        run(watched, 60);
        run(plain, 60);
        RbmTrainer.Stats s = watched.lastStats();
        assertEquals(59, s.iteration());
        assertEquals(0, s.layer());
        assertTrue(s.freeEnergyGap() > 0, "noise is less probable than data: " + s);
        assertTrue(Double.isNaN(plain.lastStats().noiseFreeEnergy()), "not measured without diagnostics");
        assertEquals(watched.rbm(0).weights(), plain.rbm(0).weights());
    }

    @Test
    void pcdLowersReconstructionErrorAndKeepsItsChains() {
        RbmSettings pcd = new RbmSettings(List.of(64), 2, true, 0.02, 0.5, 1e-4, 32, 1000);
        RbmTrainer trainer = new RbmTrainer(train, pcd, 3, DataType.FLOAT);
        double[] errors = run(trainer, 200);
        double first = mean(errors, 0, 10);
        double last = mean(errors, 150, 200);
        assertTrue(last < 0.6 * first, "reconstruction error " + first + " -> " + last);
        INDArray chains = trainer.rbm(0).fantasyParticles();
        assertArrayEquals(new long[] {32, DIM}, chains.shape());
        for (float x : chains.dup('c').data().asFloat()) {
            assertTrue(x == 0f || x == 1f, "fantasy particles are binary: " + x);
        }
        assertEquals("PCD-2, lr 0.02, momentum 0.5, decay 0.0001, hidden 64", trainer.describeSettings());
    }

    @Test
    void deepBeliefNetTrainsLayerByLayerAndUnrolls() {
        RbmTrainer trainer = new RbmTrainer(train, settings(List.of(48, 16), false, 100), 4, DataType.FLOAT);
        INDArray secondBefore = trainer.rbm(1).weights().dup();
        double[] errors = run(trainer, 100);
        assertEquals(1, trainer.currentLayer());
        INDArray firstAfterItsTurn = trainer.rbm(0).weights().dup();
        assertEquals(secondBefore, trainer.rbm(1).weights(), "layer 2 waits for layer 1");
        double[] upper = run(trainer, 150);

        assertEquals(1, trainer.lastStats().layer());
        assertEquals(100, trainer.rbm(0).updates());
        assertEquals(150, trainer.rbm(1).updates());
        assertEquals(firstAfterItsTurn, trainer.rbm(0).weights(), "layer 1 is frozen once layer 2 trains");
        assertTrue(mean(errors, 90, 100) < 0.6 * mean(errors, 0, 10));
        assertTrue(mean(upper, 100, 150) < mean(upper, 0, 10), "layer 2 learns: " + mean(upper, 0, 10)
                + " -> " + mean(upper, 100, 150));

        DeepBeliefNet dbn = trainer.deepBeliefNet();
        List<DenseParams> layers = dbn.unroll();
        assertEquals(4, layers.size());
        int[][] shapes = {{784, 48}, {48, 16}, {16, 48}, {48, 784}};
        for (int l = 0; l < 4; l++) {
            assertEquals(shapes[l][0], layers.get(l).in(), "layer " + l + " in");
            assertEquals(shapes[l][1], layers.get(l).out(), "layer " + l + " out");
            assertArrayEquals(new long[] {1, shapes[l][1]}, layers.get(l).bias().shape());
        }
        assertEquals(dbn.rbm(1).weights().transpose(), layers.get(2).weights());
        assertEquals(dbn.rbm(0).visibleBias(), layers.get(3).bias());
        assertEquals(dbn.rbm(0).hiddenBias(), layers.get(0).bias());
        INDArray top = dbn.propagateUp(batch(heldOut, 5, 7), 2);
        assertArrayEquals(new long[] {5, 16}, top.shape());
        assertEquals("DBN 784-48-16", dbn.toString());
    }

    @Test
    void sameSeedSameParameters() {
        RbmSettings s = new RbmSettings(List.of(24, 8), 2, true, 0.05, 0.5, 1e-4, 16, 15);
        RbmTrainer a = new RbmTrainer(train, s, 42, DataType.FLOAT);
        RbmTrainer b = new RbmTrainer(train, s, 42, DataType.FLOAT);
        RbmTrainer c = new RbmTrainer(train, s, 43, DataType.FLOAT);
        run(a, 30);
        run(b, 30);
        run(c, 30);
        for (int l = 0; l < 2; l++) {
            assertEquals(a.rbm(l).weights(), b.rbm(l).weights());
            assertEquals(a.rbm(l).visibleBias(), b.rbm(l).visibleBias());
            assertEquals(a.rbm(l).hiddenBias(), b.rbm(l).hiddenBias());
        }
        assertNotEquals(a.rbm(0).weights(), c.rbm(0).weights());
        assertArrayEquals(a.gibbsSamples(3, 5), b.gibbsSamples(3, 5));
    }

    @Test
    void imagesForTheDashboard() {
        RbmTrainer trainer = new RbmTrainer(train, settings(List.of(20), false, 1000), 8, DataType.FLOAT);
        run(trainer, 20);
        float[] samples = trainer.gibbsSamples(4, 10);
        assertEquals(4 * DIM, samples.length);
        for (float x : samples) {
            assertTrue(x >= 0 && x <= 1);
        }
        assertArrayEquals(samples, trainer.gibbsSamples(4, 10), "same parameters, same images");

        float[] inputs = new float[3 * DIM];
        heldOut.sample(3, new Random(9), inputs);
        float[] recon = trainer.reconstructions(inputs, 3);
        assertEquals(3 * DIM, recon.length);
        INDArray expected = trainer.rbm(0).visibleProbabilities(trainer.rbm(0).hiddenProbabilities(
                Nd4j.create(inputs, new long[] {3, DIM}, 'c')));
        assertEquals(expected.getFloat(2, 400), recon[2 * DIM + 400], 1e-6f);

        float[] filters = trainer.filters(5);
        assertEquals(5 * DIM, filters.length);
        assertEquals(trainer.rbm(0).weights().getFloat(300, 3), filters[3 * DIM + 300], 0f);
        assertEquals(20 * DIM, trainer.filters(100).length, "at most the hidden units there are");
    }

    @Test
    void rejectsDataOutsideTheUnitInterval() {
        ImageDataset signed = ImageDataset.bundled("mnist", Path.of("datasets"), ImageScale.MINUS_ONE_TO_ONE);
        RbmTrainer trainer = new RbmTrainer(signed, settings(List.of(8), false, 10), 1, DataType.FLOAT);
        LabException e = assertThrows(LabException.class, trainer::iterate);
        assertTrue(e.getMessage().contains("[0, 1]") && e.getMessage().contains("ZERO_TO_ONE"), e.getMessage());
        assertEquals(0, trainer.iteration());
    }

    @Test
    void aBlownUpFreeEnergyStopsTheRun() {
        DataSource ones = new DataSource() {
            public String name() {
                return "ones";
            }

            public int[] shape() {
                return new int[] {DIM};
            }

            public void sample(int n, Random rng, float[] out) {
                java.util.Arrays.fill(out, 0, n * DIM, 1f);
            }

            public String contentHash() {
                return "ones";
            }
        };
        RbmSettings reckless = new RbmSettings(List.of(8), 1, false, 1e38, 0.5, 0, 8, 100);
        RbmTrainer trainer = new RbmTrainer(ones, reckless, 1, DataType.FLOAT);
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> run(trainer, 10));
        assertTrue(e.lossName().equals("free energy") || e.lossName().equals("reconstruction error"), e.lossName());
    }

    @Test
    void hiddenSizesCannotChangeDuringARun() {
        RbmTrainer trainer = new RbmTrainer(train, settings(List.of(8), false, 10), 1, DataType.FLOAT);
        trainer.updateSettings(new RbmSettings(List.of(8), 3, true, 0.01, 0.9, 0, 16, 10));
        assertEquals(0.9, trainer.rbm(0).momentum());
        assertThrows(IllegalArgumentException.class, () -> trainer.updateSettings(settings(List.of(9), false, 10)));
    }
}
