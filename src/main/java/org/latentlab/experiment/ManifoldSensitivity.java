package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.hessian.DoubleNetworks;
import org.latentlab.analysis.tangent.EncoderOutput;
import org.latentlab.analysis.tangent.Sensitivity;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;

import java.util.Random;

/**
 * The encoder's sensitivity ‖∂c/∂x‖_F (seed 004; {@link Sensitivity#code}) at test points on the data manifold (the
 * held-out examples) and off it (the same examples with Gaussian noise added, or uniform noise): a contractive
 * autoencoder is trained to be insensitive on the manifold, so the two histograms should separate.
 *
 * @param onManifold  ‖∂c/∂x‖_F at each held-out example
 * @param offManifold ‖∂c/∂x‖_F at each off-manifold point
 * @param offLabel    what the off-manifold points are, for a legend
 */
public record ManifoldSensitivity(double[] onManifold, double[] offManifold, String offLabel) {

    /** How the off-manifold points are made. */
    public enum OffManifold {
        /** Each test example plus N(0, σ²) per value (clipped to [0, 1] for images). */
        NOISY_EXAMPLES,
        /** Uniform noise: U(0, 1) per pixel for images, uniform over the examples' bounding box otherwise. */
        UNIFORM_NOISE
    }

    public ManifoldSensitivity {
        if (onManifold == null || offManifold == null || offLabel == null) {
            throw new IllegalArgumentException("both samples and a label are required");
        }
    }

    /** At the first n held-out examples of a saved autoencoder or VAE (μ for a VAE), in double precision. */
    public static ManifoldSensitivity of(SavedModel model, int n, OffManifold off, double sigma, long seed,
                                         Monitor monitor) {
        if (model.kind() != Family.AUTOENCODER && model.kind() != Family.VAE) {
            throw new LabException(model.runDir().getFileName() + " is a " + model.kind().name().toLowerCase()
                    + " run: sensitivity is read off an encoder; open an autoencoder or VAE run");
        }
        if (n < 1) {
            throw new LabException("the sensitivity needs at least one test point, not " + n);
        }
        ExampleSet held = model.heldOut();
        DataSource source = held != null ? held : model.trainingData();
        double[][] x = GeometryModels.batch(source, n, seed).toDoubleMatrix();
        MultiLayerNetwork encoder = DoubleNetworks.copy(model.encoder());
        EncoderOutput output = model.kind() == Family.VAE ? EncoderOutput.VAE_MEAN : EncoderOutput.CODE;
        return of(encoder, output, x, source.shape().length == 3, off, sigma, seed, monitor);
    }

    /**
     * At the given examples and at off-manifold points made from them; {@code images}: values are pixels in
     * [0, 1].
     */
    public static ManifoldSensitivity of(MultiLayerNetwork encoder, EncoderOutput output, double[][] examples,
                                         boolean images, OffManifold off, double sigma, long seed,
                                         Monitor monitor) {
        if (off == OffManifold.NOISY_EXAMPLES && !(sigma > 0)) {
            throw new LabException("the noise level σ must be positive, not " + sigma);
        }
        double[][] noisy = offManifold(examples, images, off, sigma, seed);
        double[] on = Sensitivity.code(encoder, examples, output, part(monitor, 0, 0.5));
        double[] offValues = Sensitivity.code(encoder, noisy, output, part(monitor, 0.5, 1));
        String label = off == OffManifold.NOISY_EXAMPLES ? "test examples + noise σ = " + sigma : "uniform noise";
        return new ManifoldSensitivity(on, offValues, label);
    }

    /** The off-manifold points, one per example, drawn with {@code seed}. */
    static double[][] offManifold(double[][] examples, boolean images, OffManifold off, double sigma, long seed) {
        Random rng = new Random(seed);
        int n = examples.length;
        int d = n == 0 ? 0 : examples[0].length;
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] e : examples) {
            for (int j = 0; j < d; j++) {
                lo[j] = Math.min(lo[j], e[j]);
                hi[j] = Math.max(hi[j], e[j]);
            }
        }
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = off == OffManifold.NOISY_EXAMPLES ? examples[i][j] + sigma * rng.nextGaussian()
                        : images ? rng.nextDouble() : lo[j] + (hi[j] - lo[j]) * rng.nextDouble();
                out[i][j] = images ? Math.max(0, Math.min(1, v)) : v;
            }
        }
        return out;
    }

    private static Monitor part(Monitor parent, double from, double to) {
        return new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                parent.progress(from + (to - from) * Math.max(0, Math.min(1, fraction)), (from == 0
                        ? "on the manifold: " : "off the manifold: ") + message);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }

    /** The median of each sample: {on, off}. */
    public double[] medians() {
        return new double[] {median(onManifold), median(offManifold)};
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    @Override
    public String toString() {
        double[] m = medians();
        return String.format(java.util.Locale.ROOT, "sensitivity |dc/dx|_F: median %.4g on %d test examples, %.4g"
                + " on %d points of %s", m[0], onManifold.length, m[1], offManifold.length, offLabel);
    }
}
