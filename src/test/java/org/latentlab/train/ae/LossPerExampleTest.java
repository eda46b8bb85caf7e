package org.latentlab.train.ae;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link AutoencoderTrainer#lossPerExample} in DOUBLE on small untrained nets: an autoencoder's per-image squared
 * error equals Σ (x − r)² from its reconstructions; a VAE's per-image negative ELBOs, with the same noise,
 * average to the negative ELBO {@link AutoencoderTrainer#evaluate} reports, for either reconstruction loss.
 */
class LossPerExampleTest {

    private static final int D = 12;
    private static final int CODE = 3;
    private static final int N = 9;

    private static AutoencoderTrainer trainer(Reconstruction loss, AutoencoderTrainer.Kind kind) {
        int encoderOut = kind == AutoencoderTrainer.Kind.VAE ? 2 * CODE : CODE;
        MultiLayerNetwork enc = AeChecks.dense("enc", D, 3, DataType.DOUBLE, new int[] {7, encoderOut},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        MultiLayerNetwork dec = AeChecks.dense("dec", CODE, 4, DataType.DOUBLE, new int[] {7, D},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        return new AutoencoderTrainer(enc, dec, AeChecks.uniformSource(D), AutoencoderSettings.plain(loss, 1e-3, N),
                kind, 5);
    }

    @Test
    void anAutoencodersSquaredErrorPerImageIsTheSumOverItsPixels() {
        AutoencoderTrainer t = trainer(Reconstruction.MSE, AutoencoderTrainer.Kind.AUTOENCODER);
        INDArray x = AeChecks.uniform(8, N, D, 0, 1);
        double[] r = t.reconstruct(x).data().asDouble();
        double[] xs = x.data().asDouble();
        double[] loss = t.lossPerExample(x, 1);
        for (int i = 0; i < N; i++) {
            double sum = 0;
            for (int j = 0; j < D; j++) {
                double e = xs[i * D + j] - r[i * D + j];
                sum += e * e;
            }
            assertEquals(sum, loss[i], 1e-12, "image " + i);
        }
    }

    @Test
    void aVaesPerImageNegativeElboAveragesToTheOneItReports() {
        for (Reconstruction loss : Reconstruction.values()) {
            AutoencoderTrainer t = trainer(loss, AutoencoderTrainer.Kind.VAE);
            INDArray x = AeChecks.uniform(9, N, D, 0, 1);
            double[] perImage = t.lossPerExample(x, 17);
            double mean = 0;
            for (double v : perImage) {
                mean += v / N;
            }
            assertEquals(t.evaluate(x, false, 17).get("negative ELBO"), mean, 1e-10, loss.toString());
            // another draw of z gives other terms: the noise is used, not ignored
            double[] other = t.lossPerExample(x, 18);
            double diff = 0;
            for (int i = 0; i < N; i++) {
                diff += Math.abs(other[i] - perImage[i]);
            }
            org.junit.jupiter.api.Assertions.assertTrue(diff > 0, loss.toString());
        }
    }
}
