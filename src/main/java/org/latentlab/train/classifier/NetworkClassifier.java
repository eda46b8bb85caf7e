package org.latentlab.train.classifier;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.ImageScale;
import org.latentlab.engine.InferenceOutput;
import org.latentlab.model.CostEstimate;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Classifier} from a trained network whose last layer is a dense layer giving one logit per class:
 * probabilities are softmax(logits); features are the activations that last layer receives, from a second network
 * made of the other layers with a copy of their parameters (DL4J lays parameters out layer by layer, so they are
 * the head of the full vector). Both run in inference mode on the engine when it runs their layers. Calls are
 * serialised, in batches of at most {@link #BATCH} images; the parameters are copied at construction, so the
 * classifier does not change when the network it came from trains on.
 */
public final class NetworkClassifier implements Classifier {

    private final NetworkSpec spec;
    private final MultiLayerNetwork logitsNet;
    private final MultiLayerNetwork featuresNet;
    private final InferenceOutput logits;
    private final InferenceOutput features;
    private final ImageScale scale;
    private final int classCount;
    private final int featureSize;
    private final int[] inputShape;

    /**
     * @param spec    the network's spec: image input, at least two layers, the last dense
     * @param trained the trained network of that spec (its parameters are copied)
     * @param scale   the pixel range it was trained on
     */
    public NetworkClassifier(NetworkSpec spec, MultiLayerNetwork trained, ImageScale scale) {
        List<LayerSpec> layers = spec.layers();
        if (!spec.input().isImage() || layers.size() < 2
                || !(layers.get(layers.size() - 1) instanceof LayerSpec.Dense last)) {
            throw new IllegalArgumentException("classifier '" + spec.name() + "' needs an image input and a last"
                    + " dense layer giving one logit per class, after at least one other layer");
        }
        long expected = CostEstimate.of(spec, 1).parameters();
        if (trained.numParams() != expected) {
            throw new IllegalArgumentException("the network has " + trained.numParams() + " parameters but '"
                    + spec.name() + "' has " + expected);
        }
        this.spec = spec;
        this.scale = scale;
        this.classCount = last.units();
        if (classCount < 2) {
            throw new IllegalArgumentException("classifier '" + spec.name() + "' needs at least 2 classes");
        }
        Shape in = spec.input();
        this.inputShape = new int[] {in.channels(), in.height(), in.width()};
        this.logitsNet = trained.clone();
        NetworkSpec prefix = new NetworkSpec(spec.name() + "-features", in,
                new ArrayList<>(layers.subList(0, layers.size() - 1)));
        this.featureSize = prefix.output().size();
        this.featuresNet = NetworkCompiler.compile(prefix, OptimizerSpec.adam(1e-3, 0.9), 0,
                trained.params().dataType());
        long head = featuresNet.numParams();
        INDArray all = logitsNet.params().reshape(1, logitsNet.numParams());
        if (head > 0) {
            featuresNet.setParams(all.get(NDArrayIndex.all(), NDArrayIndex.interval(0, head)).dup());
        }
        this.logits = new InferenceOutput(logitsNet);
        this.features = new InferenceOutput(featuresNet);
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** The network that gives the logits (the classifier's own copy). */
    public MultiLayerNetwork network() {
        return logitsNet;
    }

    @Override
    public int classCount() {
        return classCount;
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public ImageScale scale() {
        return scale;
    }

    @Override
    public int featureSize() {
        return featureSize;
    }

    @Override
    public synchronized INDArray probabilities(INDArray images) {
        INDArray l = batched(logits, images, classCount);
        Nd4j.exec(new SoftMax(l, l, 1));
        return l;
    }

    /** The logits ℓ, [n, K]: p = softmax(ℓ). */
    public synchronized INDArray logits(INDArray images) {
        return batched(logits, images, classCount);
    }

    @Override
    public synchronized INDArray features(INDArray images) {
        return batched(features, images, featureSize);
    }

    private INDArray batched(InferenceOutput net, INDArray images, int width) {
        long n = images.size(0);
        int d = inputSize();
        if (images.length() != n * d) {
            throw new LabException("the classifier takes images of " + inputShape[0] + "x" + inputShape[1] + "x"
                    + inputShape[2] + " (" + d + " values), not " + images.length() / Math.max(1, n));
        }
        INDArray flat = images.reshape('c', n, d).castTo(logitsNet.params().dataType());
        if (n <= BATCH) {
            return net.of(flat);
        }
        INDArray out = Nd4j.create(flat.dataType(), n, width);
        for (long from = 0; from < n; from += BATCH) {
            long to = Math.min(n, from + BATCH);
            out.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())
                    .assign(net.of(flat.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())));
        }
        return out;
    }

    @Override
    public String toString() {
        return "classifier " + spec + " (" + classCount + " classes, " + featureSize + " features)";
    }
}
