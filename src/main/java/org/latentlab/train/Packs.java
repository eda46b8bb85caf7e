package org.latentlab.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** PacGAN's packs (Lin et al. 2018): m consecutive examples concatenated into one input of D. */
final class Packs {

    private Packs() {
    }

    /** Rows of m consecutive examples concatenated, [rows / m, m·d]; m = 1: {@code a} itself. */
    static INDArray pack(INDArray a, int m) {
        return m == 1 ? a : a.reshape('c', a.rows() / m, a.columns() * m);
    }

    /** The gradient of packs [rows / m, m·d] as the gradient of their examples [rows, d]; m = 1: {@code a} itself. */
    static INDArray unpack(INDArray a, int m) {
        return m == 1 ? a : a.reshape('c', a.rows() * m, a.columns() / m);
    }

    /** Each example as a pack of m copies of itself, [n, m·d] (m = 1: {@code x} itself). */
    static INDArray copies(INDArray x, int m) {
        return m == 1 ? x : Nd4j.tile(x, 1, m);
    }
}
