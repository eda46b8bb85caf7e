package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.latentlab.core.LabException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;
import java.util.Optional;

/**
 * The mean loss of a network that ends in a DL4J output layer (softmax + cross-entropy, MSE…) on a fixed batch of
 * features and labels, as a function of its parameters: L(θ) = (1/n) Σᵢ ℓ(f(xᵢ; θ), yᵢ). The gradient comes from
 * {@code computeGradientAndScore}, which sums over the batch, divided by n. Weight decay or L1/L2 configured on the
 * network are applied by DL4J's updater, not by its gradient, so they are left out of the loss too.
 */
public final class SupervisedObjective extends NetworkObjective {

    private final MultiLayerNetwork net;
    private final INDArray features;
    private final INDArray labels;
    private final int n;

    public SupervisedObjective(MultiLayerNetwork net, INDArray features, INDArray labels) {
        super(List.of(net));
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
