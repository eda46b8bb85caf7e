package org.latentlab.latent;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.core.Seeds;
import org.latentlab.data.ExampleSet;
import org.latentlab.engine.InferenceNetwork;
import org.latentlab.engine.SameDiffBackward;
import org.latentlab.train.NativeMemory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Finds the code a decoder maps closest to a given example: z* = argmin ‖f(G(z)) − x‖² + λ‖z‖², by Adam on z with
 * the network frozen (Zhu et al. 2016, "Generative visual manipulation on the natural image manifold", §3.1;
 * Creswell & Bharath 2018, "Inverting the generator of a GAN"; Lipton & Tripathi 2017 for GAN codes). f is the
 * model's output transform, so a Bernoulli decoder is compared in pixel values, σ(logits).
 *
 * <p>The gradient with respect to z comes from one inference-mode forward pass and one backward pass to the input:
 * ∇_z = J_Gᵀ · 2 (f(o) − x) ⊙ f′(o) + 2λz, on the lab's engine where it compiles the decoder
 * ({@link InferenceNetwork}, input gradient alone), else through DL4J's {@code backpropGradient}, whose second result
 * is the loss gradient with respect to the network's input. Neither changes the parameters (no updater runs);
 * batch normalisation uses its running statistics. The search may start from a
 * random code of the prior or, when the model has an encoder, from En(x) (the encoder's guess refined by
 * optimisation, the hybrid method of Zhu et al. 2016 §3.2).
 *
 * <p>Runs on the model's thread (a {@link LatentModel} is not thread-safe; use {@link DecodeService#run} or a
 * model of its own). Reports every step to a callback and to a {@link Monitor}, and stops with
 * {@link Monitor.Cancelled} when asked to; the last reported step holds the best code so far.
 */
public final class Inversion {

    /** Where the search starts. */
    public enum Start {
        /** A random code from the model's prior. */
        PRIOR,
        /** The encoder's code for the target (autoencoders and VAEs). */
        ENCODER
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

    private final LatentModel model;
    private final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    private final NativeMemory memory = new NativeMemory();

    public Inversion(LatentModel model) {
        this.model = model;
    }

    /** The code to start from: En(x), or a draw from the prior with a generator seeded from {@code seed}. */
    public double[] startCode(float[] target, Start start, long seed) {
        if (start == Start.ENCODER) {
            if (!model.hasEncoder()) {
                throw new LabException("a " + model.kind() + " has no encoder: start the inversion from a random"
                        + " code instead");
            }
            return model.encode(new float[][] {target})[0];
        }
        return model.randomCodes(1, new Random(Seeds.mix(seed)))[0];
    }

    /**
     * Inverts the model on one target.
     *
     * @param target data values (the model's {@link ImageShape#size()} of them, in its value range)
     * @param start  the code to start from (not modified)
     * @param onStep called before every update with the current code and loss; may be null
     */
    public InversionResult invert(float[] target, double[] start, InversionSettings settings, Monitor monitor,
                                  Consumer<InversionStep> onStep) {
        return run(new float[][] {target}, new double[][] {start}, settings, monitor, onStep)[0];
    }

    /**
     * Inverts the model on one target and, when {@code training} is given, attaches the memorisation check against
     * it (one pass over the set, cancellable through the same monitor).
     */
    public InversionResult invert(float[] target, double[] start, InversionSettings settings, Monitor monitor,
                                  Consumer<InversionStep> onStep, ExampleSet training) {
        InversionResult r = invert(target, start, settings, monitor, onStep);
        return training == null ? r
                : r.withMemorisation(check(target, r.reconstruction(), training, monitor == null ? Monitor.NONE
                : monitor));
    }

    /** Inverts the model on several targets at once (one batched pass per step); progress only via the monitor. */
    public InversionResult[] invertAll(float[][] targets, double[][] starts, InversionSettings settings,
                                       Monitor monitor) {
        return run(targets, starts, settings, monitor, null);
    }

    /**
     * The memorisation check of a result against the training set (one pass over it for both searches).
     *
     * @see MemorisationCheck
     */
    public static MemorisationCheck check(float[] target, float[] reconstruction, ExampleSet training,
                                          Monitor monitor) {
        NearestNeighbours.Neighbour[] nn = NearestNeighbours.nearest(new float[][] {target, reconstruction},
                training, monitor);
        return new MemorisationCheck(nn[0], nn[1], NearestNeighbours.distance(reconstruction, target));
    }

