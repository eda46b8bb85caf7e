package org.latentlab.experiment;

import org.latentlab.data.ExampleSet;
import org.latentlab.metrics.TwoSampleTest;
import org.latentlab.train.Evaluation;
import org.latentlab.train.Host;
import org.latentlab.train.Metric;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.ReconstructionView.Images;
import org.latentlab.train.Trainer;
import org.latentlab.train.aae.AaeLosses;
import org.latentlab.train.aae.AaePrior;
import org.latentlab.train.aae.AaeSettings;
import org.latentlab.train.aae.AaeTrainer;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * The bench's pictures and the held-out measurements of an adversarial autoencoder, made on the training thread
 * from up to {@value ReconstructionViews#EVAL} held-out images: the reconstruction cost, the code-versus-prior MMD²
 * ({@link TwoSampleTest}, a Gaussian kernel as wide as the median distance between prior draws, against as many
 * prior draws, drawn once from a fixed seed, each held-out example's from its label's part when the model is
 * label-conditioned), reconstructions, the encoder's first-layer filters, images decoded from prior draws (one
 * part of the prior per row for the label-conditioned variant), and a 2-D code's scatter coloured by label with the
 * prior drawn beneath it.
 */
final class AaeViews implements FamilyViews<Trainer, ReconstructionView> {

    /** Held-out codes and prior draws compared by the MMD² of each measurement. */
    static final int COMPARED = 500;

    private final double[] x;
    private final int[] labels;
    private final int n;
    private final int[] shape;
    private final AaeSettings settings;
    private final long seed;
    private final double[] prior;
    private final double width;

    AaeViews(ExampleSet heldOut, int[] shape, AaeSettings settings, long seed) {
        this.n = Math.min(ReconstructionViews.EVAL, heldOut.size());
        int d = heldOut.dimension();
        this.x = new double[n * d];
        this.labels = new int[n];
        for (int i = 0; i < n; i++) {
            float[] e = heldOut.example(i);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = e[j];
            }
            labels[i] = heldOut.hasLabels() ? heldOut.label(i) : -1;
        }
        this.shape = shape.clone();
        this.settings = settings;
        this.seed = seed;
        this.prior = priorFor(settings, labels, n, seed);
        this.width = TwoSampleTest.medianDistance(prior, settings.code());
    }

    /** n prior draws standing for the held-out examples (each from its label's part when label-conditioned). */
    static double[] priorFor(AaeSettings s, int[] labels, int n, long seed) {
        double[] z = new double[n * s.code()];
        boolean byLabel = s.supervised() && labels.length > 0 && labels[0] >= 0;
        s.prior().sample(n, s.code(), byLabel ? labels : null, new Random(seed + 41), z);
        return z;
    }

    @Override
    public Evaluation evaluate(Trainer trainer) {
        AaeTrainer t = (AaeTrainer) trainer;
        double[] codes = t.encode(x, n);
        float[] rec = t.decode(codes, n);
        double[] r = new double[rec.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = rec[i];
        }
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        values.put(Metric.HELD_OUT_RECONSTRUCTION, AaeLosses.reconstruction(r, x, n, new double[r.length]));
        int m = Math.min(COMPARED, n);
        int c = settings.code();
        values.put(Metric.CODE_PRIOR_MMD, TwoSampleTest.mmd2(java.util.Arrays.copyOf(codes, m * c),
                java.util.Arrays.copyOf(prior, m * c), c, width));
        return new Evaluation(trainer.iteration(), values);
    }

    @Override
    public ReconstructionView view(Trainer trainer) {
        AaeTrainer t = (AaeTrainer) trainer;
        int d = x.length / n;
        int c = settings.code();
        int shown = Math.min(ReconstructionViews.SHOWN, n);
        double[] codes = t.encode(x, n);
        float[] in = new float[shown * d];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) x[i];
        }
        float[] rec = t.decode(java.util.Arrays.copyOf(codes, shown * c), shown);
        int k = ReconstructionViews.SAMPLES;
        int[] rows = new int[k];
        for (int i = 0; i < k; i++) {
            rows[i] = (i / 8) % AaePrior.COMPONENTS; // one part of the prior per row of eight when conditioned
        }
        double[] z = new double[k * c];
        settings.prior().sample(k, c, settings.supervised() ? rows : null, new Random(seed + 43), z);
        float[] samples = t.decode(z, k);
        double[] spread = new double[c];
        for (int j = 0; j < c; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                mean += codes[i * c + j] / n;
                sq += codes[i * c + j] * codes[i * c + j] / n;
            }
            spread[j] = Math.sqrt(Math.max(0, sq - mean * mean));
        }
        float[] points = null;
        float[] priorPoints = null;
        int[] pointLabels = null;
        if (c == 2) {
            points = new float[2 * n];
            priorPoints = new float[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                points[i] = (float) codes[i];
                priorPoints[i] = (float) prior[i];
            }
            pointLabels = labels.clone();
        }
        String conditioned = settings.supervised() ? ", row r from part r of the prior" : "";
        ReconstructionView.Captions captions = new ReconstructionView.Captions(
                "reconstructions: decoder(encoder(x)), held-out",
                "encoder filters: each first-layer unit's weights on the pixels",
                "decoded prior draws (" + settings.prior().describe() + conditioned + ")");
        return new ReconstructionView(new Images(shown, shape, in), null, new Images(shown, shape, rec),
                filters(t), new Images(k, shape, clip(samples)), spread, Double.NaN,
                "standard deviation of each code dimension (held-out)", "standard deviation of the code", points,
                pointLabels, null, captions).withPriorPoints(priorPoints);
    }

    /** The encoder's first-layer weights, one image per unit, scaled to [0, 1] around 0.5. */
    private Images filters(AaeTrainer t) {
        double[] w = Host.doubles(t.encoder().getParam("0_W"));
        int d = x.length / n;
        int units = w.length / d;
        int shown = Math.min(ReconstructionViews.FILTERS, units);
        float[] f = new float[shown * d];
        for (int u = 0; u < shown; u++) {
            double max = 1e-12;
            for (int j = 0; j < d; j++) {
                max = Math.max(max, Math.abs(w[j * units + u]));
            }
            for (int j = 0; j < d; j++) {
                f[u * d + j] = (float) (0.5 + 0.5 * w[j * units + u] / max);
            }
        }
        return new Images(shown, shape, f);
    }

    private static float[] clip(float[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0f, Math.min(1f, v[i]));
        }
        return v;
    }

    @Override
    public void write(ReconstructionView view, Path png) {
        ReconstructionSamples.write(view, png);
    }
}
