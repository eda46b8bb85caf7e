package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.Objective;
import org.latentlab.core.LabException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;

/**
 * The loss of one or more DL4J networks on a fixed batch as a function of their flat trainable parameters θ (see
 * {@link ParameterLayout}): the bridge between the lab's networks and the geometry code, which sees only an
 * {@link Objective}. Evaluating at θ copies θ into the networks ({@code setParams} copies in); {@link #close()}
 * puts back the parameters they had when the objective was made. Batch-norm layers use the statistics of the batch
 * (training mode) in both the loss and the gradient, so the two agree.
 *
 * <p>Needs DOUBLE networks (finite differences of float32 gradients keep ~4 digits; {@link DoubleNetworks#copy}
 * makes a DOUBLE copy) and a deterministic loss (no dropout). The networks belong to this objective while it is in
 * use: work on copies, never on the networks a training run owns.
 */
public abstract class NetworkObjective implements Objective, AutoCloseable {

    private final List<MultiLayerNetwork> networks;
    private final ParameterLayout layout;
    private final double[][] original;
    private double[] loaded;

    /** @param networks the networks whose parameters make up θ, in order */
    protected NetworkObjective(List<MultiLayerNetwork> networks) {
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("at least one network");
        }
        for (MultiLayerNetwork net : networks) {
            requireDouble(net);
        }
        this.networks = List.copyOf(networks);
        this.layout = ParameterLayout.of(this.networks);
        this.original = new double[networks.size()][];
        for (int i = 0; i < networks.size(); i++) {
            original[i] = networks.get(i).params().dup().toDoubleVector();
        }
    }

    /** Throws a {@link LabException} unless the network computes in DOUBLE. */
    public static void requireDouble(MultiLayerNetwork net) {
        DataType t = net.params().dataType();
        if (t != DataType.DOUBLE) {
            throw new LabException("Hessian and loss-surface analysis need DOUBLE precision but the network computes"
                    + " in " + t + ": analyse a copy made with DoubleNetworks.copy(network)");
        }
    }

    /** Throws a {@link LabException} if a network uses dropout, which makes the loss random. */
    public static void requireDeterministic(MultiLayerNetwork... nets) {
        for (MultiLayerNetwork net : nets) {
            for (int i = 0; i < net.getnLayers(); i++) {
                org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
                if (conf instanceof DropoutLayer || conf.getIDropout() != null) {
                    throw new LabException("layer '" + conf.getLayerName() + "' uses dropout, so the loss is random"
                            + " and has no Hessian: analyse a copy of the model without dropout");
                }
            }
        }
    }

    /** A DOUBLE array of the given values and shape. */
    protected static INDArray doubles(INDArray a) {
        return a.dataType() == DataType.DOUBLE ? a : a.castTo(DataType.DOUBLE);
    }

    @Override
    public final int dimension() {
        return layout.dimension();
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The networks whose parameters make up θ. */
    public List<MultiLayerNetwork> networks() {
        return networks;
    }

    /** θ as the networks had it when this objective was made: the natural point to analyse. */
    public double[] initialPoint() {
        return layout.toObjective(original);
    }

    /** Writes θ into the networks (skipped when they already hold it). */
    protected final void load(double[] theta) {
        if (loaded != null && Arrays.equals(loaded, theta)) {
            return;
        }
        double[][] flat = layout.toNetworks(theta, original);
        for (int i = 0; i < networks.size(); i++) {
            networks.get(i).setParams(Nd4j.createFromArray(flat[i]).reshape(1, flat[i].length));
        }
        loaded = theta.clone();
    }

    /** θ's gradient from each network's flat gradient (in network order), scaled by {@code scale}. */
    protected final double[] collect(double scale, INDArray... networkGradients) {
        double[][] g = new double[networkGradients.length][];
        for (int i = 0; i < g.length; i++) {
            g[i] = networkGradients[i].dup().castTo(DataType.DOUBLE).toDoubleVector();
            if (scale != 1) {
                for (int j = 0; j < g[i].length; j++) {
                    g[i][j] *= scale;
                }
            }
        }
        return layout.toObjective(g);
    }

    /** Puts back the parameters the networks had when this objective was made. */
    public void restore() {
        for (int i = 0; i < networks.size(); i++) {
            networks.get(i).setParams(Nd4j.createFromArray(original[i]).reshape(1, original[i].length));
        }
        loaded = null;
    }

    @Override
    public void close() {
        restore();
    }
}
