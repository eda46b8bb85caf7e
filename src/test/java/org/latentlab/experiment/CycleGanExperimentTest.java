package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.DomainTransform;
import org.latentlab.data.ToyDistribution;
import org.latentlab.data.UnpairedDomains;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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

    /**
     * The MNIST preset's generators are local maps, as the paper's convolutional ones are: a change of one input pixel
     * reaches only the output pixels of its 5x5 neighbourhood. Inverting an image is such a map, pixel by pixel; a
     * dense generator, where every output reads every input, was free to map each digit onto any other (or all onto
     * one), and did.
     */
    @Test
    void theMnistPresetsGeneratorSeesOnlyANeighbourhood() {
        CycleGanExperiment mnist = (CycleGanExperiment) Presets.load("mnist-inverted-cyclegan");
        MultiLayerNetwork g = NetworkCompiler.compile(mnist.generator(), mnist.cyclegan().generatorOptimizer(), 1,
                DataType.FLOAT);
        float[] pixels = new float[784];
        Random rng = new Random(3);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = 2 * rng.nextFloat() - 1;
        }
        INDArray x = Nd4j.create(pixels, new long[] {1, 784}, 'c');
        int row = 14;
        int col = 9;
        INDArray changed = x.dup();
        changed.putScalar(0, row * 28 + col, x.getDouble(0, row * 28 + col) > 0 ? -1 : 1);
        INDArray d = g.output(changed).sub(g.output(x)).reshape(1, 784); // [1, 1, 28, 28] as one row
        int reached = 0;
        for (int i = 0; i < 784; i++) {
            boolean near = Math.abs(i / 28 - row) <= 2 && Math.abs(i % 28 - col) <= 2;
            if (d.getDouble(0, i) != 0) {
                assertTrue(near, "output pixel (" + i / 28 + ", " + i % 28 + ") moved");
                reached++;
            }
        }
        assertTrue(reached > 0, "the changed pixel reached no output");
    }
}
