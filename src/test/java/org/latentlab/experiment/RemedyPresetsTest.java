package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentlab.core.LabException;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remedies for mode collapse in experiment files: the fields are optional (a file without them is the plain
 * GAN), round-trip through JSON, and a bad value gives a message saying what to fix; each remedy preset is
 * ring8-nsgan or grid25-nsgan with one remedy switched on, and trains {@value #ITERATIONS} iterations with finite
 * losses (every remedy acts from the first iteration on, so each of its code paths runs many times over). No claim
 * about what they converge to.
 */
class RemedyPresetsTest {

    private static final String SOURCE = "edited.json";
    private static final int ITERATIONS = 100;

    @Test
    void aFileWithoutTheRemediesIsThePlainGan() {
        String text = Presets.text("ring8-nsgan");
        assertTrue(!text.contains("packing") && !text.contains("r1Gamma"), "the preset file predates the fields");
        GanSettings t = ExperimentFiles.parseGan(text, SOURCE).training();
        assertEquals(1, t.packing());
        assertEquals(0, t.historicalAveraging());
        assertEquals("", t.featureMatching());
        assertEquals(0, t.r1Gamma());
        assertEquals(false, t.spectralNorm());
        assertEquals(new GanSettings(t.loss(), t.discriminatorSteps(), t.batchSize(), t.generatorOptimizer(),
                t.discriminatorOptimizer(), t.labelSmoothing(), t.instanceNoise(), t.weightClip(), t.gpLambda()), t);
    }

    @Test
    void everyRemedyRoundTripsThroughJson() {
        GanExperiment pac = Presets.loadGan("ring8-pacgan");
        GanExperiment spec = pac.withTraining(pac.training().withHistoricalAveraging(0.25).withFeatureMatching("d2")
                .withR1(0.5).withSpectralNorm(true));
        String json = ExperimentFiles.toJson(spec);
        for (String field : new String[] {"\"packing\" : 2", "\"historicalAveraging\" : 0.25",
                "\"featureMatching\" : \"d2\"", "\"r1Gamma\" : 0.5", "\"spectralNorm\" : true"}) {
            assertTrue(json.contains(field), field + " in\n" + json);
        }
        GanExperiment back = ExperimentFiles.parseGan(json, SOURCE);
        assertEquals(spec, back);
        assertEquals(json, ExperimentFiles.toJson(back), "writing is stable");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "packed D of the wrong size | \"packing\" : 2 | set discriminator.input to 2 × the data size",
        "packing 0 | \"packing\" : 0 | training.packing (PacGAN's m) must be 1..64",
        "batch not a multiple | \"packing\" : 3 | must be a multiple of training.packing (3)",
        "negative lambda | \"historicalAveraging\" : -1 | training.historicalAveraging (λ) must be in [0, 1e6]",
        "unknown layer | \"featureMatching\" : \"d9\" | use one of [d1, d2]",
        "the score layer | \"featureMatching\" : \"d_out\" | use one of [d1, d2]",
        "negative gamma | \"r1Gamma\" : -0.5 | training.r1Gamma (γ) must be in [0, 1e6]",
        "not a boolean | \"spectralNorm\" : \"yes\" | training.spectralNorm"})
    void aBadRemedyIsRefusedWithTheFix(String what, String field, String fix) {
        String json = Presets.text("ring8-nsgan").replace("\"gpLambda\" : 0.0", "\"gpLambda\" : 0.0,\n    " + field);
        LabException e = assertThrows(LabException.class, () -> ExperimentFiles.parseGan(json, SOURCE), what);
        assertTrue(e.getMessage().startsWith(SOURCE) && e.getMessage().contains(fix), e.getMessage());
    }

    @Test
    void ring8PacganIsTheNonSaturatingRingWithPacksOfTwo() {
        GanExperiment plain = Presets.loadGan("ring8-nsgan");
        NetworkSpec d = plain.discriminator();
        assertOneRemedy("ring8-pacgan", plain.training().withPacking(2),
                new NetworkSpec(d.name(), Shape.vector(4), d.layers()));
    }

    @Test
    void ring8R1IsTheNonSaturatingRingWithR1OfGammaOne() {
        GanExperiment plain = Presets.loadGan("ring8-nsgan");
        assertOneRemedy("ring8-r1", plain.training().withR1(1), plain.discriminator());
    }

    @Test
    void ring8UnrolledIsTheNonSaturatingRingUnrolledFiveSteps() {
        GanExperiment plain = Presets.loadGan("ring8-nsgan");
        assertOneRemedy("ring8-unrolled", plain.training().withUnrolling(5), plain.discriminator());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ring8-unrolled", "grid25-unrolled"})
    void theExactUnrolledPresetsAreTheirFirstOrderTwinsWithTheExactGradient(String twin) {
        GanExperiment firstOrder = Presets.loadGan(twin);
        GanExperiment exact = Presets.loadGan(twin + "-exact");
        assertEquals(org.latentlab.train.UnrollGradient.FIRST_ORDER, firstOrder.training().unrollGradient());
        assertEquals(firstOrder.training().withUnrollGradient(org.latentlab.train.UnrollGradient.EXACT),
                exact.training());
        assertEquals(firstOrder.generator(), exact.generator());
        assertEquals(firstOrder.discriminator(), exact.discriminator());
        assertEquals(firstOrder.dataset(), exact.dataset());
        assertEquals(firstOrder.seed(), exact.seed());
        assertEquals(firstOrder.iterations(), exact.iterations());
    }

    @Test
    void ring8SnIsTheNonSaturatingRingWithSpectralNormalisation() {
        GanExperiment plain = Presets.loadGan("ring8-nsgan");
        assertOneRemedy("ring8-sn", plain.training().withSpectralNorm(true), plain.discriminator());
    }

    /** Spectral normalisation with weight clipping (the wgan loss) is refused, saying why and what to use. */
    @Test
    void spectralNormalisationWithWeightClippingIsRefusedWithTheReason() {
        String json = Presets.text("ring8-wgan").replace("\"gpLambda\" : 0.0",
                "\"gpLambda\" : 0.0,\n    \"spectralNorm\" : true");
        assertTrue(json.contains("spectralNorm"), "the field was added");
        LabException e = assertThrows(LabException.class, () -> ExperimentFiles.parseGan(json, SOURCE));
        assertTrue(e.getMessage().startsWith(SOURCE) && e.getMessage().contains("weight clipping")
                && e.getMessage().contains("use wgan-gp or hinge"), e.getMessage());
    }

    private static void assertOneRemedy(String name, GanSettings training, NetworkSpec discriminator) {
        assertOneRemedy("ring8-nsgan", name, training, discriminator);
    }

    @Test
    void ring8FeatureMatchingAndHistoricalAveragingAreOneSwitchEach() {
        GanExperiment plain = Presets.loadGan("ring8-nsgan");
        assertOneRemedy("ring8-fm", plain.training().withFeatureMatching("d2"), plain.discriminator());
        assertOneRemedy("ring8-ha", plain.training().withHistoricalAveraging(0.01), plain.discriminator());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"grid25-pacgan", "grid25-r1", "grid25-unrolled", "grid25-minibatch", "grid25-fm", "grid25-ha",
        "grid25-sn"})
    void everyGrid25RemedyIsGrid25NsganWithOneSwitch(String name) {
        GanExperiment plain = Presets.loadGan("grid25-nsgan");
        GanSettings t = plain.training();
        NetworkSpec d = plain.discriminator();
        switch (name) {
            case "grid25-pacgan" -> assertOneRemedy("grid25-nsgan", name, t.withPacking(2),
                    new NetworkSpec(d.name(), Shape.vector(4), d.layers()));
            case "grid25-r1" -> assertOneRemedy("grid25-nsgan", name, t.withR1(1), d);
            case "grid25-unrolled" -> assertOneRemedy("grid25-nsgan", name, t.withUnrolling(5), d);
            case "grid25-fm" -> assertOneRemedy("grid25-nsgan", name, t.withFeatureMatching("d2"), d);
            case "grid25-ha" -> assertOneRemedy("grid25-nsgan", name, t.withHistoricalAveraging(0.01), d);
            case "grid25-sn" -> assertOneRemedy("grid25-nsgan", name, t.withSpectralNorm(true), d);
            case "grid25-minibatch" -> {
                NetworkSpec withLayer = Presets.loadGan(name).discriminator();
                assertEquals(d.layers().size() + 1, withLayer.layers().size());
                assertEquals("minibatch", withLayer.layers().get(2).type(), "the layer sits after d2");
                assertEquals(d.layers(), withLayer.layers().stream().filter(l -> !l.type().equals("minibatch"))
                        .toList(), "D is otherwise unchanged");
                assertOneRemedy("grid25-nsgan", name, t, withLayer);
            }
            default -> throw new AssertionError(name);
        }
    }

    @Test
    void theCollapseLessonIsOnePairThatDiffersInOneSwitch() {
        GanExperiment plain = Presets.loadGan("grid25-nsgan");
        GanExperiment lesson = Presets.loadGan("grid25-collapse");
        assertOneRemedy(plain, "grid25-collapse", plain.training(), plain.discriminator(), lesson.seed(),
                lesson.iterations());
        assertOneRemedy(plain, "grid25-collapse-r1", plain.training().withR1(1), plain.discriminator(),
                lesson.seed(), lesson.iterations());
        assertTrue(lesson.seed() != plain.seed() && lesson.iterations() == 5000, "a fixed seed and length of its own");
    }

    private static void assertOneRemedy(String base, String name, GanSettings training, NetworkSpec discriminator) {
        GanExperiment p = Presets.loadGan(base);
        assertOneRemedy(p, name, training, discriminator, p.seed(), p.iterations());
    }

    private static void assertOneRemedy(GanExperiment p, String name, GanSettings training,
                                        NetworkSpec discriminator, long seed, long iterations) {
        GanExperiment spec = Presets.loadGan(name);
        assertTrue(Presets.gans().contains(name), name + " is listed");
        assertEquals(new GanExperiment(name, spec.description(), seed, p.dataset(), p.generator(), discriminator,
                training, iterations, p.sampleInterval(), p.checkpointInterval()), spec,
                "only the name, description and one remedy differ");

        String toy = spec.dataset().name();
        GanTrainer trainer = GanRecipe.INSTANCE.buildTrainer(spec, ToyDistribution.named(toy), DataType.FLOAT);
        for (int i = 1; i <= ITERATIONS; i++) {
            trainer.iterate();
            GanTrainer.StepStats s = trainer.lastStats();
            for (double v : new double[] {s.discriminatorLoss, s.generatorLoss, s.realScore, s.fakeScore}) {
                assertTrue(Double.isFinite(v), name + " at iteration " + i);
            }
        }
        assertEquals(ITERATIONS, trainer.iteration());
    }
}
