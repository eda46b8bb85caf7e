package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.DomainTransform;
import org.latentlab.data.ToyDistribution;
import org.latentlab.data.UnpairedDomains;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CycleGAN experiment files: the presets load and round-trip through JSON; a spec whose sizes do not fit, a transform
 * that does not exist or does not fit its data, and domains of different shapes are refused with one line saying
 * what is wrong; the transforms do what they say.
 */
class CycleGanExperimentTest {

    private static String preset() {
        return Presets.text("moons-to-ring-cyclegan");
    }

    private static String refusal(String json) {
        return assertThrows(LabException.class, () -> ExperimentFiles.parse(json, "test.json")).getMessage();
    }

    @Test
    void bothPresetsLoadAndRoundTrip() {
        for (String name : Presets.cyclegans()) {
            Experiment<?> e = Presets.load(name);
            assertTrue(e instanceof CycleGanExperiment, name);
            assertEquals(Family.CYCLEGAN, e.family());
            assertEquals(e, ExperimentFiles.parse(ExperimentFiles.toJson(e), name));
            assertTrue(Presets.onModelBench(name), name);
        }
        assertEquals(List.of("moons-to-ring-cyclegan", "mnist-inverted-cyclegan"), Presets.cyclegans());
        CycleGanExperiment mnist = (CycleGanExperiment) Presets.load("mnist-inverted-cyclegan");
        assertEquals(DomainTransform.INVERT, mnist.domainB().transform());
        assertEquals(DomainTransform.NONE, mnist.domainA().transform());
    }

    @Test
    void anUnknownTransformIsRefusedNamingTheKnownOnes() {
        String m = refusal(preset().replace("\"domainB\": {", "\"domainB\": {\"transform\": \"flip\", "));
        assertTrue(m.contains("unknown transform 'flip'") && m.contains("none, invert, rotate90"), m);
    }

    @Test
    void aTransformOfPointsIsRefused() {
        String m = refusal(preset().replace("\"domainB\": {", "\"domainB\": {\"transform\": \"invert\", "));
        assertTrue(m.contains("transform 'invert' changes images") && m.contains("use \"none\""), m);
    }

    @Test
    void aGeneratorThatChangesTheSizeIsRefused() {
        CycleGanExperiment p = (CycleGanExperiment) Presets.load("moons-to-ring-cyclegan");
        NetworkSpec g = new NetworkSpec("G", Shape.vector(2), List.of(new LayerSpec.Dense("o", 3,
                Activation.IDENTITY)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CycleGanExperiment(
                "x", "", null, 1, p.domainA(), p.domainB(), g, p.discriminator(), p.cyclegan(), 10, 5, 5, 20));
        assertTrue(e.getMessage().contains("its output must have the input's size"), e.getMessage());
    }

    @Test
    void aDiscriminatorWithAnActivationOnItsScoreIsRefused() {
        CycleGanExperiment p = (CycleGanExperiment) Presets.load("moons-to-ring-cyclegan");
        NetworkSpec d = new NetworkSpec("D", Shape.vector(2), List.of(new LayerSpec.Dense("o", 1,
                Activation.SIGMOID)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CycleGanExperiment(
                "x", "", null, 1, p.domainA(), p.domainB(), p.generator(), d, p.cyclegan(), 10, 5, 5, 20));
        assertTrue(e.getMessage().startsWith("the discriminator's last layer must be a dense layer of 1 unit"),
                e.getMessage());
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        String m = refusal(preset().replace("\"cycleWeight\": 10", "\"cycleWeight\": -1"));
        assertTrue(m.contains("cyclegan.cycleWeight"), m);
        m = refusal(preset().replace("\"batch\": 256", "\"batch\": 0"));
        assertTrue(m.contains("cyclegan.batch"), m);
    }

    @Test
    void domainsOfDifferentShapesAreRefused() {
        DataSource points = ToyDistribution.named("circle");
        DataSource images = new DataSource() {
            public String name() {
                return "tiny images";
            }

            public int[] shape() {
                return new int[] {1, 2, 2};
            }

            public void sample(int n, Random rng, float[] out) {
            }

            public String contentHash() {
                return "x";
            }
        };
        float[][] one = {{0f, 0f}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UnpairedDomains(points, images, one, new float[][] {{0, 0, 0, 0}}));
        assertTrue(e.getMessage().contains("both domains need the same shape"), e.getMessage());
    }

    @Test
    void theTransformsDoWhatTheySay() {
        int[] shape = {1, 2, 3};
        assertTrue(DomainTransform.ROTATE90.refusal(shape).contains("needs square images, not 2x3"));
        int[] square = {1, 2, 2};
        float[] x = {1, 2, 3, 4}; // [[1, 2], [3, 4]]
        assertArrayEquals(new float[] {2, 4, 1, 3}, DomainTransform.ROTATE90.apply(x, square), 0f); // anticlockwise
        assertArrayEquals(x, DomainTransform.ROTATE90.undo(DomainTransform.ROTATE90.apply(x, square), square), 0f);
        assertArrayEquals(new float[] {-1, -2, -3, -4}, DomainTransform.INVERT.apply(x, square), 0f);
        assertArrayEquals(x, DomainTransform.INVERT.undo(DomainTransform.INVERT.apply(x, square), square), 0f);
    }
}
