package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.Objective;
import org.latentlab.analysis.PlaneLoss;
import org.latentlab.core.LabException;
import org.latentlab.engine.ExactCurvature;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The loss of one or more DL4J networks on a fixed batch as a function of their flat trainable parameters θ (see
 * {@link ParameterLayout}): the bridge between the lab's networks and the geometry code, which sees only an
 * {@link Objective}. Evaluating at θ copies θ into the networks ({@code setParams} copies in); {@link #close()}
 * puts back the parameters they had when the objective was made. Batch-norm layers use the statistics of the batch
 * (training mode) in both the loss and the gradient, so the two agree.
 *
 * <p>When its networks are chains the lab's engine runs, a subclass offers {@link #exactCurvature()}: the
 * same loss compiled into the engine, whose exact Hessian-vector products (Pearlmutter's R-operator)
 * {@link HessianVectorProduct} then uses instead of central differences.
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

    private Optional<ExactCurvature> curvature;

    /**
     * This loss compiled into the engine, when the engine runs its networks, their second derivatives and its loss
     * over the same θ (so not with batch normalisation, whose running statistics the engine's vector holds and θ
     * leaves out); built on first use and kept. Empty for any other objective: its Hessian-vector
     * products stay central differences.
     */
    public final Optional<ExactCurvature> exactCurvature() {
        if (curvature == null) {
            curvature = compileCurvature().filter(c -> c.dimension() == dimension());
        }
        return curvature;
    }

    /** The engine's version of this loss, if the engine runs it; none by default. */
    protected Optional<ExactCurvature> compileCurvature() {
        return Optional.empty();
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

    // ---- loss surfaces: the first dense layer on a fixed batch, once per plane

    /** A network whose input is the same batch at every θ (an encoder's data, a classifier's features). */
    protected record FixedInput(MultiLayerNetwork network, INDArray input) {
    }

    /**
     * The network of this objective whose first layer sees a fixed batch, if any: on a plane θ₀ + a·d₁ + b·d₂ its
     * first dense layer's pre-activation is X·W₀ + a·X·W₁ + b·X·W₂ (+ biases), three products made once per plane
     * instead of one per cell. None by default. When the engine runs this loss ({@link #exactCurvature()}) the
     * whole cell runs on its compiled dense plan ({@link ExactCurvature#onPlane}); otherwise the layers above the
     * first run through DL4J.
     */
    protected Optional<FixedInput> fixedInput() {
        return Optional.empty();
    }

    /** The plane being scanned and the cell being evaluated (only while {@link #onPlane}'s function runs). */
    private FirstLayerPlane plane;
    private double cellA;
    private double cellB;

    @Override
    public PlaneLoss onPlane(double[] origin, double[] d1, double[] d2) {
        PlaneLoss direct = Objective.super.onPlane(origin, d1, d2);
        if (fixedInput().isPresent() && exactCurvature().filter(ExactCurvature::firstLayerShortcut).isPresent()) {
            java.util.function.DoubleBinaryOperator onEngine = exactCurvature().get().onPlane(origin, d1, d2);
            return new PlaneLoss() {
                @Override
                public double at(double a, double b) {
                    return onEngine.applyAsDouble(a, b);
                }

                @Override
                public String method() {
                    return "first dense layer from three products per plane, the layers above on the lab's engine";
                }
            };
        }
        FirstLayerPlane prepared = fixedInput().flatMap(f -> FirstLayerPlane.of(this, f, origin, d1, d2))
                .orElse(null);
        if (prepared == null) {
            return direct;
        }
        return new PlaneLoss() {
            @Override
            public double at(double a, double b) {
                plane = prepared;
                cellA = a;
                cellB = b;
                try {
                    return direct.at(a, b);
                } finally {
                    plane = null;
                }
            }

            @Override
            public String method() {
                return "first dense layer of '" + prepared.network.getLayer(0).conf().getLayer().getLayerName()
                        + "' from three products per plane";
            }
        };
    }

    /**
     * The activations of layers 0 to {@code toLayer} of {@code net} on {@code input}, from the plane's products, when a
     * plane cell is being evaluated and the shortcut applies to this network and batch; empty otherwise (compute as
     * usual). The parameters of the other layers are those {@link #load} wrote.
     */
    protected final Optional<INDArray> planeActivations(MultiLayerNetwork net, INDArray input, int toLayer) {
        FirstLayerPlane p = plane;
        if (p == null || p.network != net || p.input != input) {
            return Optional.empty();
        }
        INDArray h = p.firstLayer(cellA, cellB);
        for (int i = 1; i <= toLayer; i++) {
            h = net.getLayer(i).activate(h, false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        }
        return Optional.of(h);
    }

    /** X·W and the bias of a dense first layer at the plane's origin and along its two directions. */
    private static final class FirstLayerPlane {
        final MultiLayerNetwork network;
        final INDArray input;
        final INDArray[] products = new INDArray[3];
        final INDArray[] biases = new INDArray[3];
        final org.nd4j.linalg.activations.IActivation activation;

        private FirstLayerPlane(MultiLayerNetwork network, INDArray input,
                                org.nd4j.linalg.activations.IActivation activation) {
            this.network = network;
            this.input = input;
            this.activation = activation;
        }

        /**
         * Prepared when the network's first layer is dense, takes the batch as it is (no pre-processor anywhere)
         * and no layer behaves differently in training (batch norm); otherwise empty.
         */
        static Optional<FirstLayerPlane> of(NetworkObjective objective, FixedInput fixed, double[] origin,
                                            double[] d1, double[] d2) {
            MultiLayerNetwork net = fixed.network();
            int k = objective.networks.indexOf(net);
            if (k < 0 || !(net.getLayer(0).conf().getLayer()
                    instanceof org.deeplearning4j.nn.conf.layers.DenseLayer dense)) {
                return Optional.empty();
            }
            for (int i = 0; i < net.getnLayers(); i++) {
                if (net.getLayerWiseConfigurations().getInputPreProcess(i) != null
                        || net.getLayer(i).conf().getLayer()
                        instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization) {
                    return Optional.empty();
                }
            }
            double[] toD1 = new double[origin.length];
            double[] toD2 = new double[origin.length];
            for (int j = 0; j < origin.length; j++) {
                toD1[j] = origin[j] + d1[j];
                toD2[j] = origin[j] + d2[j];
            }
            double[] p0 = objective.layout.toNetworks(origin, objective.original)[k];
            double[] p1 = objective.layout.toNetworks(toD1, objective.original)[k];
            double[] p2 = objective.layout.toNetworks(toD2, objective.original)[k];
            for (int j = 0; j < p0.length; j++) {
                p1[j] -= p0[j];
                p2[j] -= p0[j];
            }
            FirstLayerPlane plane = new FirstLayerPlane(net, fixed.input(), dense.getActivationFn());
            double[][] params = {p0, p1, p2};
            for (int i = 0; i < 3; i++) {
                net.setParams(Nd4j.createFromArray(params[i]).reshape(1, params[i].length));
                INDArray w = net.getLayer(0).getParam("W").dup();
                plane.products[i] = fixed.input().mmul(w);
                plane.biases[i] = net.getLayer(0).getParam("b").dup().reshape(1, w.columns());
            }
            objective.loaded = null; // the networks hold a direction now: the next load writes θ again
            return Optional.of(plane);
        }

        INDArray firstLayer(double a, double b) {
            INDArray z = products[0].dup();
            if (a != 0) {
                z.addi(products[1].mul(a));
            }
            if (b != 0) {
                z.addi(products[2].mul(b));
            }
            z.addiRowVector(biases[0].add(biases[1].mul(a)).addi(biases[2].mul(b)));
            return activation.getActivation(z, true);
        }
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
        if (curvature != null) {
            curvature.ifPresent(ExactCurvature::close);
            curvature = null;
        }
    }
}
