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
}
