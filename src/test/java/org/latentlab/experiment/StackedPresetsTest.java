package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.latentlab.data.DataSource;
import org.latentlab.data.StackedMnist;
import org.latentlab.experiment.evaluate.ScoringSetup;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.GanView;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Stacked MNIST presets: {@code stacked-dcgan} is the Fashion-MNIST DCGAN with three channels out of G and into
 * D, on Stacked MNIST; {@code stacked-dcgan-pacgan} is it with PacGAN's packs of two (D takes two stacks along the
 * channels); both train a few iterations on the bundled digits with finite losses, and the bench's view of them is a
 * grid of 3-channel images. No claim about what they converge to.
 */
class StackedPresetsTest {

    private static final int ITERATIONS = 12;

    @Test
    void stackedDcganIsTheFashionDcganWithThreeChannelsOnStackedMnist() {
        GanExperiment fashion = Presets.loadGan("fashion-dcgan");
        GanExperiment stacked = Presets.loadGan("stacked-dcgan");
        assertEquals(DatasetSpec.Kind.STACKED, stacked.dataset().kind());
        assertEquals("mnist", stacked.dataset().name());
        assertArrayEquals(new int[] {3, 28, 28}, stacked.generator().output().dims());
        assertArrayEquals(new int[] {3, 28, 28}, stacked.discriminator().input().dims());
        assertEquals(fashion.training(), stacked.training(), "the same losses and optimisers");
        assertEquals(fashion.generator().layers().size(), stacked.generator().layers().size());
        assertEquals(fashion.discriminator().layers(), stacked.discriminator().layers(), "the same D but its input");
        assertTrue(ScoringSetup.appliesTo(stacked), "its samples are scored live");
        assertNotEquals(ScoringSetup.key(Presets.loadGan("mnist-mlp-gan")), ScoringSetup.key(stacked),
                "its scores are not the MNIST digits' scores");
    }

    @Test
    void stackedDcganTrainsWithFiniteLossesAndShowsColourImages() {
        GanExperiment spec = Presets.loadGan("stacked-dcgan");
        DataSource data = ExperimentData.open(spec, Path.of("."));
        assertInstanceOf(StackedMnist.class, data);
        GanRecipe.INSTANCE.checkFits(spec, data);
        GanTrainer trainer = train(spec, data);
        GanView view = new GanViews(trainer, spec.seed()).view(trainer);
        GanView.Images images = assertInstanceOf(GanView.Images.class, view);
        assertEquals(3, images.channels());
        assertEquals(images.count() * 3 * 28 * 28, images.pixels().length);
    }

    @Test
    void theSameWithPacksOfTwoIsThePacganTwin() {
        GanExperiment plain = Presets.loadGan("stacked-dcgan");
        GanExperiment pac = Presets.loadGan("stacked-dcgan-pacgan");
        NetworkSpec d = plain.discriminator();
        assertEquals(new GanExperiment("stacked-dcgan-pacgan", pac.description(), plain.seed(), plain.dataset(),
                plain.generator(), new NetworkSpec(d.name(), Shape.image(6, 28, 28), d.layers()),
                plain.training().withPacking(2), plain.iterations(), plain.sampleInterval(),
                plain.checkpointInterval()), pac, "only the name, description, packing and D's input differ");
        DataSource data = ExperimentData.open(pac, Path.of("."));
        GanRecipe.INSTANCE.checkFits(pac, data);
        train(pac, data);
    }

    private static GanTrainer train(GanExperiment spec, DataSource data) {
        GanTrainer trainer = GanRecipe.INSTANCE.buildTrainer(spec, data, DataType.FLOAT);
        for (int i = 1; i <= ITERATIONS; i++) {
            trainer.iterate();
            GanTrainer.StepStats s = trainer.lastStats();
            for (double v : new double[] {s.discriminatorLoss, s.generatorLoss, s.realScore, s.fakeScore}) {
                assertTrue(Double.isFinite(v), spec.name() + " at iteration " + i + ": " + Arrays.toString(
                        new double[] {s.discriminatorLoss, s.generatorLoss, s.realScore, s.fakeScore}));
            }
        }
        assertEquals(ITERATIONS, trainer.iteration());
        return trainer;
    }
}
