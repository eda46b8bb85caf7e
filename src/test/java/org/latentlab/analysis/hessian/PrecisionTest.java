package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.analysis.Nets;
import org.latentlab.core.LabException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precision rules: a float32 network is refused with a message that says what to do, its DOUBLE copy is accepted,
 * and a DOUBLE network's objective is exact even while ND4J's default type is FLOAT (the lab's default), because
 * every array the objective makes is DOUBLE explicitly.
 */
class PrecisionTest {

    @Test
    void floatNetworksAreRefusedAndTheirDoubleCopiesAccepted() {
        MultiLayerNetwork single = Nets.softmaxMlp(4, 6, 3, 5).convertDataType(DataType.FLOAT);
        LabException e = assertThrows(LabException.class, () -> new SupervisedObjective(single,
                Nets.uniform(1, 5, 4, 1), Nets.oneHot(1, 5, 3)));
        assertTrue(e.getMessage().contains("DOUBLE precision"), e.getMessage());
        MultiLayerNetwork copy = DoubleNetworks.copy(single);
        assertEquals(DataType.DOUBLE, copy.params().dataType());
        assertEquals(DataType.FLOAT, single.params().dataType(), "the original is left alone");
        assertArrayEquals(single.params().toDoubleVector(), copy.params().toDoubleVector(), 0);
        new SupervisedObjective(copy, Nets.uniform(1, 5, 4, 1), Nets.oneHot(1, 5, 3));
    }

    @Test
    void doubleNetworkIsExactUnderAFloatDefault() {
        DataType before = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        try {
            MultiLayerNetwork net = Nets.softmaxMlp(4, 6, 3, 5);
            SupervisedObjective o = new SupervisedObjective(net, Nets.uniform(1, 10, 4, 1).castTo(DataType.FLOAT),
                    Nets.oneHot(1, 10, 3));
            double[] theta = o.initialPoint();
            double err = Nets.maxRelativeError(o.gradient(theta), Nets.finiteDifferenceGradient(o, theta, 1e-6), 1e-3);
            assertTrue(err < 1e-7, "gradient error under a FLOAT default: " + err);
        } finally {
            Nd4j.setDefaultDataTypes(before, before);
        }
    }
}
