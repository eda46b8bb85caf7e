package org.latentlab.train.vaegan;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.DataSource;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Random;

/** A VAE-GAN small enough for finite differences: 6 pixels, a code of 2, D 6-4-3-1 with its features at "feat". */
final class TinyVaeGan {

    static final int PIXELS = 6;
    static final int CODE = 2;

    private TinyVaeGan() {
    }

    static NetworkSpec encoder() {
        return new NetworkSpec("encoder", Shape.vector(PIXELS), List.of(
                new LayerSpec.Dense("enc1", 5, Activation.TANH, 0),
                new LayerSpec.Dense("enc_out", 2 * CODE, Activation.IDENTITY, 0)));
    }

    static NetworkSpec decoder() {
        return new NetworkSpec("decoder", Shape.vector(CODE), List.of(
                new LayerSpec.Dense("dec1", 5, Activation.TANH, 0),
                new LayerSpec.Dense("dec_out", PIXELS, Activation.IDENTITY, 0)));
    }

    static NetworkSpec discriminator() {
        return new NetworkSpec("D", Shape.vector(PIXELS), List.of(
                new LayerSpec.Dense("feat", 4, Activation.TANH, 0),
                new LayerSpec.Dense("d2", 3, Activation.TANH, 0),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY, 0)));
    }

    static VaeGanSettings settings(int batch) {
        return new VaeGanSettings("feat", 0.7, 0.6, OptimizerSpec.adam(1e-3, 0.5), null, batch);
    }

    /** Pixels uniform in [0, 1]. */
    static DataSource data() {
        return new DataSource() {
            public String name() {
                return "uniform pixels";
            }

            public int[] shape() {
                return new int[] {PIXELS};
            }

            public void sample(int n, Random rng, float[] out) {
                for (int i = 0; i < n * PIXELS; i++) {
                    out[i] = rng.nextFloat();
                }
            }

            public String contentHash() {
                return "uniform-6";
            }
        };
    }

    static VaeGanTrainer trainer(DataType type, int batch, long seed) {
        MultiLayerNetwork enc = NetworkCompiler.compile(encoder(), settings(batch).optimizer(), seed, type);
        MultiLayerNetwork dec = NetworkCompiler.compile(decoder(), settings(batch).optimizer(), seed + 1, type);
        MultiLayerNetwork dis = NetworkCompiler.compile(discriminator(), settings(batch).optimizer(), seed + 2,
                type);
        return new VaeGanTrainer(enc, dec, dis, data(), settings(batch), seed);
    }

    static double[] uniform(long seed, int count, double lo, double hi) {
        Random r = new Random(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }

    static double[] gaussian(long seed, int count) {
        Random r = new Random(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }
}
