package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.latentlab.core.LabException;
import org.latentlab.engine.DenseChain;
import org.latentlab.engine.DensePlan;
import org.latentlab.engine.ExactCurvature;
import org.latentlab.engine.LossHead;
import org.latentlab.engine.SameDiffBackward;
import org.latentlab.model.Activation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;
import java.util.Optional;

/**
 * The mean loss of a network that ends in a DL4J output layer (softmax + cross-entropy, MSE…) on a fixed batch of
 * features and labels, as a function of its parameters: L(θ) = (1/n) Σᵢ ℓ(f(xᵢ; θ), yᵢ). The gradient comes from
 * {@code computeGradientAndScore}, which sums over the batch, divided by n. Weight decay or L1/L2 configured on the
 * network are applied by DL4J's updater, not by its gradient, so they are left out of the loss too.
 *
 * <p>Hessian-vector products: exact, from the engine, when the network is a chain of dense layers ending in a
 * softmax cross-entropy or squared-error (MSE, L2) output layer without loss weights; central
 * differences of the gradient otherwise (DL4J's binary cross-entropy clips its probabilities, which the exact
 * product would not see).
 */
public final class SupervisedObjective extends NetworkObjective {

    private final MultiLayerNetwork net;
    private final INDArray features;
    private final INDArray labels;
    private final int n;

    public SupervisedObjective(MultiLayerNetwork net, INDArray features, INDArray labels) {
        super(List.of(net));
        SameDiffBackward.refuseLayerObjects(net, "the Hessian analysis takes this network's loss gradient from DL4J's"
                + " layer objects", "analyse a model without it");
        if (!(net.getOutputLayer() instanceof IOutputLayer)) {
            throw new LabException("the network has no output layer, so it has no loss of its own: for an"
                    + " autoencoder use AutoencoderObjective, for a GAN GanObjective");
        }
        requireDeterministic(net);
        if (features.size(0) != labels.size(0)) {
            throw new IllegalArgumentException(features.size(0) + " examples but " + labels.size(0) + " labels");
        }
        this.net = net;
        this.features = doubles(features);
        this.labels = doubles(labels);
        this.n = (int) features.size(0);
    }

    @Override
    public double loss(double[] theta) {
        load(theta);
        Optional<INDArray> last = planeActivations(net, features, net.getnLayers() - 2);
        if (last.isPresent()) {
            // on a loss-surface plane: the output layer's loss on the activations below it
            IOutputLayer out = (IOutputLayer) net.getOutputLayer();
            out.setInput(last.get(), LayerWorkspaceMgr.noWorkspaces());
            out.setLabels(labels);
            return out.computeScore(0, true, LayerWorkspaceMgr.noWorkspaces());
        }
        return net.score(new DataSet(features, labels), true) - net.calcRegularizationScore(true);
    }

    @Override
    protected Optional<ExactCurvature> compileCurvature() {
        org.deeplearning4j.nn.conf.layers.Layer conf = net.getOutputLayer().conf().getLayer();
        if (!(conf instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer out)) {
            return Optional.empty();
        }
        ILossFunction loss = out.getLossFn();
        LossHead head;
        Activation last;
        if (loss instanceof LossMCXENT x && x.getWeights() == null
                && out.getActivationFn() instanceof ActivationSoftmax) {
            head = LossHead.softmaxCrossEntropy(1.0 / n);
            last = Activation.IDENTITY;
        } else if (loss instanceof LossL2 l2 && l2.getWeights() == null
                && DenseChain.activation(out.getActivationFn()).isPresent()) {
            // MSE is the L2 sum divided by the number of outputs; both are means over the batch
            head = LossHead.squaredError(1.0 / n / (loss instanceof LossMSE ? out.getNOut() : 1));
            last = DenseChain.activation(out.getActivationFn()).get();
        } else {
            return Optional.empty();
        }
        return DenseChain.of(net, last).map(chain -> new ExactCurvature(new DensePlan(chain, n, DataType.DOUBLE),
                head, features, labels));
    }

    @Override
    protected Optional<FixedInput> fixedInput() {
        return net.getnLayers() >= 2 ? Optional.of(new FixedInput(net, features)) : Optional.empty();
    }

    @Override
    public double[] gradient(double[] theta) {
        load(theta);
        net.setInput(features);
        net.setLabels(labels);
        net.computeGradientAndScore();
        return collect(1.0 / n, net.gradient().gradient());
    }

    /** The number of examples in the batch. */
    public int examples() {
        return n;
    }

    @Override
    public String describe() {
        return "supervised loss of a " + net.getnLayers() + "-layer network (" + dimension() + " parameters) on "
                + n + " examples";
    }
}
