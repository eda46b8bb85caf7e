package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.latentlab.engine.DenseChain;
import org.latentlab.engine.DensePlan;
import org.latentlab.engine.ExactCurvature;
import org.latentlab.engine.LossHead;
import org.latentlab.engine.SameDiffBackward;
import org.latentlab.model.Activation;
import org.latentlab.train.Host;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Optional;

/**
 * The mean softmax cross-entropy of a classifier that outputs logits (no DL4J output layer, as the lab's classifiers
 * are trained) on a fixed labelled batch: L(θ) = −(1/n) Σᵢ log softmax(f(xᵢ; θ))_{yᵢ}, the loss the classifier
 * trainer minimises. Loss and gradient go through DL4J (forward pass, log-sum-exp on the host, backpropagation of
 * (softmax − onehot)/n); the Hessian-vector products are exact on the lab's engine (Pearlmutter's R-operator with the
 * softmax cross-entropy head) when the network is a chain the engine runs, central differences otherwise.
 */
public final class LogitsCrossEntropyObjective extends NetworkObjective {

    private final MultiLayerNetwork net;
    private final INDArray features;
    private final int[] labels;
    private final int classes;
    private final int n;

    /**
     * @param net      a DOUBLE network from flat inputs to {@code classes} logits, without dropout
     * @param features the batch, [n, inputs]
     * @param labels   each example's class in [0, classes)
     */
    public LogitsCrossEntropyObjective(MultiLayerNetwork net, INDArray features, int[] labels, int classes) {
        super(List.of(net));
        requireDeterministic(net);
        SameDiffBackward.refuseLayerObjects(net, "the Hessian analysis takes this network's loss gradient from DL4J's"
                + " layer objects",
                "analyse a model without it");
        if (features.size(0) != labels.length) {
            throw new IllegalArgumentException(features.size(0) + " examples but " + labels.length + " labels");
        }
        for (int y : labels) {
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("label " + y + " outside the " + classes + " classes");
            }
        }
        this.net = net;
        this.features = doubles(features);
        this.labels = labels.clone();
        this.classes = classes;
        this.n = labels.length;
    }

    @Override
    public double loss(double[] theta) {
        load(theta);
        INDArray logits = planeActivations(net, features, net.getnLayers() - 1)
                .orElseGet(() -> net.output(features, false));
        return crossEntropy(Host.doubles(logits), null);
    }

    @Override
    public double[] gradient(double[] theta) {
        load(theta);
        net.setInput(features);
        List<INDArray> acts = net.feedForward(true, false);
        INDArray logits = acts.get(acts.size() - 1);
        double[] g = new double[n * classes];
        crossEntropy(Host.doubles(logits), g);
        INDArray eps = Nd4j.create(g, new long[] {n, classes}, DataType.DOUBLE);
        return collect(1, net.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces()).getFirst().gradient());
    }

    /** The mean cross-entropy of row-major logits; dL/dlogits into {@code gradient} when it is not null. */
    private double crossEntropy(double[] logits, double[] gradient) {
        if (logits.length != n * classes) {
            throw new IllegalArgumentException("the network gives " + logits.length / n + " outputs per example, not"
                    + " the " + classes + " logits of the classes");
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int o = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, logits[o + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(logits[o + k] - max);
            }
            double logZ = max + Math.log(sum);
            loss += logZ - logits[o + labels[i]];
            if (gradient != null) {
                for (int k = 0; k < classes; k++) {
                    gradient[o + k] = (Math.exp(logits[o + k] - logZ) - (k == labels[i] ? 1 : 0)) / n;
                }
            }
        }
        return loss / n;
    }

    /** The labels as one-hot rows, [n, classes]. */
    private INDArray oneHot() {
        double[] y = new double[n * classes];
        for (int i = 0; i < n; i++) {
            y[i * classes + labels[i]] = 1;
        }
        return Nd4j.create(y, new long[] {n, classes}, DataType.DOUBLE);
    }

    @Override
    protected Optional<ExactCurvature> compileCurvature() {
        LossHead head = LossHead.softmaxCrossEntropy(1.0 / n);
        Optional<DenseChain> dense = DenseChain.of(net);
        if (dense.isPresent() && dense.get().layers().get(dense.get().layers().size() - 1).activation()
                == Activation.IDENTITY) {
            return Optional.of(new ExactCurvature(new DensePlan(dense.get(), n, DataType.DOUBLE), head, features,
                    oneHot()));
        }
        return ExactCurvature.ofChains(List.of(net), head, features, oneHot(), layout().runs());
    }

    @Override
    protected Optional<FixedInput> fixedInput() {
        return Optional.of(new FixedInput(net, features));
    }

    /** The number of examples in the batch. */
    public int examples() {
        return n;
    }

    @Override
    public String describe() {
        return "softmax cross-entropy of a " + net.getnLayers() + "-layer classifier (" + dimension()
                + " parameters) on " + n + " examples";
    }
}
