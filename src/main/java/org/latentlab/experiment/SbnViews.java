package org.latentlab.experiment;

import org.latentlab.data.ExampleSet;
import org.latentlab.train.Evaluation;
import org.latentlab.train.Metric;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.ReconstructionView.Images;
import org.latentlab.train.Trainer;
import org.latentlab.train.sbn.Bernoulli;
import org.latentlab.train.sbn.SbnTrainer;
import org.latentlab.train.sbn.SigmoidBeliefNet;
import org.latentlab.train.sbn.WakeSleepStatus;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * The bench's pictures and the held-out measurements of a sigmoid belief net, made on the training thread from the
 * held-out images binarised once (so successive pictures and bounds see the same binary images): the bound and its
 * reconstruction part as the wake-sleep study measures them ({@link SbnTrainer#measureHeldOut}), reconstructions
 * {@code p(x | h_1)} with {@code h_1} sampled by the recognition net, the first layer's generative filters, dreams
 * of the generative net, and the top layer's mean recognition probabilities.
 */
final class SbnViews implements FamilyViews<Trainer, ReconstructionView> {

    static final ReconstructionView.Captions CAPTIONS = new ReconstructionView.Captions(
            "reconstructions p(x | h₁), h₁ sampled bottom-up by the recognition net",
            "generative filters: each layer-1 unit's weights G₁ down to the pixels",
            "samples of the generative net: dreams top-down, shown as p(x | h₁)");

    private final double[][] heldOut;
    private final int[] shape;
    private final long seed;

    SbnViews(ExampleSet heldOutSet, int[] shape, long seed) {
        this.heldOut = SbnTrainer.binarise(heldOutSet, ReconstructionViews.EVAL, seed);
        this.shape = shape.clone();
        this.seed = seed;
    }

    /** The bound and reconstruction on the held-out images now (the numbers of a metrics row). */
    WakeSleepStatus.Point measure(SbnTrainer trainer) {
        return trainer.measureHeldOut(heldOut);
    }

    @Override
    public Evaluation evaluate(Trainer trainer) {
        WakeSleepStatus.Point p = measure((SbnTrainer) trainer);
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        values.put(Metric.HELD_OUT_NEGATIVE_BOUND, -p.bound());
        values.put(Metric.HELD_OUT_RECONSTRUCTION, p.reconstruction());
        return new Evaluation(trainer.iteration(), values);
    }

    @Override
    public ReconstructionView view(Trainer trainer) {
        SigmoidBeliefNet net = ((SbnTrainer) trainer).net();
        int dim = net.size(0);
        int n = Math.min(ReconstructionViews.SHOWN, heldOut.length);
        float[] in = new float[n * dim];
        float[] rec = new float[n * dim];
        Random r = new Random(seed + 2);
        for (int k = 0; k < n; k++) {
            double[][] s = net.recognise(heldOut[k], r);
            copy(heldOut[k], in, k * dim);
            copy(net.generativeProbabilities(0, s[1]), rec, k * dim);
        }
        int units = Math.min(ReconstructionViews.FILTERS, net.size(1));
        float[] filters = new float[units * dim];
        double[] g = net.generativeWeights(1);
        for (int u = 0; u < units; u++) {
            double max = 1e-12;
            for (int j = 0; j < dim; j++) {
                max = Math.max(max, Math.abs(g[u * dim + j]));
            }
            for (int j = 0; j < dim; j++) {
                filters[u * dim + j] = (float) (0.5 + 0.5 * g[u * dim + j] / max);
            }
        }
        Random d = new Random(seed + 3);
        float[] samples = new float[ReconstructionViews.SAMPLES * dim];
        for (int k = 0; k < ReconstructionViews.SAMPLES; k++) {
            copy(net.generativeProbabilities(0, net.dream(d)[1]), samples, k * dim);
        }
        return new ReconstructionView(new Images(n, shape, in), null, new Images(n, shape, rec),
                new Images(units, shape, filters), new Images(ReconstructionViews.SAMPLES, shape, samples),
                topActivity(net), Double.NaN, "mean q(h=1|x) of the top layer's " + net.size(net.top())
                + " units (held-out)", "mean q(h=1|x), units sampled bottom-up (held-out)", null, null, null,
                CAPTIONS);
    }

    /** For each unit of the top layer, its recognition probability averaged over the held-out images. */
    private double[] topActivity(SigmoidBeliefNet net) {
        int top = net.top();
        double[] mean = new double[net.size(top)];
        Random r = new Random(seed + 4);
        for (double[] x : heldOut) {
            double[] below = x;
            for (int l = 1; l < top; l++) {
                below = Bernoulli.sample(net.recognitionProbabilities(l, below), r);
            }
            double[] q = net.recognitionProbabilities(top, below);
            for (int i = 0; i < q.length; i++) {
                mean[i] += q[i] / heldOut.length;
            }
        }
        return mean;
    }

    private static void copy(double[] from, float[] to, int at) {
        for (int j = 0; j < from.length; j++) {
            to[at + j] = (float) from[j];
        }
    }

    @Override
    public void write(ReconstructionView view, Path png) {
        ReconstructionSamples.write(view, png);
    }
}
