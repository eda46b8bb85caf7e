package org.latentlab.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkCompilerTest {

    private static final OptimizerSpec ADAM = OptimizerSpec.adam(2e-4, 0.5);

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("mlpGan2d G", Templates.mlpGan2d(2, 128).generator()),
                Arguments.of("mlpGan2d D", Templates.mlpGan2d(2, 128).discriminator()),
                Arguments.of("mlpGan28 G", Templates.mlpGan28(100).generator()),
                Arguments.of("mlpGan28 D", Templates.mlpGan28(100).discriminator()),
                Arguments.of("dcgan28 G", Templates.dcgan28(100).generator()),
                Arguments.of("dcgan28 D", Templates.dcgan28(100).discriminator()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void compilesAndMapsAFlatBatchToOneOutputPerExample(String label, NetworkSpec spec) {
        MultiLayerNetwork net = NetworkCompiler.compile(spec, ADAM, 42, DataType.FLOAT);
        int in = spec.input().size();
        int out = spec.output().size();
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, in).subi(0.5).muli(2);

        INDArray y = net.output(x, false);

        assertEquals(5, y.size(0), label + ": batch size");
        // Image outputs (DCGAN's deconvolution) may come back as [5, 1, 28, 28]; what matters is 784 per example.
        assertEquals(out, y.length() / y.size(0), label + ": values per example, shape "
                + Arrays.toString(y.shape()));
        if (y.rank() == 2) {
            assertArrayEquals(new long[] {5, out}, y.shape(), label);
        } else {
            assertArrayEquals(new long[] {5, spec.output().channels(), spec.output().height(),
                    spec.output().width()}, y.shape(), label);
        }
        for (double v : y.castTo(DataType.DOUBLE).reshape(y.length()).toDoubleVector()) {
            assertTrue(Double.isFinite(v), label + ": outputs must be finite, got " + v);
        }
        // Different examples give different outputs (the network is not constant, the batch is not mixed up).
        assertTrue(y.reshape(5, out).getRow(0).distance2(y.reshape(5, out).getRow(1)) > 0, label);
    }

    @Test
    void mlpGan2dGeneratorHasTheParametersOfTwoHiddenLayersAndAnOutputLayer() {
        MultiLayerNetwork g = NetworkCompiler.compile(Templates.mlpGan2d(2, 128).generator(), ADAM, 42,
                DataType.FLOAT);
        long expected = (2 * 128 + 128) + (128 * 128 + 128) + (128 * 2 + 2);
        assertEquals(expected, g.numParams());
        assertEquals(17_154, g.numParams());
    }

    @Test
    void theSameSeedGivesTheSameInitialParametersAndAnotherSeedDoesNot() {
        NetworkSpec spec = Templates.mlpGan2d(2, 16).discriminator();
        INDArray a = NetworkCompiler.compile(spec, ADAM, 7, DataType.FLOAT).params();
        INDArray b = NetworkCompiler.compile(spec, ADAM, 7, DataType.FLOAT).params();
        INDArray c = NetworkCompiler.compile(spec, ADAM, 8, DataType.FLOAT).params();
        assertEquals(a, b);
        assertNotEquals(a, c, "seed 8 should initialise differently from seed 7");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void specRoundTripsThroughJson(String label, NetworkSpec spec) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(spec);

        NetworkSpec back = mapper.readValue(json, NetworkSpec.class);

        assertNotSame(spec, back);
        assertEquals(spec, back, label + " via " + json);
        assertEquals(spec.toString(), back.toString());
        // The type ids are written, so a person editing the file sees what each layer is.
        assertTrue(json.contains("\"type\":\"dense\""), json);
    }

    /** 784 inputs, two hidden layers of {@code units}, 10 outputs. */
    private static NetworkSpec wide(int units) {
        return new NetworkSpec("wide", Shape.vector(784), java.util.List.of(
                new LayerSpec.Dense("h1", units, Activation.RELU, 0.2),
                new LayerSpec.Dense("h2", units, Activation.RELU, 0.2),
                new LayerSpec.Dense("out", 10, Activation.IDENTITY, 0.2)));
    }

    @Test
    void aNetworkOf100000UnitLayersIsRefusedBeforeAnythingIsAllocated() {
        long before = org.bytedeco.javacpp.Pointer.totalBytes();
        long start = System.nanoTime();

        org.latentlab.core.LabException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.latentlab.core.LabException.class, () -> NetworkCompiler.compile(wide(100_000), ADAM, 1,
                        DataType.FLOAT));

        // 784x100,000 + 100,000x100,000 + 100,000x10 weights, 200,010 biases; Adam keeps 4 floats per parameter.
        assertTrue(e.getMessage().startsWith("network 'wide' has 10,079,600,010 parameters: training it needs"
                + " 161,273,600,160 bytes (161.3 GB) (parameters, gradients and adam state in float) but "),
                e.getMessage());
        assertTrue(e.getMessage().contains("is available: use fewer units"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused at once, not after building");
        assertTrue(org.bytedeco.javacpp.Pointer.totalBytes() - before < 100_000_000L, "nothing large allocated");
    }

    @Test
    void aNetworkOf30000UnitLayersIsRefusedWhenTheMemoryAvailableIsSmaller() {
        long eightGb = 8_000_000_000L;

        org.latentlab.core.LabException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.latentlab.core.LabException.class, () -> NetworkCompiler.requireMemory(wide(30_000), ADAM,
                        DataType.FLOAT, eightGb));

        // 784x30,000 + 30,000x30,000 + 30,000x10 weights and 60,010 biases: 923,880,010; Adam: 4 floats each.
        assertEquals("network 'wide' has 923,880,010 parameters: training it needs 14,782,080,160 bytes (14.8 GB)"
                + " (parameters, gradients and adam state in float) but 8,000,000,000 bytes (8.0 GB) is available:"
                + " use fewer units or filters, or give the lab more memory (-Xmx / -Dorg.bytedeco.javacpp.maxbytes)",
                e.getMessage());
        // With plain SGD (no optimiser state) the same network needs half: 7.4 GB fits in 8 GB.
        NetworkCompiler.requireMemory(wide(30_000), new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.1, 0, 0),
                DataType.FLOAT, eightGb);
    }

    @Test
    void anExperimentsNetworksAreCountedTogether() {
        NetworkSpec g = wide(1000);
        long each = (long) NetworkCompiler.trainingBytes(g, ADAM, DataType.FLOAT);
        assertEquals(NetworkCompiler.compile(g, ADAM, 1, DataType.FLOAT).numParams() * 4 * 4, each);
        NetworkCompiler.Training t = new NetworkCompiler.Training(g, ADAM);

        NetworkCompiler.requireMemory("pair", DataType.FLOAT, 2 * each, t, t);
        org.latentlab.core.LabException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.latentlab.core.LabException.class, () -> NetworkCompiler.requireMemory("pair", DataType.FLOAT,
                        2 * each - 1, t, t));
        assertTrue(e.getMessage().startsWith("experiment 'pair' needs " + String.format(java.util.Locale.ROOT,
                "%,d", 2 * each) + " bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("(wide 1,796,010 parameters, wide 1,796,010 parameters;"), e.getMessage());
    }
}
