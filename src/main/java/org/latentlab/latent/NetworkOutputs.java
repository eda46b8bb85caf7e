package org.latentlab.latent;

import org.nd4j.adapters.OutputAdapter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A decoder's outputs read into Java floats, inside DL4J's inference workspace or from an engine plan's output. */
final class NetworkOutputs {

    static final OutputAdapter<float[]> FLOATS = outputs -> {
        float[] out = new float[(int) outputs[0].length()];
        copy(outputs[0], out);
        return out;
    };

    /**
     * Copies a network output (any rank, inside the inference workspace, or an engine plan's output, a view of a
     * whole buffer) into {@code out}, row-major.
     */
    static void copy(INDArray a, float[] out) {
        boolean whole = a.offset() == 0 && a.data().length() == a.length();
        INDArray c = a.ordering() == 'c' && (!a.isView() || whole) ? a : a.dup('c');
        if (c.dataType() == DataType.FLOAT) {
            float[] v = c.data().asFloat();
            System.arraycopy(v, 0, out, 0, out.length);
        } else {
            double[] v = c.data().asDouble();
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) v[i];
            }
        }
    }

    private NetworkOutputs() {
    }
}
