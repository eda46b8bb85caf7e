package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.Templates;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GanTrainer's construction checks and its seeded sampling (small FLOAT networks). */
class GanTrainerTest {

    private static final OptimizerSpec ADAM = OptimizerSpec.adam(1e-3, 0.5);
    private static final GanSettings SETTINGS =
            new GanSettings(GanLoss.NON_SATURATING, 1, 16, ADAM, ADAM, false, 0, 0, 0);

    private static MultiLayerNetwork net(NetworkSpec spec, long seed) {
        return NetworkCompiler.compile(spec, ADAM, seed, DataType.FLOAT);
    }

    private static GanTrainer ringTrainer(long seed) {
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        return new GanTrainer(net(pair.generator(), 1), net(pair.discriminator(), 2), ToyDistribution.named("ring8"),
                SETTINGS, 2, seed);
    }

    // Draws made before the first update (GanTrainer's random generator is reseeded at each update) must still
    // depend only on the number the trainer was seeded with.
    @Test
    void samplesDrawnBeforeTheFirstUpdateDependOnlyOnTheSeed() {
        GanTrainer a = ringTrainer(5);
        GanTrainer b = ringTrainer(5);
        assertArrayEquals(a.sampleReal(8).toFloatMatrix(), b.sampleReal(8).toFloatMatrix());
        assertArrayEquals(a.sampleLatent(8).toFloatMatrix(), b.sampleLatent(8).toFloatMatrix());
    }

    @Test
    void samplesDrawnAfterAnUpdateDependOnlyOnTheSeed() {
        GanTrainer a = ringTrainer(5);
        GanTrainer b = ringTrainer(5);
        a.iterate();
        b.iterate();
        assertArrayEquals(a.sampleReal(8).toFloatMatrix(), b.sampleReal(8).toFloatMatrix());
        assertArrayEquals(a.sampleLatent(8).toFloatMatrix(), b.sampleLatent(8).toFloatMatrix());
    }

    @Test
    void aGeneratorOfTheWrongOutputSizeIsRefusedWithTheFix() {
        DataSource points3d = new DataSource() {
            @Override
            public String name() {
                return "points3d";
            }

            @Override
            public int[] shape() {
                return new int[] {3};
            }

            @Override
            public void sample(int n, Random rng, float[] out) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String contentHash() {
                return "points3d";
            }
        };
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        LabException e = assertThrows(LabException.class, () -> new GanTrainer(net(pair.generator(), 1),
                net(pair.discriminator(), 2), points3d, SETTINGS, 2, 5));
        assertTrue(e.getMessage().contains("G outputs 2") && e.getMessage().contains("'points3d' has 3")
                && e.getMessage().contains("change G's last layer"), e.getMessage());
    }

    @Test
    void aDiscriminatorWithMoreThanOneOutputIsRefusedWithTheFix() {
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        NetworkSpec twoScores = new NetworkSpec("D", Shape.vector(2), List.of(
                new LayerSpec.Dense("d1", 16, Activation.RELU),
                new LayerSpec.Dense("d_out", 2, Activation.IDENTITY)));
        LabException e = assertThrows(LabException.class, () -> new GanTrainer(net(pair.generator(), 1),
                net(twoScores, 2), ToyDistribution.named("ring8"), SETTINGS, 2, 5));
        assertTrue(e.getMessage().contains("one score per example")
                && e.getMessage().contains("dense layer of 1 unit"), e.getMessage());
    }

    /**
     * PacGAN with packs of one is the plain GAN: the same seed and 20 iterations give bit for bit the same
     * parameters with the setting left out and set to 1 (a batch of 16 points, so packs of 2 would differ).
     */
    @Test
    void packingOfOneTrainsThePlainGanBitForBit() {
        GanTrainer plain = ringTrainer(5);
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        GanSettings packsOfOne = new GanSettings(GanLoss.NON_SATURATING, 1, 16, ADAM, ADAM, false, 0, 0, 0, 1, 0, "",
                0, 0);
        GanTrainer packed = new GanTrainer(net(pair.generator(), 1), net(pair.discriminator(), 2),
                ToyDistribution.named("ring8"), packsOfOne, 2, 5);
        float[] before = plain.generator().params().toFloatVector();
        for (int i = 0; i < 20; i++) {
            plain.iterate();
            packed.iterate();
        }
        assertTrue(!java.util.Arrays.equals(before, plain.generator().params().toFloatVector()), "G trained");
        assertArrayEquals(plain.generator().params().toFloatVector(), packed.generator().params().toFloatVector());
        assertArrayEquals(plain.discriminator().params().toFloatVector(),
                packed.discriminator().params().toFloatVector());
        assertArrayEquals(plain.discriminator().getUpdater().getStateViewArray().toFloatVector(),
                packed.discriminator().getUpdater().getStateViewArray().toFloatVector());
    }

    @Test
    void aDiscriminatorThatDoesNotTakePacksIsRefusedWithTheFix() {
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        LabException e = assertThrows(LabException.class, () -> new GanTrainer(net(pair.generator(), 1),
                net(pair.discriminator(), 2), ToyDistribution.named("ring8"), SETTINGS.withPacking(2), 2, 5));
        assertTrue(e.getMessage().contains("packs of 2 examples (4 values)")
                && e.getMessage().contains("set D's input to 2 × the data size"), e.getMessage());
    }

