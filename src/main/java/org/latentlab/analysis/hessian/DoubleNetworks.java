package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * DOUBLE copies of networks for the geometry bench: Hessians by finite differences of gradients need double
 * precision, and the analysis must never touch the networks a training run owns.
 */
public final class DoubleNetworks {

    private DoubleNetworks() {
    }

    /** A copy of {@code net} computing in DOUBLE (a plain clone if it already does), parameters and state copied. */
    public static MultiLayerNetwork copy(MultiLayerNetwork net) {
        try {
            DataType t = net.params().dataType();
            return t == DataType.DOUBLE ? net.clone() : net.convertDataType(DataType.DOUBLE);
        } catch (RuntimeException e) {
            throw new LabException("could not make a double-precision copy of the network: " + e.getMessage(), e);
        }
    }
}
