package org.latentlab.train.ae;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.latentlab.train.Host;
import org.latentlab.train.NonFiniteLossException;
import org.latentlab.train.ae.AutoencoderSettings.Pretraining;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.latentlab.train.rbm.Rbm;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy layer-wise pretraining of a deep dense autoencoder (Hinton &amp; Salakhutdinov 2006; Bengio et al. 2007):
 * for l = 1..L, a shallow model is trained on the codes of the layers below (already trained, held fixed), then
 * copied into encoder layer l and the mirrored decoder layer L−l. The shallow model is either a one-hidden-layer
 * autoencoder made of those two layers (input corrupted as the settings say, so a stacked denoising AE is
 * pretrained as one), or an RBM trained by CD-1 whose weights W initialise the encoder layer and whose transpose
 * initialises the decoder layer (the DBN unrolled). Fine-tuning end to end follows.
 */
final class GreedyPretraining {

    private static final double RBM_LEARNING_RATE = 0.05;

    private final AutoencoderTrainer owner;
    private final AutoencoderSettings settings;
    private final long seed;
    private final int layers;
    private final long perLayer;
    private final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();

    private int current = -1;
    private MultiLayerNetwork shallow;
    private Rbm rbm;
    private long updates;

    GreedyPretraining(AutoencoderTrainer owner, AutoencoderSettings settings, long seed) {
        this.owner = owner;
        this.settings = settings;
        this.seed = seed;
        TiedWeights.requireDense(owner.encoder(), "encoder");
        TiedWeights.requireDense(owner.decoder(), "decoder");
        new TiedWeights(owner.encoder(), owner.decoder()); // checks that the decoder mirrors the encoder
        this.layers = owner.encoder().getnLayers();
        this.perLayer = settings.pretrainIterations();
    }

    boolean active(long iteration) {
        return iteration < layers * perLayer;
    }

    String describe(long iteration) {
        return settings.pretraining().id() + " pretraining, layer " + (iteration / perLayer + 1) + "/" + layers;
    }

    /** One pretraining update at the given (global) iteration; returns the shallow model's loss parts. */
    Map<String, Double> step(long iteration) {
        int layer = (int) (iteration / perLayer);
        if (layer != current) {
            finishLayer();
            startLayer(layer);
        }
        INDArray clean = owner.sample(settings.batchSize());
        if (layer > 0) {
            clean = owner.encoder().feedForwardToLayer(layer - 1, clean, false).get(layer);
        }
        Map<String, Double> losses = new LinkedHashMap<>();
        if (settings.pretraining() == Pretraining.RBM) {
            Rbm.Stats s = rbm.cdStep(clean, 1, RBM_LEARNING_RATE, false);
            losses.put("RBM reconstruction (layer " + (layer + 1) + ")", s.reconstructionError());
            losses.put("free energy (layer " + (layer + 1) + ")", s.meanFreeEnergy());
        } else {
            losses.put("reconstruction (layer " + (layer + 1) + ")", shallowStep(owner.corrupt(clean), clean, layer));
        }
        for (Map.Entry<String, Double> e : losses.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new NonFiniteLossException(e.getKey(), e.getValue(), iteration);
            }
        }
        if (iteration + 1 == layers * perLayer) {
            finishLayer();
        }
        return losses;
    }

    private double shallowStep(INDArray input, INDArray target, int layer) {
        int n = (int) input.rows();
        shallow.setInput(input);
        List<INDArray> acts = shallow.feedForward(true, false);
        double[] o = Host.doubles(acts.get(2));
        double[] x = Host.doubles(target);
        double[] g = new double[o.length];
        double loss = 0;
        boolean bernoulli = layer == 0 && settings.reconstruction() == Reconstruction.CROSS_ENTROPY;
        for (int i = 0; i < o.length; i++) {
            if (bernoulli) {
                double l = o[i];
                loss += Math.max(l, 0) - l * x[i] + Math.log1p(Math.exp(-Math.abs(l)));
                g[i] = (AutoencoderTrainer.sigmoid(l) - x[i]) / n;
            } else {
                double d = o[i] - x[i];
                loss += d * d;
                g[i] = 2 * d / n;
            }
        }
        Gradient gradient = shallow.backpropGradient(Nd4j.create(g, acts.get(2).shape(), owner.dataType()),
                noWorkspaces).getFirst();
        shallow.getUpdater().update(shallow, gradient, (int) updates++, 0, 1, noWorkspaces);
        shallow.params().subi(gradient.gradient());
        return loss / n;
    }

    private void startLayer(int layer) {
        current = layer;
        updates = 0;
        MultiLayerNetwork enc = owner.encoder();
        MultiLayerNetwork dec = owner.decoder();
        int mirror = layers - 1 - layer;
        if (settings.pretraining() == Pretraining.RBM) {
            long[] w = enc.getParam(layer + "_W").shape();
            rbm = new Rbm((int) w[0], (int) w[1], seed + 31L * layer, owner.dataType());
            return;
        }
        Layer encLayer = enc.getLayer(layer).conf().getLayer().clone();
        Layer decLayer = dec.getLayer(mirror).conf().getLayer().clone();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed + 31L * layer)
                .dataType(owner.dataType())
                .updater(org.latentlab.model.NetworkCompiler.updater(settings.optimizer()))
                .list()
                .layer(encLayer)
                .layer(decLayer)
                .build();
        shallow = new MultiLayerNetwork(conf);
        shallow.init();
        shallow.getParam("0_W").assign(enc.getParam(layer + "_W"));
        shallow.getParam("0_b").assign(enc.getParam(layer + "_b"));
        shallow.getParam("1_W").assign(dec.getParam(mirror + "_W"));
        shallow.getParam("1_b").assign(dec.getParam(mirror + "_b"));
    }

    /** Copies the trained shallow model into the deep networks. */
    private void finishLayer() {
        if (current < 0) {
            return;
        }
        MultiLayerNetwork enc = owner.encoder();
        MultiLayerNetwork dec = owner.decoder();
        int mirror = layers - 1 - current;
        if (settings.pretraining() == Pretraining.RBM && rbm != null) {
            enc.getParam(current + "_W").assign(rbm.weights());
            enc.getParam(current + "_b").assign(rbm.hiddenBias().reshape(enc.getParam(current + "_b").shape()));
            dec.getParam(mirror + "_W").assign(rbm.weights().transpose());
            dec.getParam(mirror + "_b").assign(rbm.visibleBias().reshape(dec.getParam(mirror + "_b").shape()));
            rbm = null;
        } else if (shallow != null) {
            enc.getParam(current + "_W").assign(shallow.getParam("0_W"));
            enc.getParam(current + "_b").assign(shallow.getParam("0_b"));
            dec.getParam(mirror + "_W").assign(shallow.getParam("1_W"));
            dec.getParam(mirror + "_b").assign(shallow.getParam("1_b"));
            shallow = null;
        }
        current = -1;
    }
}
