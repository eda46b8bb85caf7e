package org.latentlab.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapeInferenceTest {

    private static List<Shape> shapes(NetworkSpec spec) {
        return ShapeInference.infer(spec.name(), spec.input(), spec.layers());
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void mlpGan2dMapsCodesToPointsAndPointsToOneScore() {
        Templates.GanPair pair = Templates.mlpGan2d(2, 128);
        assertEquals(List.of(Shape.vector(128), Shape.vector(128), Shape.vector(2)), shapes(pair.generator()));
        assertEquals(Shape.vector(2), pair.generator().output());
        assertEquals(List.of(Shape.vector(128), Shape.vector(128), Shape.vector(1)), shapes(pair.discriminator()));
        assertEquals(Shape.vector(1), pair.discriminator().output());
    }

    @Test
    void mlpGan28MapsCodesToImagesAndImagesToOneScore() {
        Templates.GanPair pair = Templates.mlpGan28(100);
        assertEquals(Shape.vector(100), pair.generator().input());
        assertEquals(List.of(Shape.vector(256), Shape.vector(512), Shape.vector(784), Shape.image(1, 28, 28)),
                shapes(pair.generator()));
        assertEquals(Shape.image(1, 28, 28), pair.generator().output());
        assertEquals(784, pair.generator().output().size());
        assertEquals(List.of(Shape.vector(784), Shape.vector(512), Shape.vector(256), Shape.vector(1)),
                shapes(pair.discriminator()));
    }

    @Test
    void dcgan28UpsamplesSevenToTwentyEightAndDownsamplesBack() {
        Templates.GanPair pair = Templates.dcgan28(100);
        assertEquals(List.of(Shape.vector(1568), Shape.vector(1568), Shape.vector(1568), Shape.image(32, 7, 7),
                        Shape.image(16, 14, 14), Shape.image(16, 14, 14), Shape.image(16, 14, 14),
                        Shape.image(1, 28, 28)),
                shapes(pair.generator()));
        assertEquals(Shape.image(1, 28, 28), pair.generator().output());
        assertEquals(List.of(Shape.image(16, 14, 14), Shape.image(32, 7, 7), Shape.vector(1568), Shape.vector(1)),
                shapes(pair.discriminator()));
        assertEquals(Shape.vector(1), pair.discriminator().output());
    }

    @Test
    void denseAfterAnImageAsksForAFlatten() {
        List<LayerSpec> layers = List.of(
                new LayerSpec.Conv2D("c1", 8, 3, 2, Padding.SAME, Activation.RELU, 0),
                new LayerSpec.Dense("d1", 1, Activation.IDENTITY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShapeInference.infer("D", Shape.image(1, 28, 28), layers));
        assertMentions(e.getMessage(), "'D'", "'d1'", "8x14x14", "add a Flatten");
        // The spec's constructor runs the same check.
        IllegalArgumentException viaSpec = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec("D", Shape.image(1, 28, 28), layers));
        assertMentions(viaSpec.getMessage(), "'d1'", "add a Flatten");
    }

    @Test
    void reshapeWithTheWrongProductNamesBothSizes() {
        List<LayerSpec> layers = List.of(
                new LayerSpec.Dense("fc", 100, Activation.RELU),
                new LayerSpec.Reshape("to_img", 1, 28, 28));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec("G", Shape.vector(2), layers));
        assertMentions(e.getMessage(), "'to_img'", "784", "100");
    }

    @Test
    void convolutionOnAVectorAsksForAReshape() {
        List<LayerSpec> layers = List.of(
                new LayerSpec.Dense("fc", 784, Activation.RELU),
                new LayerSpec.Conv2D("conv", 8, 3, 1, Padding.SAME, Activation.RELU, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec("D", Shape.vector(2), layers));
        assertMentions(e.getMessage(), "'conv'", "784", "add a Reshape");
    }

    @Test
    void theFirstLayerThatDoesNotFitIsNamedNotALaterOne() {
        List<LayerSpec> layers = List.of(
                new LayerSpec.Dense("ok", 10, Activation.RELU),
                new LayerSpec.Upsample2D("up", 2),
                new LayerSpec.Conv2D("conv", 8, 3, 1, Padding.SAME, Activation.RELU, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShapeInference.infer("G", Shape.vector(4), layers));
        assertMentions(e.getMessage(), "layer 2 'up'");
        assertFalse(e.getMessage().contains("'conv'"), e.getMessage());
    }

    // A duplicated layer name is refused naming the layer and asking for a rename.
    @Test
    void duplicateLayerNamesNameTheLayerAndAskForARename() {
        List<LayerSpec> layers = List.of(
                new LayerSpec.Dense("d1", 16, Activation.RELU),
                new LayerSpec.Dense("d1", 1, Activation.IDENTITY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec("D", Shape.vector(2), layers));
        assertMentions(e.getMessage(), "'D'", "'d1'", "rename");
    }

    @Test
    void zeroUnitsNamesTheLayerAndTheMinimum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LayerSpec.Dense("g1", 0, Activation.RELU));
        assertMentions(e.getMessage(), "'g1'", "units >= 1", "0");
    }

    @Test
    void aSpecWithOnlyAReshapeHasNoParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec("G", Shape.vector(784), List.of(new LayerSpec.Reshape("r", 1, 28, 28))));
        assertMentions(e.getMessage(), "'G'", "at least one layer with parameters");
    }

    private static NetworkSpec convOn28(int kernel, int stride) {
        return new NetworkSpec("D", Shape.image(1, 28, 28), List.of(
                new LayerSpec.Conv2D("c1", 4, kernel, stride, Padding.SAME, Activation.RELU, 0)));
    }

    @Test
    void aStrideWhoseWindowsSkipTheInputIsRefusedNamingTheLayerAndTheLargestStride() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> convOn28(4, 100));

        assertMentions(e.getMessage(), "'c1'", "kernel 4 and stride 100", "28x28", "use a stride of at most 4");
    }

    @Test
    void theLargestStrideAllowedBuildsAndRunsInDl4j() {
        NetworkSpec spec = convOn28(4, 4);
        assertEquals(List.of(Shape.image(4, 7, 7)), shapes(spec));

        var net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.9), 1,
                org.nd4j.linalg.api.buffer.DataType.FLOAT);
        var y = net.output(org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 784));

        assertEquals(2 * 4 * 7 * 7, y.length());
    }

    @Test
    void strideZeroIsRefusedAndAMissingStrideMeansOne() throws Exception {
        var mapper = LabJson.strictMapper();
        String zero = "{\"type\": \"conv2d\", \"name\": \"c1\", \"filters\": 4, \"kernel\": 3, \"stride\": 0}";

        Exception e = assertThrows(Exception.class, () -> mapper.readValue(zero, LayerSpec.class));
        assertMentions(String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
                "conv2d 'c1' needs stride >= 1, not 0");
        assertThrows(IllegalArgumentException.class,
                () -> new LayerSpec.Deconv2D("d1", 4, 3, 0, Padding.SAME, Activation.RELU, 0));

        LayerSpec missing = mapper.readValue(zero.replace(", \"stride\": 0", ""), LayerSpec.class);
        assertEquals(1, ((LayerSpec.Conv2D) missing).stride());
    }
}
