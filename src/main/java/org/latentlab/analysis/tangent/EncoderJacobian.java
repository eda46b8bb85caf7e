package org.latentlab.analysis.tangent;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.latentlab.core.LabException;
import org.latentlab.engine.DenseChain;
import org.latentlab.engine.DensePlan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The Jacobian J = ∂c/∂x of an encoder's code c (k values) with respect to its input x (d values) at one or more
 * inputs, by reverse mode in one pass: the network runs forward on k copies of x and back with the k × k identity
 * as the output gradient, so row i of the input gradient is ∇ₓ cᵢ (32 × 784 through a 784-128-32 encoder in about
 * 1 ms on the engine, 2.5 ms through DL4J, on a 2-core CPU). Rifai et al. 2011 (contractive autoencoders, "manifold tangent classifier") read the
 * manifold's tangent directions off this matrix ({@link TangentSpace}).
 *
 * <p>For an encoder of dense layers the passes run on the lab's engine ({@link DensePlan}: compiled once for the
 * batch of k copies, an input-only backward pass); other encoders go through DL4J's {@code backpropGradient}.
 *
 * <p>Inference mode (no dropout, batch norm with its running statistics). DL4J cannot run batch normalisation or
 * dropout backwards in inference mode, so for encoders with either the Jacobian is taken by central differences in
 * one batched forward pass of 2d inputs instead (relative error ~1e-9 in DOUBLE, ~1e-4 in float32). The encoder is the lab's kind: no output
 * layer, flat inputs [n, d]. The network's own precision is used; tests compare against finite differences in
 * DOUBLE. Not thread-safe: the caller owns the encoder (use a copy, not a training run's network).
 */
public final class EncoderJacobian {

    /** Rows per backward pass when many inputs are handled at once. */
    static final int MAX_ROWS = 4096;

    private EncoderJacobian() {
    }

    /** J at x for the chosen part of the encoder's output. */
    public static Jacobian at(MultiLayerNetwork encoder, double[] x, EncoderOutput output) {
        return of(encoder, new double[][] {x}, output).get(0);
    }

    /** J at each of the inputs, several inputs per backward pass. */
    public static List<Jacobian> of(MultiLayerNetwork encoder, double[][] inputs, EncoderOutput output) {
        if (inputs.length == 0) {
            return List.of();
        }
        int d = inputs[0].length;
        DataType type = encoder.params().dataType();
        Optional<DenseChain> chain = type == DataType.DOUBLE || type == DataType.FLOAT ? DenseChain.of(encoder)
                : Optional.empty();
        if (chain.isPresent() && chain.get().inputs() != d) {
            throw new LabException("the encoder does not take inputs of " + d + " values: it takes "
                    + chain.get().inputs());
        }
        int outputs = chain.isPresent() ? chain.get().outputs() : outputSize(encoder, d, type);
        int k = output.codeSize(outputs);
        if (backwardNeedsTraining(encoder)) {
            List<Jacobian> out = new java.util.ArrayList<>(inputs.length);
            for (double[] x : inputs) {
                out.add(byDifferences(b -> encoder.output(b, false), x, k, type));
            }
            return out;
        }
        int perPass = Math.max(1, MAX_ROWS / k);
        if (chain.isPresent()) {
            return onEngine(chain.get(), encoder, inputs, k, perPass);
        }
        List<Jacobian> out = new java.util.ArrayList<>(inputs.length);
        for (int start = 0; start < inputs.length; start += perPass) {
            int m = Math.min(perPass, inputs.length - start);
            double[] rows = new double[m * k * d];
            double[] eps = new double[m * k * outputs];
            for (int p = 0; p < m; p++) {
                double[] x = inputs[start + p];
                if (x.length != d) {
                    throw new IllegalArgumentException("all inputs must have " + d + " values");
                }
                for (int i = 0; i < k; i++) {
                    int r = p * k + i;
                    System.arraycopy(x, 0, rows, r * d, d);
                    eps[r * outputs + i] = 1;
                }
            }
            INDArray grad = backprop(encoder, Nd4j.create(rows, new long[] {(long) m * k, d}, DataType.DOUBLE)
                    .castTo(type), Nd4j.create(eps, new long[] {(long) m * k, outputs}, DataType.DOUBLE)
                    .castTo(type));
            double[] g = grad.castTo(DataType.DOUBLE).reshape('c', new long[] {grad.length()}).toDoubleVector();
            for (int p = 0; p < m; p++) {
                double[][] j = new double[k][d];
                for (int i = 0; i < k; i++) {
                    System.arraycopy(g, (p * k + i) * d, j[i], 0, d);
                }
                out.add(new Jacobian(j));
            }
        }
        return out;
    }

    /**
     * J of the first k outputs of a batched function by central differences in one call on the 2d inputs x ± h eⱼ,
     * h = 1e-5 (DOUBLE) or 1e-2 (float32) times max(1, ‖x‖∞): for networks whose backward pass needs training mode.
     */
    static Jacobian byDifferences(UnaryOperator<INDArray> f, double[] x, int k, DataType type) {
        int d = x.length;
        double scale = 1;
        for (double v : x) {
            scale = Math.max(scale, Math.abs(v));
        }
        double h = (type == DataType.DOUBLE ? 1e-5 : 1e-2) * scale;
        double[] rows = new double[2 * d * d];
        for (int j = 0; j < d; j++) {
            System.arraycopy(x, 0, rows, 2 * j * d, d);
            System.arraycopy(x, 0, rows, (2 * j + 1) * d, d);
            rows[2 * j * d + j] += h;
            rows[(2 * j + 1) * d + j] -= h;
        }
        INDArray o = f.apply(Nd4j.create(rows, new long[] {2L * d, d}, DataType.DOUBLE).castTo(type));
        int outputs = (int) (o.length() / o.size(0));
        double[] v = o.castTo(DataType.DOUBLE).reshape('c', new long[] {o.length()}).toDoubleVector();
        double[][] j = new double[k][d];
        for (int c = 0; c < d; c++) {
            for (int r = 0; r < k; r++) {
                j[r][c] = (v[2 * c * outputs + r] - v[(2 * c + 1) * outputs + r]) / (2 * h);
            }
        }
        return new Jacobian(j);
    }

    /**
     * True when DL4J cannot run the network backwards in inference mode: batch normalisation or dropout, or a layer
     * DL4J runs in SameDiff (maxout...), through which its backward pass returns twice the gradient
     * ({@link org.latentlab.engine.SameDiffBackward}).
     */
    static boolean backwardNeedsTraining(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
            if (conf instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization
                    || conf instanceof org.deeplearning4j.nn.conf.layers.DropoutLayer || conf.getIDropout() != null) {
                return true;
            }
        }
        return org.latentlab.engine.SameDiffBackward.firstLayer(net).isPresent();
    }

    /** The plan of the last dense encoder, kept for the next Jacobian of the same shape (compiling costs more). */
    private static DensePlan lastPlan;
    /** The copies per input (k) whose identity {@link #lastPlan}'s output gradient holds. */
    private static int lastCopies;

    /**
     * J at each input by the lab's engine, {@code perPass} inputs per pass: the plan's input holds k copies of each
     * input, its output gradient the identity on the first k outputs (written once per plan), then one forward and
     * one input-only backward pass; row i of a copy's input gradient is ∇ₓ cᵢ. Nothing but the result is allocated
     * per call once the plan exists.
     */
    static synchronized List<Jacobian> onEngine(DenseChain chain, MultiLayerNetwork encoder, double[][] inputs, int k,
                                                int perPass) {
        int d = chain.inputs();
        List<Jacobian> out = new java.util.ArrayList<>(inputs.length);
        for (int start = 0; start < inputs.length; start += perPass) {
            int m = Math.min(perPass, inputs.length - start);
            DensePlan plan = plan(chain, encoder.params().dataType(), m, k);
            plan.parameters().assign(encoder.params().reshape(plan.parameters().shape()));
            for (int p = 0; p < m; p++) {
                double[] x = inputs[start + p];
                if (x.length != d) {
                    throw new IllegalArgumentException("all inputs must have " + d + " values");
                }
                INDArray row = Nd4j.create(x, new long[] {1, d}, DataType.DOUBLE).castTo(plan.dataType());
                plan.input().get(NDArrayIndex.interval((long) p * k, (long) (p + 1) * k), NDArrayIndex.all())
                        .assign(0).addiRowVector(row);
            }
            plan.forward();
            double[] g = plan.backwardToInput().data().asDouble();
            for (int p = 0; p < m; p++) {
                double[][] j = new double[k][d];
                for (int i = 0; i < k; i++) {
                    System.arraycopy(g, (p * k + i) * d, j[i], 0, d);
                }
                out.add(new Jacobian(j));
            }
        }
        return out;
    }

    /** The kept plan for m inputs of k copies, compiled anew (its identity written) when the shape changes. */
    private static DensePlan plan(DenseChain chain, DataType type, int m, int k) {
        int rows = m * k;
        if (lastPlan != null && lastPlan.batch() == rows && lastPlan.dataType() == type
                && lastPlan.chain().equals(chain) && lastCopies == k) {
            return lastPlan;
        }
        if (lastPlan != null) {
            lastPlan.close();
        }
        lastPlan = new DensePlan(chain, rows, type);
        lastCopies = k;
        INDArray eps = lastPlan.outputGradient().assign(0);
        for (int r = 0; r < rows; r++) {
            eps.putScalar(r, r % k, 1);
        }
        return lastPlan;
    }

    /** The input gradient for the given output gradient, after an inference-mode forward pass on {@code x}. */
    static INDArray backprop(MultiLayerNetwork net, INDArray x, INDArray epsilon) {
        net.setInput(x);
        List<INDArray> acts = net.feedForward(false, false);
        INDArray last = acts.get(acts.size() - 1);
        INDArray eps = last.rank() == 2 ? epsilon : epsilon.reshape(last.shape());
        INDArray g = net.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces()).getSecond();
        return g.rank() == 2 ? g : g.reshape(g.size(0), g.length() / g.size(0));
    }

    /** The number of values the encoder outputs per example for inputs of size d. */
    static int outputSize(MultiLayerNetwork net, int d, DataType type) {
        try {
            INDArray o = net.output(Nd4j.zeros(type, 1, d), false);
            return (int) (o.length() / o.size(0));
        } catch (RuntimeException e) {
            throw new LabException("the encoder does not take inputs of " + d + " values: " + e.getMessage(), e);
        }
    }
}
