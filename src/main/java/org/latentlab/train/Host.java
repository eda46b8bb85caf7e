package org.latentlab.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Copies arrays of any rank out of ND4J into fresh Java arrays (row-major), for views, metrics and files. */
public final class Host {

    private Host() {
    }

    public static float[] floats(INDArray a) {
        return a.reshape('c', new long[] {a.length()}).toFloatVector();
    }

    public static double[] doubles(INDArray a) {
        return a.reshape('c', new long[] {a.length()}).toDoubleVector();
    }
}
