package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Views of one dense layer's W and b inside a network's flat vector (its parameters, its gradient, a direction) in
 * DL4J's layout: layer by layer, W [nIn, nOut] in 'f' order, then b [nOut]. For code that adds a term to one
 * layer's gradient (a penalty, tied weights) on a flat gradient the engine or DL4J filled.
 */
public final class DenseViews {

    private DenseViews() {
    }

    /** W of dense layer {@code layer} of {@code net} within {@code flat}: [nIn, nOut]. */
    public static INDArray weights(MultiLayerNetwork net, INDArray flat, int layer) {
        long[] shape = net.getLayer(layer).getParam("W").shape();
        long at = offset(net, layer);
        return DenseChain.segment(flat, at, at + shape[0] * shape[1]).reshape('f', shape[0], shape[1]);
    }

    /** b of dense layer {@code layer} of {@code net} within {@code flat}: [nOut]. */
    public static INDArray bias(MultiLayerNetwork net, INDArray flat, int layer) {
        long[] shape = net.getLayer(layer).getParam("W").shape();
        long at = offset(net, layer) + shape[0] * shape[1];
        return DenseChain.segment(flat, at, at + shape[1]);
    }

    private static long offset(MultiLayerNetwork net, int layer) {
        long at = 0;
        for (int i = 0; i < layer; i++) {
            at += net.getLayer(i).numParams();
        }
        return at;
    }
}
