package org.latentlab.analysis.tangent;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.Monitor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How strongly a model's output reacts to its input at each test point: the Frobenius norm ‖∂y/∂x‖_F of the
 * Jacobian, whose square the contractive autoencoder penalises (Rifai et al. 2011) and which Novak et al. 2018
 * ("Sensitivity and Generalization in Neural Networks") relate to generalisation. For y the encoder's code
 * ({@link #code}) or the whole reconstruction ({@link #reconstruction}); inference mode (by central differences
 * for networks with batch normalisation or dropout, see {@link EncoderJacobian}).
 */
public final class Sensitivity {

    private Sensitivity() {
    }

    /** ‖∂c/∂x‖_F at each input (rows of {@code inputs}), several inputs per backward pass. */
    public static double[] code(MultiLayerNetwork encoder, double[][] inputs, EncoderOutput output,
                                Monitor monitor) {
        double[] out = new double[inputs.length];
        int chunk = 64;
        for (int s = 0; s < inputs.length; s += chunk) {
            monitor.checkCancelled();
            int m = Math.min(chunk, inputs.length - s);
            double[][] part = java.util.Arrays.copyOfRange(inputs, s, s + m);
            java.util.List<Jacobian> js = EncoderJacobian.of(encoder, part, output);
            for (int p = 0; p < m; p++) {
                out[s + p] = js.get(p).frobeniusNorm();
            }
            monitor.progress((double) (s + m) / inputs.length, "sensitivity: " + (s + m) + " of " + inputs.length);
        }
        return out;
    }

    /**
     * ‖∂r/∂x‖_F of the reconstruction r = decoder(code(x)) at each input: one backward pass through decoder and
     * encoder with d copies of x and the d × d identity as the output gradient. With {@code logits} the decoder
     * outputs logits and r = σ(logits) (a Bernoulli decoder), whose derivative σ(1 − σ) is applied first.
     */
    public static double[] reconstruction(MultiLayerNetwork encoder, MultiLayerNetwork decoder, double[][] inputs,
                                          EncoderOutput output, boolean logits, Monitor monitor) {
        double[] out = new double[inputs.length];
        DataType type = encoder.params().dataType();
        if (EncoderJacobian.backwardNeedsTraining(encoder) || EncoderJacobian.backwardNeedsTraining(decoder)) {
            return reconstructionByDifferences(encoder, decoder, inputs, output, logits, monitor);
        }
        for (int p = 0; p < inputs.length; p++) {
            monitor.checkCancelled();
            double[] x = inputs[p];
            int d = x.length;
            int outputs = EncoderJacobian.outputSize(encoder, d, type);
            int k = output.codeSize(outputs);
            double[] e = encoder.output(Nd4j.create(x, new long[] {1, d}, DataType.DOUBLE).castTo(type), false)
                    .castTo(DataType.DOUBLE).reshape('c', new long[] {outputs}).toDoubleVector();
            double[] c = java.util.Arrays.copyOf(e, k);
            double[] r = decoder.output(Nd4j.create(c, new long[] {1, k}, DataType.DOUBLE).castTo(type), false)
                    .castTo(DataType.DOUBLE).toDoubleVector();
            int n = r.length;
            // n copies of the code, the identity (times σ' for logits) as the gradient of the n outputs
            double[] eps = new double[n * n];
            for (int i = 0; i < n; i++) {
                double s = logits ? 1 / (1 + Math.exp(-r[i])) : 0;
                eps[i * n + i] = logits ? s * (1 - s) : 1;
            }
            INDArray dCode = EncoderJacobian.backprop(decoder, copies(c, n, type),
                    Nd4j.create(eps, new long[] {n, n}, DataType.DOUBLE).castTo(type));
            INDArray encEps = k == outputs ? dCode : Nd4j.hstack(dCode, Nd4j.zeros(type, n, outputs - k));
            INDArray dx = EncoderJacobian.backprop(encoder, copies(x, n, type), encEps);
            out[p] = dx.castTo(DataType.DOUBLE).norm2Number().doubleValue();
            monitor.progress((p + 1.0) / inputs.length, "reconstruction sensitivity: " + (p + 1) + " of "
                    + inputs.length);
        }
        return out;
    }

    private static double[] reconstructionByDifferences(MultiLayerNetwork encoder, MultiLayerNetwork decoder,
                                                        double[][] inputs, EncoderOutput output, boolean logits,
                                                        Monitor monitor) {
        double[] out = new double[inputs.length];
        DataType type = encoder.params().dataType();
        for (int p = 0; p < inputs.length; p++) {
            monitor.checkCancelled();
            int d = inputs[p].length;
            int outputs = EncoderJacobian.outputSize(encoder, d, type);
            int k = output.codeSize(outputs);
            int n = (int) decoder.output(Nd4j.zeros(type, 1, k), false).length();
            Jacobian j = EncoderJacobian.byDifferences(batch -> {
                INDArray e = encoder.output(batch, false);
                e = e.reshape(e.size(0), e.length() / e.size(0));
                INDArray c = k == outputs ? e : e.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, k)).dup();
                INDArray r = decoder.output(c, false);
                r = r.reshape(r.size(0), r.length() / r.size(0));
                return logits ? org.nd4j.linalg.ops.transforms.Transforms.sigmoid(r, true) : r;
            }, inputs[p], n, type);
            out[p] = j.frobeniusNorm();
            monitor.progress((p + 1.0) / inputs.length, "reconstruction sensitivity: " + (p + 1) + " of "
                    + inputs.length);
        }
        return out;
    }

    private static INDArray copies(double[] v, int n, DataType type) {
        double[] rows = new double[n * v.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(v, 0, rows, i * v.length, v.length);
        }
        return Nd4j.create(rows, new long[] {n, v.length}, DataType.DOUBLE).castTo(type);
    }
}
