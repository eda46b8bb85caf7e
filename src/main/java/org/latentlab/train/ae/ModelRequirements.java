package org.latentlab.train.ae;

import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.train.ae.AutoencoderSettings.Penalty;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What an encoder and a decoder must be for an {@link AutoencoderTrainer} of a given kind and settings, checked
 * once before training: the code size the encoder gives (half its outputs for a VAE, which outputs [μ, log σ²]),
 * a decoder that takes that code and gives back one value per data value, and the sigmoid code layer that the
 * contractive penalty, the KL sparsity penalty and code noise assume. Each failure is a {@link LabException}
 * saying what to change.
 */
final class ModelRequirements {

    private ModelRequirements() {
    }

    /**
     * The code size of {@code encoder}, after checking that the two networks fit {@code data}, {@code kind} and
     * {@code settings}; probes both networks with a batch of two zero examples.
     */
    static int codeDim(MultiLayerNetwork encoder, MultiLayerNetwork decoder, DataSource data,
                       AutoencoderSettings settings, AutoencoderTrainer.Kind kind, DataType dataType) {
        int dataDim = data.dimension();
        long encOut = flat(encoder.output(Nd4j.zeros(dataType, 2, dataDim), false)).columns();
        if (kind == AutoencoderTrainer.Kind.VAE && encOut % 2 != 0) {
            throw new LabException("a VAE's encoder outputs the mean and the log-variance of the code side by side,"
                    + " so its output size must be even (2 x code size), not " + encOut);
        }
        int codeDim = (int) (kind == AutoencoderTrainer.Kind.VAE ? encOut / 2 : encOut);
        checkDecoder(decoder, data, codeDim, dataType);
        boolean autoencoder = kind == AutoencoderTrainer.Kind.AUTOENCODER;
        if (autoencoder && settings.penalty() == Penalty.CONTRACTIVE && !singleSigmoidDense(encoder)) {
            throw new LabException("the contractive penalty is computed in closed form for an encoder of one dense"
                    + " layer with sigmoid activation; change the encoder or the penalty");
        }
        if (autoencoder && settings.penalty() == Penalty.SPARSE_KL && !endsWithSigmoid(encoder)) {
            throw new LabException("the KL sparsity penalty compares each code unit's mean activation with rho, a"
                    + " probability: the encoder's last layer needs sigmoid activation (or use the sparse-l1"
                    + " penalty)");
        }
        if (settings.codeNoise() > 0 && (!autoencoder || !endsWithSigmoid(encoder))) {
            throw new LabException("code noise is added to the input of a logistic code: it needs an autoencoder"
                    + " whose encoder's last layer has sigmoid activation (or set codeNoise to 0)");
        }
        return codeDim;
    }

    private static void checkDecoder(MultiLayerNetwork decoder, DataSource data, int codeDim, DataType dataType) {
        int dataDim = data.dimension();
        long out;
        try {
            out = flat(decoder.output(Nd4j.zeros(dataType, 2, codeDim), false)).columns();
        } catch (RuntimeException e) {
            throw new LabException("the decoder does not take a code of size " + codeDim + ": " + e.getMessage(), e);
        }
        if (out != dataDim) {
            throw new LabException("the decoder outputs " + out + " values per example but the data set '"
                    + data.name() + "' has " + dataDim + ": change the decoder's last layer");
        }
    }

    private static boolean singleSigmoidDense(MultiLayerNetwork net) {
        if (net.getnLayers() != 1 || !(net.getLayer(0).conf().getLayer() instanceof DenseLayer d)) {
            return false;
        }
        return d.getActivationFn() instanceof ActivationSigmoid;
    }

    private static boolean endsWithSigmoid(MultiLayerNetwork net) {
        Layer last = net.getLayer(net.getnLayers() - 1).conf().getLayer();
        IActivation fn = null;
        if (last instanceof BaseLayer b) {
            fn = b.getActivationFn();
        } else if (last instanceof ActivationLayer a) {
            fn = a.getActivationFn();
        }
        return fn instanceof ActivationSigmoid;
    }

    /** A network's output as a matrix, one row per example (a convolutional decoder's images flattened). */
    private static INDArray flat(INDArray out) {
        return out.rank() == 2 ? out : out.reshape(out.size(0), out.length() / out.size(0));
    }
}
