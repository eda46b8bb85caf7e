package org.latentlab.train.classifier;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.engine.InferenceNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The input-output Jacobian of a classifier's class probabilities, J(x) = ∂softmax(f(x))/∂x, a K × d matrix per
 * input, and its Frobenius norm ‖J(x)‖_F: the "sensitivity" of Novak, Bahri, Abolafia, Pennington and Sohl-Dickstein
 * 2018 ("Sensitivity and generalization in neural networks", Section 3), measured at held-out points. This is the
 * Jacobian of the classifier's output with respect to its input image, not the encoder sensitivity ‖∂h/∂x‖ of the
 * lab's contractive autoencoders.
 *
 * <p>With p = softmax(ℓ) and ℓ = f(x), ∂p_k/∂x = Σ_j p_k(δ_kj − p_j) ∂ℓ_j/∂x: row k of J(x) is the input gradient of
 * the logits' backward pass from e_k with e_k,j = p_k(δ_kj − p_j). One inference-mode forward pass and K backward
 * passes on the engine give all rows for a whole batch.
 */
public final class SoftmaxJacobian {

    /** Inputs per pass. */
    private static final int BATCH = 500;

    private SoftmaxJacobian() {
    }

    /**
     * ‖J(xᵢ)‖_F for each row xᵢ of {@code inputs} ([n, d], in the network's float type).
     *
     * @param net a network from flat inputs to one logit per class (no output layer), not trained meanwhile
     * @throws LabException when the engine does not run the network's layers in inference mode
     */
    public static double[] frobeniusNorms(MultiLayerNetwork net, INDArray inputs) {
        InferenceNetwork engine = InferenceNetwork.of(net).orElseThrow(() -> new LabException("the classifier has a"
                + " layer the lab's engine does not run, so its input-output Jacobian cannot be measured"));
        long n = inputs.size(0);
        double[] norms = new double[(int) n];
        INDArray flat = inputs.reshape('c', n, inputs.length() / Math.max(1, n)).castTo(net.params().dataType());
        try (engine) {
            for (long from = 0; from < n; from += BATCH) {
                long to = Math.min(n, from + BATCH);
                INDArray x = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c');
                batch(engine, x, norms, (int) from);
            }
        }
        return norms;
    }

    /** The mean of {@link #frobeniusNorms} over the inputs. */
    public static double meanFrobeniusNorm(MultiLayerNetwork net, INDArray inputs) {
        double[] v = frobeniusNorms(net, inputs);
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static void batch(InferenceNetwork engine, INDArray x, double[] norms, int offset) {
        int m = (int) x.size(0);
        double[] logits = engine.output(x).dup().reshape(-1).toDoubleVector();
        int k = logits.length / m;
        double[] p = softmax(logits, m, k);
        double[] squares = new double[m];
        double[] eps = new double[m * k];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < m; i++) {
                double pc = p[i * k + c];
                for (int j = 0; j < k; j++) {
                    eps[i * k + j] = pc * ((j == c ? 1 : 0) - p[i * k + j]);
                }
            }
            INDArray e = Nd4j.create(eps, new long[] {m, k}, 'c').castTo(x.dataType());
            double[] g = engine.inputGradient(e).dup('c').reshape(-1).toDoubleVector();
            int d = g.length / m;
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double v = g[i * d + t];
                    s += v * v;
                }
                squares[i] += s;
            }
        }
        for (int i = 0; i < m; i++) {
            norms[offset + i] = Math.sqrt(squares[i]);
        }
    }

    /** Row-wise softmax of [m, k] logits, in double, shifted by each row's maximum. */
    static double[] softmax(double[] logits, int m, int k) {
        double[] p = new double[m * k];
        for (int i = 0; i < m; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits[i * k + j]);
            }
            double z = 0;
            for (int j = 0; j < k; j++) {
                p[i * k + j] = Math.exp(logits[i * k + j] - max);
                z += p[i * k + j];
            }
            for (int j = 0; j < k; j++) {
                p[i * k + j] /= z;
            }
        }
        return p;
    }
}
