package org.latentlab.train.ae;

import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.engine.DenseViews;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tied weights: decoder layer L−1−l uses the transpose of encoder layer l's weights (biases stay separate). The
 * shared weight's gradient is the sum of both uses, ∂L/∂W = ∂L/∂W_enc + (∂L/∂W_dec)ᵀ; it is applied to the
 * encoder's copy (the decoder's weight gradient is zeroed, so Adam leaves it be) and copied over after each update.
 */
final class TiedWeights {

    private final MultiLayerNetwork encoder;
    private final MultiLayerNetwork decoder;
    private final int layers;

    TiedWeights(MultiLayerNetwork encoder, MultiLayerNetwork decoder) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.layers = encoder.getnLayers();
        requireDense(encoder, "encoder");
        requireDense(decoder, "decoder");
        if (decoder.getnLayers() != layers) {
            throw new LabException("tied weights need a decoder that mirrors the encoder: the encoder has " + layers
                    + " dense layers, the decoder " + decoder.getnLayers());
        }
        for (int l = 0; l < layers; l++) {
            long[] e = encoder.getParam(l + "_W").shape();
            long[] d = decoder.getParam((layers - 1 - l) + "_W").shape();
            if (e[0] != d[1] || e[1] != d[0]) {
                throw new LabException("tied weights: encoder layer " + (l + 1) + " is " + e[0] + "->" + e[1]
                        + " but the mirrored decoder layer " + (layers - l) + " is " + d[0] + "->" + d[1]
                        + "; it must be " + e[1] + "->" + e[0]);
            }
        }
    }

    static void requireDense(MultiLayerNetwork net, String role) {
        for (int i = 0; i < net.getnLayers(); i++) {
            if (!(net.getLayer(i).conf().getLayer() instanceof DenseLayer)) {
                throw new LabException("tied weights and greedy pretraining need a " + role + " made of dense layers"
                        + " only; its layer " + (i + 1) + " is a " + net.getLayer(i).conf().getLayer().getClass()
                        .getSimpleName());
            }
        }
    }

    /** Folds the decoder's weight gradients into the encoder's (flat gradients in DL4J's layout). */
    void foldGradients(INDArray encoderGradient, INDArray decoderGradient) {
        for (int l = 0; l < layers; l++) {
            INDArray ge = DenseViews.weights(encoder, encoderGradient, l);
            INDArray gd = DenseViews.weights(decoder, decoderGradient, layers - 1 - l);
            ge.addi(gd.transpose());
            gd.assign(0);
        }
    }

    void copyToDecoder() {
        for (int l = 0; l < layers; l++) {
            decoder.getParam((layers - 1 - l) + "_W").assign(encoder.getParam(l + "_W").transpose());
        }
    }
}