    /** k = 0 is the plain GAN, whichever form of the unrolled gradient is asked for. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(UnrollGradient.class)
    void unrollingNoStepsTrainsThePlainGanBitForBit(UnrollGradient form) {
        GanTrainer plain = ringTrainer(5);
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        GanTrainer unrolled = new GanTrainer(net(pair.generator(), 1), net(pair.discriminator(), 2),
                ToyDistribution.named("ring8"), SETTINGS.withUnrolling(0).withUnrollGradient(form), 2, 5);
        for (int i = 0; i < 20; i++) {
            plain.iterate();
            unrolled.iterate();
        }
        assertArrayEquals(plain.generator().params().toFloatVector(), unrolled.generator().params().toFloatVector());
        assertArrayEquals(plain.discriminator().params().toFloatVector(),
                unrolled.discriminator().params().toFloatVector());
    }

    @Test
    void anUnrolledGeneratorStepLeavesDAndItsOptimiserAsTheyWereAndStepsGAgainstTheUnrolledD() {
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        GanTrainer plain = new GanTrainer(net(pair.generator(), 1), net(pair.discriminator(), 2),
                ToyDistribution.named("ring8"), SETTINGS, 2, 5);
        GanTrainer unrolled = new GanTrainer(net(pair.generator(), 1), net(pair.discriminator(), 2),
                ToyDistribution.named("ring8"), SETTINGS.withUnrolling(3), 2, 5);
        for (int i = 0; i < 5; i++) {
            plain.iterate();
            unrolled.iterate();
        }
        unrolled.stepDiscriminator();
        float[] d = unrolled.discriminator().params().toFloatVector();
        float[] state = unrolled.discriminator().getUpdater().getStateViewArray().toFloatVector();
        double lossBefore = unrolled.lastStats().discriminatorLoss;
        float[] g = unrolled.generator().params().toFloatVector();
        unrolled.stepGenerator();
        assertArrayEquals(d, unrolled.discriminator().params().toFloatVector(), "D is put back");
        assertArrayEquals(state, unrolled.discriminator().getUpdater().getStateViewArray().toFloatVector(),
                "D's Adam moments are put back");
        assertEquals(lossBefore, unrolled.lastStats().discriminatorLoss, "D's step statistics are D's own");
        assertTrue(!java.util.Arrays.equals(g, unrolled.generator().params().toFloatVector()), "G stepped");
        // from here on the two trainers differ: the unrolled G steps against a D k updates ahead
        assertTrue(!java.util.Arrays.equals(plain.generator().params().toFloatVector(),
                unrolled.generator().params().toFloatVector()));
    }

    private static Object call(GanTrainer t, String method, Class<?>[] types, Object... args) throws Exception {
        java.lang.reflect.Method m = GanTrainer.class.getDeclaredMethod(method, types);
        m.setAccessible(true);
        return m.invoke(t, args);
    }

    private static org.latentlab.engine.TrainingNetwork network(GanTrainer t, String field) throws Exception {
        java.lang.reflect.Field f = GanTrainer.class.getDeclaredField(field);
        f.setAccessible(true);
        return (org.latentlab.engine.TrainingNetwork) f.get(t);
    }

    /**
     * The unrolled G step rebuilt from the trainer's own parts on a plain twin: the same draws, k = 2 D updates on
     * them, G's gradient against that D and G's update; the unrolled trainer's G must equal the twin's bit for bit,
     * and its D must be the D from before the look-ahead.
     */
    @Test
    void anUnrolledGeneratorStepIsAGStepAgainstDAfterKMoreUpdates() throws Exception {
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        GanTrainer unrolled = new GanTrainer(net(pair.generator(), 1), net(pair.discriminator(), 2),
                ToyDistribution.named("ring8"), SETTINGS.withUnrolling(2), 2, 5);
        GanTrainer twin = new GanTrainer(net(pair.generator(), 1), net(pair.discriminator(), 2),
                ToyDistribution.named("ring8"), SETTINGS, 2, 5);
        unrolled.stepDiscriminator();
        twin.stepDiscriminator();
        float[] dBefore = unrolled.discriminator().params().toFloatVector();
        assertArrayEquals(dBefore, twin.discriminator().params().toFloatVector());

        unrolled.stepGenerator();

        int n = SETTINGS.batchSize();
        call(twin, "reseed", new Class<?>[] {long.class}, 2L * (1 + 0) + 1);
        for (int i = 0; i < 2; i++) {
            INDArray real = ((INDArray) call(twin, "reals", new Class<?>[] {int.class}, n)).dup();
            INDArray z = (INDArray) call(twin, "codes", new Class<?>[] {String.class, int.class}, "z", n);
            INDArray fake = network(twin, "g").forward(z).dup();
            twin.discriminatorGradient(real, fake);
            network(twin, "d").update(1 + i);
        }
        INDArray z = (INDArray) call(twin, "codes", new Class<?>[] {String.class, int.class}, "z", n);
        twin.generatorGradient(z);
        network(twin, "g").update(0);

        assertArrayEquals(twin.generator().params().toFloatVector(), unrolled.generator().params().toFloatVector(),
                "G stepped against D two updates ahead");
        assertArrayEquals(dBefore, unrolled.discriminator().params().toFloatVector(), "D put back");
        assertTrue(!java.util.Arrays.equals(dBefore, twin.discriminator().params().toFloatVector()),
                "the look-ahead moved the twin's D");
    }
}
