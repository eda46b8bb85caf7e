package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.Templates;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remedies switched during a run ({@link GanTrainer#updateSettings}): a remedy switched on before the first
 * update trains bit for bit as a trainer built with it, one switched off as the plain GAN, historical averaging
 * switched on mid-run starts θ̄ at the current θ, and a refused change leaves the trainer as it was.
 */
class GanRemedySwitchTest {

    private static final OptimizerSpec ADAM = OptimizerSpec.adam(1e-3, 0.5);
    private static final GanSettings PLAIN = new GanSettings(GanLoss.NON_SATURATING, 1, 16, ADAM, ADAM, false, 0, 0,
            0);
    private static final int ITERATIONS = 12;

    private static GanTrainer trainer(GanSettings settings) {
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        return trainer(pair.discriminator(), settings);
    }

    private static GanTrainer trainer(NetworkSpec discriminator, GanSettings settings) {
        Templates.GanPair pair = Templates.mlpGan2d(2, 16);
        MultiLayerNetwork g = NetworkCompiler.compile(pair.generator(), ADAM, 1, DataType.FLOAT);
        MultiLayerNetwork d = NetworkCompiler.compile(discriminator, ADAM, 2, DataType.FLOAT);
        return new GanTrainer(g, d, ToyDistribution.named("ring8"), settings, 2, 7);
    }

    static Stream<GanSettings> remedies() {
        return Stream.of(PLAIN.withR1(1.0), PLAIN.withHistoricalAveraging(0.1), PLAIN.withFeatureMatching("d1"),
                PLAIN.withFeatureMatching("d2"), PLAIN.withUnrolling(2),
                PLAIN.withR1(0.5).withHistoricalAveraging(0.05).withFeatureMatching("d2").withUnrolling(1));
    }

    private static void train(GanTrainer t) {
        for (int i = 0; i < ITERATIONS; i++) {
            t.iterate();
        }
    }

    private static void assertSameRun(GanTrainer expected, GanTrainer actual) {
        assertArrayEquals(expected.generator().params().toFloatVector(), actual.generator().params().toFloatVector(),
                "G");
        assertArrayEquals(expected.discriminator().params().toFloatVector(),
                actual.discriminator().params().toFloatVector(), "D");
        assertArrayEquals(expected.discriminator().getUpdater().getStateViewArray().toFloatVector(),
                actual.discriminator().getUpdater().getStateViewArray().toFloatVector(), "D's optimiser state");
    }

    @ParameterizedTest
    @MethodSource("remedies")
    void aRemedySwitchedOnBeforeTheFirstUpdateTrainsAsATrainerBuiltWithIt(GanSettings remedy) {
        GanTrainer built = trainer(remedy);
        GanTrainer switched = trainer(PLAIN);
        switched.updateSettings(remedy);
        assertEquals(remedy, switched.settings());
        GanTrainer plain = trainer(PLAIN);
        train(built);
        train(switched);
        train(plain);
        assertFalse(Arrays.equals(plain.generator().params().toFloatVector(),
                built.generator().params().toFloatVector()), "the remedy changes training: " + remedy.describe());
        assertSameRun(built, switched);
    }

    @ParameterizedTest
    @MethodSource("remedies")
    void aRemedySwitchedOffBeforeTheFirstUpdateTrainsAsThePlainGan(GanSettings remedy) {
        GanTrainer switched = trainer(remedy);
        switched.updateSettings(PLAIN);
        GanTrainer plain = trainer(PLAIN);
        train(switched);
        train(plain);
        assertSameRun(plain, switched);
        assertTrue(switched.generatorAverage().isEmpty() && switched.discriminatorAverage().isEmpty());
    }

    @Test
    void historicalAveragingSwitchedOnMidRunStartsAtTheCurrentParametersAndKeepsItsHistoryWhileOn() {
        GanTrainer t = trainer(PLAIN);
        train(t);
        float[] g = t.generator().params().toFloatVector();
        t.updateSettings(PLAIN.withHistoricalAveraging(0.1));
        HistoricalAverage average = t.generatorAverage().orElseThrow();
        assertEquals(0, average.count());
        assertArrayEquals(g, average.mean().toFloatVector());
        t.iterate();
        t.updateSettings(PLAIN.withHistoricalAveraging(0.2).withR1(1.0));
        assertTrue(average == t.generatorAverage().orElseThrow(), "a new λ keeps θ̄");
        assertEquals(1, average.count());
        t.iterate();
        assertEquals(2, average.count());
    }

    @Test
    void aFeatureMatchingLayerChangedMidRunGivesGTheGradientOfATrainerBuiltForThatLayer() {
        GanTrainer a = trainer(PLAIN.withFeatureMatching("d1"));
        train(a);
        a.updateSettings(PLAIN.withFeatureMatching("d2"));
        // the oracle: a trainer built for d2, at a's parameters, on the same codes and real batch
        GanTrainer oracle = trainer(PLAIN.withFeatureMatching("d2"));
        oracle.generator().params().assign(a.generator().params());
        oracle.discriminator().params().assign(a.discriminator().params());
        INDArray z = a.sampleLatent(16);
        INDArray real = a.sampleReal(16);
        float[] expected = oracle.generatorGradient(z, real).dup().toFloatVector();
        float[] actual = a.generatorGradient(z, real).dup().toFloatVector();
        assertArrayEquals(expected, actual);
        GanTrainer onD1 = trainer(PLAIN.withFeatureMatching("d1"));
        onD1.generator().params().assign(a.generator().params());
        onD1.discriminator().params().assign(a.discriminator().params());
        assertFalse(Arrays.equals(expected, onD1.generatorGradient(z, real).dup().toFloatVector()),
                "the layer matters");
    }

    @Test
    void aRefusedChangeLeavesTheTrainerAsItWas() {
        List<LayerSpec> layers = new java.util.ArrayList<>(Templates.mlpGan2d(2, 16).discriminator().layers());
        layers.add(1, new LayerSpec.MinibatchDiscrimination("minibatch", 4, 3));
        GanTrainer t = trainer(new NetworkSpec("D", Shape.vector(2), layers), PLAIN.withHistoricalAveraging(0.1));
        IllegalArgumentException r1 = assertThrows(IllegalArgumentException.class,
                () -> t.updateSettings(PLAIN.withR1(1.0)));
        assertTrue(r1.getMessage().contains("R1") && r1.getMessage().contains("minibatch"), r1.getMessage());
        IllegalArgumentException layer = assertThrows(IllegalArgumentException.class,
                () -> t.updateSettings(PLAIN.withFeatureMatching("nowhere")));
        assertTrue(layer.getMessage().contains("nowhere"), layer.getMessage());
        assertEquals(PLAIN.withHistoricalAveraging(0.1), t.settings());
        assertTrue(t.generatorAverage().isPresent(), "historical averaging still on");
        IllegalArgumentException pack = assertThrows(IllegalArgumentException.class,
                () -> t.updateSettings(PLAIN.withPacking(2)));
        assertTrue(pack.getMessage().contains("packing"), pack.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.updateSettings(new GanSettings(GanLoss.LSGAN, 1, 16,
                ADAM, ADAM, false, 0, 0, 0)));
    }
}
