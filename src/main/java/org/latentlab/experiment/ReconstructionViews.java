package org.latentlab.experiment;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.train.Host;
import org.latentlab.train.Evaluation;
import org.latentlab.train.Metric;
import org.latentlab.train.Latent;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.ReconstructionView.Images;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.ae.SparsityPenalty;
import org.latentlab.train.rbm.DbnSampler;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * The dashboard's pictures and the held-out measurements of an autoencoder, VAE or RBM, made on the training thread
 * from a fixed held-out set (so successive pictures show the same examples).
 */
final class ReconstructionViews implements FamilyViews<Trainer, ReconstructionView> {

    static final int SHOWN = 10;
    static final int FILTERS = 64;
    static final int SAMPLES = 64;
    static final int SCATTER = 1000;
    static final int EVAL = 1000;
    static final int GIBBS_STEPS = 50;

    private final float[] heldOut;
    private final int[] labels;
    private final int count;
    private final int dim;
    private final int[] shape;
    private final long seed;

    ReconstructionViews(DataSource train, ExampleSet heldOutSet, long seed) {
        this.seed = seed;
        this.shape = train.shape();
        this.dim = train.dimension();
        if (heldOutSet != null) {
            count = Math.min(EVAL, heldOutSet.size());
            heldOut = new float[count * dim];
            labels = new int[count];
            for (int i = 0; i < count; i++) {
                System.arraycopy(heldOutSet.example(i), 0, heldOut, i * dim, dim);
                labels[i] = heldOutSet.label(i);
            }
        } else {
            count = EVAL;
            heldOut = new float[count * dim];
            train.sample(count, new Random(seed ^ 0x5DEECE66DL), heldOut);
            labels = new int[count];
            java.util.Arrays.fill(labels, -1);
        }
    }

    private INDArray batch(int n, org.nd4j.linalg.api.buffer.DataType type) {
        float[] b = java.util.Arrays.copyOf(heldOut, n * dim);
        return Nd4j.create(b, new long[] {n, dim}).castTo(type);
    }

    private boolean images() {
        return shape.length == 3;
    }

    /** How many held-out examples the pictures show: a row of images, or a cloud of 2-D points. */
    private int shown() {
        return images() ? Math.min(SHOWN, count) : Math.min(500, count);
    }

    @Override
    public ReconstructionView view(Trainer trainer) {
        if (trainer instanceof AutoencoderTrainer t) {
            return autoencoderView(t);
        }
        return rbmView((RbmTrainer) trainer);
    }