    /** The memorisation check against training examples held in memory. */
    public static MemorisationCheck check(float[] target, float[] reconstruction, float[][] training) {
        return new MemorisationCheck(NearestNeighbours.nearest(target, training),
                NearestNeighbours.nearest(reconstruction, training),
                NearestNeighbours.distance(reconstruction, target));
    }

    private InversionResult[] run(float[][] targets, double[][] starts, InversionSettings settings, Monitor monitor,
                                  Consumer<InversionStep> onStep) {
        int n = targets.length;
        int k = model.codeSize();
        int d = model.shape().size();
        if (!model.labelNames().isEmpty()) {
            throw new org.latentlab.core.LabException("inversion searches G's code alone, and this G also takes a"
                    + " class or a categorical code: invert an unconditional GAN's G");
        }
        if (n == 0 || starts.length != n) {
            throw new IllegalArgumentException(n + " targets need as many start codes, not " + starts.length);
        }
        double[] z = new double[n * k];
        for (int i = 0; i < n; i++) {
            if (targets[i].length != d) {
                throw new IllegalArgumentException("a target must have " + d + " values (" + model.shape()
                        + "), not " + targets[i].length);
            }
            LatentArithmetic.requireSize(starts[i], k);
            System.arraycopy(starts[i], 0, z, i * k, k);
        }
        Monitor m = monitor == null ? Monitor.NONE : monitor;
        double[] grad = new double[n * k];
        double[] adamM = new double[n * k];
        double[] adamV = new double[n * k];
        double[] loss = new double[n];
        double[] recon = new double[n];
        int updates = 0;
        boolean converged = false;
        try {
            for (int t = 0; t < settings.steps(); t++) {
                m.checkCancelled();
                evaluate(z, n, targets, settings.lambda(), grad, loss, recon, null);
                double worstNorm = 0;
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < k; j++) {
                        s += grad[i * k + j] * grad[i * k + j];
                    }
                    worstNorm = Math.max(worstNorm, Math.sqrt(s));
                }
                double meanLoss = mean(loss);
                if (onStep != null) {
                    onStep.accept(new InversionStep(t, loss[0], recon[0], worstNorm,
                            java.util.Arrays.copyOf(z, k)));
                }
                m.progress((double) t / settings.steps(), String.format(Locale.ROOT,
                        "inversion step %d of %d, loss %.5g", t, settings.steps(), meanLoss));
                if (!Double.isFinite(meanLoss)) {
                    throw new LabException("the inversion's loss became " + meanLoss + " at step " + t
                            + ": lower the learning rate");
                }
                if (settings.gradientTolerance() > 0 && worstNorm < settings.gradientTolerance()) {
                    converged = true;
                    break;
                }
                double lr = settings.learningRateAt(t);
                double c1 = 1 - Math.pow(BETA1, t + 1);
                double c2 = 1 - Math.pow(BETA2, t + 1);
                for (int p = 0; p < z.length; p++) {
                    adamM[p] = BETA1 * adamM[p] + (1 - BETA1) * grad[p];
                    adamV[p] = BETA2 * adamV[p] + (1 - BETA2) * grad[p] * grad[p];
                    z[p] -= lr * (adamM[p] / c1) / (Math.sqrt(adamV[p] / c2) + ADAM_EPSILON);
                }
                updates++;
                memory.afterIteration();
            }
            float[][] images = new float[n][];
            evaluate(z, n, targets, settings.lambda(), null, loss, recon, images);
            m.progress(1, String.format(Locale.ROOT, "inversion done, loss %.5g", mean(loss)));
            InversionResult[] results = new InversionResult[n];
            for (int i = 0; i < n; i++) {
                results[i] = new InversionResult(starts[i].clone(), java.util.Arrays.copyOfRange(z, i * k,
                        (i + 1) * k), images[i], loss[i], recon[i], updates, converged, null);
            }
            return results;
        } finally {
            model.decoderNetwork().clear();
        }
    }

    /**
     * The objective per example at codes z (n x k, row-major) into {@code loss} and its data term into
     * {@code recon}; when {@code grad} is not null, ∇_z of the summed objective into it; when {@code images} is not
     * null, the decoded data values into it.
     */
    void evaluate(double[] z, int n, float[][] targets, double lambda, double[] grad, double[] loss,
                  double[] recon, float[][] images) {
        MultiLayerNetwork net = model.decoderNetwork();
        InferenceNetwork engine = model.decoderOnEngine().orElse(null);
        int k = model.codeSize();
        int d = model.shape().size();
        OutputTransform f = model.transform();
        INDArray codes = Nd4j.create(z, new long[] {n, k}, model.dataType());
        if (grad != null && engine == null) {
            SameDiffBackward.refuseLayerObjects(net, "inversion needs the decoder's input gradient, and"
                    + " the decoder runs on DL4J's layer objects (the lab's engine is off or lacks one"
                    + " of its layers)", "invert it on the engine, or remove that layer");
        }
        INDArray out = engine != null ? engine.output(codes) : layerObjectsOutput(net, codes);
        double[] o = flat(out);
        double[] eps = grad == null ? null : new double[o.length];
        for (int i = 0; i < n; i++) {
            float[] x = targets[i];
            float[] image = images == null ? null : new float[d];
            double r2 = 0;
            for (int j = 0; j < d; j++) {
                double y = f.apply(o[i * d + j]);
                double r = y - x[j];
                r2 += r * r;
                if (eps != null) {
                    eps[i * d + j] = 2 * r * f.derivativeAt(y);
                }
                if (image != null) {
                    image[j] = (float) y;
                }
            }
            double z2 = 0;
            for (int j = 0; j < k; j++) {
                z2 += z[i * k + j] * z[i * k + j];
            }
            recon[i] = r2;
            loss[i] = r2 + lambda * z2;
            if (images != null) {
                images[i] = image;
            }
        }
        if (grad != null) {
            INDArray epsilon = Nd4j.create(eps, out.shape(), model.dataType());
            double[] g = flat(engine != null ? engine.inputGradient(epsilon) : inputGradient(net, epsilon, n));
            for (int p = 0; p < grad.length; p++) {
                grad[p] = g[p] + 2 * lambda * z[p];
            }
        }
    }

    /** DL4J's inference-mode output, the layers keeping what their backward pass needs. */
    private static INDArray layerObjectsOutput(MultiLayerNetwork net, INDArray codes) {
        net.setInput(codes);
        // inference mode without workspaces: layers keep what their backward pass needs (batch norm's std)
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        WorkspaceMode mode = conf.getInferenceWorkspaceMode();
        conf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        List<INDArray> acts;
        try {
            acts = net.feedForward(false, false);
        } finally {
            conf.setInferenceWorkspaceMode(mode);
        }
        return acts.get(acts.size() - 1);
    }

    /**
     * The loss gradient with respect to the network's input after an inference-mode forward pass. DL4J's own
     * backward pass through a batch-normalisation layer uses the training formula (batch statistics) even after an
     * inference-mode forward pass, which is wrong here; in inference mode the layer is a fixed affine map per
     * feature, y = a x + b, so its input gradient is simply ε·a, with a measured as y(x + 1) − y(x). Every other
     * layer and input preprocessor runs its own backward pass, in the order {@code MultiLayerNetwork} uses.
     */
    private INDArray inputGradient(MultiLayerNetwork net, INDArray epsilon, int n) {
        Layer[] layers = net.getLayers();
        boolean batchNorm = false;
        for (Layer l : layers) {
            batchNorm |= l instanceof BatchNormalization;
        }
        if (!batchNorm) {
            return net.backpropGradient(epsilon, noWorkspaces).getSecond();
        }
        INDArray eps = epsilon;
        for (int i = layers.length - 1; i >= 0; i--) {
            Layer l = layers[i];
            if (l instanceof BatchNormalization bn) {
                INDArray in = bn.input().dup();
                INDArray y0 = bn.activate(in.dup(), false, noWorkspaces).dup();
                INDArray y1 = bn.activate(in.addi(1.0), false, noWorkspaces);
                eps = eps.mul(y1.sub(y0));
            } else {
                eps = l.backpropGradient(eps, noWorkspaces).getSecond();
            }
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                eps = pre.backprop(eps, n, noWorkspaces);
            }
        }
        return eps;
    }

    /** Any array's values, row-major. */
    private static double[] flat(INDArray a) {
        return a.reshape('c', new long[] {a.length()}).toDoubleVector();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