    @Override
    public Evaluation evaluate(Trainer trainer) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        if (trainer instanceof AutoencoderTrainer t) {
            INDArray x = batch(count, t.dataType());
            Map<String, Double> clean = t.evaluate(x, false, seed);
            for (Map.Entry<String, Double> e : clean.entrySet()) {
                values.put(Metric.heldOut(e.getKey()), e.getValue());
            }
            AutoencoderSettings s = t.settings();
            if (s.corruption() != AutoencoderSettings.Corruption.NONE) {
                values.put(Metric.HELD_OUT_CORRUPTED_RECONSTRUCTION,
                        t.evaluate(x, true, seed).get("reconstruction"));
            }
            if (t.kind() == AutoencoderTrainer.Kind.AUTOENCODER) {
                double[] mean = SparsityPenalty.meanActivation(Host.doubles(t.encode(x)), count,
                        t.codeDim());
                double avg = 0;
                for (double m : mean) {
                    avg += m / mean.length;
                }
                values.put(Metric.MEAN_CODE_ACTIVATION, avg);
            }
        } else {
            RbmTrainer r = (RbmTrainer) trainer;
            INDArray x = batch(count, r.dataType());
            values.put(Metric.HELD_OUT_RECONSTRUCTION, r.rbm(0).reconstructionError(x));
            values.put(Metric.HELD_OUT_FREE_ENERGY, r.rbm(0).freeEnergy(x).meanNumber().doubleValue());
            values.put(Metric.NOISE_FREE_ENERGY, r.noiseFreeEnergy(count));
        }
        return new Evaluation(trainer.iteration(), values);
    }

    private ReconstructionView autoencoderView(AutoencoderTrainer t) {
        int n = shown();
        INDArray x = batch(n, t.dataType());
        Images inputs = new Images(n, shape, Host.floats(x));
        Images corrupted = null;
        if (t.settings().corruption() != AutoencoderSettings.Corruption.NONE) {
            t.evaluate(x, true, seed); // re-seeds the trainer's generator; the corruption below is then fixed
            INDArray c = t.corrupt(x);
            corrupted = new Images(n, shape, clip(Host.floats(c)));
        }
        Images recon = new Images(n, shape, clip(Host.floats(t.reconstruct(x))));
        INDArray all = batch(count, t.dataType());
        INDArray codes = t.encode(all);
        double[] activity;
        String activityTitle;
        String activityAxis;
        double target = Double.NaN;
        if (t.kind() == AutoencoderTrainer.Kind.VAE) {
            activity = klPerDimension(t, all);
            activityTitle = "KL per latent dimension (nats); near 0 = unused";
            activityAxis = "KL(q(z_j|x) ‖ N(0, 1)) per dimension (nats)";
        } else {
            activity = SparsityPenalty.meanActivation(Host.doubles(codes), count, t.codeDim());
            activityTitle = "mean activation of each code unit (held-out)";
            activityAxis = "mean activation (held-out)";
            if (t.settings().penalty() == AutoencoderSettings.Penalty.SPARSE_KL) {
                target = t.settings().sparsityTarget();
            }
        }
        float[] points = null;
        int[] pointLabels = null;
        if (t.codeDim() == 2) {
            points = Host.floats(codes);
            pointLabels = labels.clone();
        }
        Images samples = null;
        if (t.kind() == AutoencoderTrainer.Kind.VAE && images()) {
            INDArray z = Latent.gaussian(SAMPLES, t.codeDim(), new Random(seed + 17), t.dataType());
            samples = new Images(SAMPLES, shape, clip(Host.floats(t.decode(z))));
        }
        return new ReconstructionView(inputs, corrupted, recon, filters(t.encoder()), samples, activity, target,
                activityTitle, activityAxis, points, pointLabels);
    }

    private double[] klPerDimension(AutoencoderTrainer t, INDArray x) {
        double[] e = t.encoderOutput(x);
        int k = t.codeDim();
        double[] kl = new double[k];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < k; j++) {
                double mu = e[i * 2 * k + j];
                double lv = e[i * 2 * k + k + j];
                kl[j] += 0.5 * (mu * mu + Math.exp(lv) - 1 - lv) / count;
            }
        }
        return kl;
    }

    /** First-layer weights as images: a dense layer's columns, or a convolution's kernels (first channel). */
    private Images filters(MultiLayerNetwork encoder) {
        if (!images() || encoder.getnLayers() == 0) {
            return null;
        }
        Object conf = encoder.getLayer(0).conf().getLayer();
        INDArray w = encoder.getParam("0_W");
        if (conf instanceof DenseLayer && w.rows() == dim) {
            int units = (int) Math.min(FILTERS, w.columns());
            float[] out = new float[units * dim];
            for (int u = 0; u < units; u++) {
                float[] col = Host.floats(w.getColumn(u));
                normalise(col);
                System.arraycopy(col, 0, out, u * dim, dim);
            }
            return new Images(units, shape, out);
        }
        if (conf instanceof ConvolutionLayer && w.rank() == 4) {
            int units = (int) Math.min(FILTERS, w.size(0));
            int kh = (int) w.size(2);
            int kw = (int) w.size(3);
            float[] out = new float[units * kh * kw];
            // the whole [out, in, kh, kw] tensor copied once, in 'c' order: kernel (u, 0) starts at u * in * kh * kw
            float[] all = Host.floats(w.dup('c'));
            long perUnit = w.size(1) * kh * kw;
            for (int u = 0; u < units; u++) {
                float[] k = java.util.Arrays.copyOfRange(all, (int) (u * perUnit), (int) (u * perUnit) + kh * kw);
                normalise(k);
                System.arraycopy(k, 0, out, u * kh * kw, kh * kw);
            }
            return new Images(units, new int[] {1, kh, kw}, out);
        }
        return null;
    }

    /**
     * The pictures of the RBM the trainer is training (or has just finished): its reconstructions carried down to
     * the pixels, its filters multiplied down to the pixels, its hidden units' activity, and the samples of the DBN
     * it tops. A single RBM's view carries no stack caption.
     */
    private ReconstructionView rbmView(RbmTrainer r) {
        int layer = r.shownLayer();
        int n = shown();
        float[] x = java.util.Arrays.copyOf(heldOut, n * dim);
        Images inputs = new Images(n, shape, x);
        Images recon = new Images(n, shape, clip(r.reconstructions(x, n, layer)));
        Images filters = null;
        Images samples = null;
        if (images()) {
            int units = Math.min(FILTERS, r.rbm(layer).hidden());
            float[] f = r.filters(units, layer);
            for (int u = 0; u < units; u++) {
                float[] one = java.util.Arrays.copyOfRange(f, u * dim, (u + 1) * dim);
                normalise(one);
                System.arraycopy(one, 0, f, u * dim, dim);
            }
            filters = new Images(units, shape, f);
            samples = new Images(SAMPLES, shape, clip(r.dbnSamples(layer + 1, SAMPLES, GIBBS_STEPS,
                    DbnSampler.DownPass.STOCHASTIC)));
        }
        double[] activity = r.hiddenActivity(heldOut, count, layer);
        ReconstructionView.StackLayer stack = stackLayer(r, layer, GIBBS_STEPS);
        return new ReconstructionView(inputs, null, recon, filters, samples, activity, Double.NaN,
                stack == null ? "mean hidden unit activation p(h=1|v) (held-out)" : stack.activityTitle(),
                "mean p(h=1|v) (held-out)", null, null, stack);
    }

    /** Which RBM of a DBN the pictures show; null for a single RBM. */
    static ReconstructionView.StackLayer stackLayer(RbmTrainer r, int layer, int gibbsSteps) {
        java.util.List<Integer> hidden = r.settings().hidden();
        if (hidden.size() < 2) {
            return null;
        }
        int[] sizes = new int[hidden.size() + 1];
        sizes[0] = r.rbm(0).visible();
        for (int i = 0; i < hidden.size(); i++) {
            sizes[i + 1] = hidden.get(i);
        }
        return new ReconstructionView.StackLayer(layer, sizes, gibbsSteps);
    }

    /** Maps a weight image to [0, 1] for display: 0.5 is zero, the largest magnitude 0 or 1. */
    private static void normalise(float[] v) {
        float max = 1e-12f;
        for (float f : v) {
            max = Math.max(max, Math.abs(f));
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.5f + 0.5f * v[i] / max;
        }
    }

    private float[] clip(float[] v) {
        if (!images()) {
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0f, Math.min(1f, v[i]));
        }
        return v;
    }

    @Override
    public void write(ReconstructionView view, java.nio.file.Path png) {
        ReconstructionSamples.write(view, png);
    }
}
