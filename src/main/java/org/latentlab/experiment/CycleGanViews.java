package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.UnpairedDomains;
import org.latentlab.train.Evaluation;
import org.latentlab.train.Metric;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.ReconstructionView.Images;
import org.latentlab.train.Trainer;
import org.latentlab.train.cyclegan.CycleGanTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The bench's pictures and the held-out measurements of a CycleGAN, made on the training thread from the fixed
 * held-out examples of both domains: the cycle errors {@code mean |F(G(a)) − a|} and {@code mean |G(F(b)) − b|} per
 * value, how far G's images lie from B (the mean distance from G(a) to the nearest held-out b, beside the same for each
 * held-out b to the nearest other, its floor). Points are drawn with arrows to their images ({@link CycleGanPicture});
 * images as rows a, G(a), F(G(a)), then b and F(b).
 */
final class CycleGanViews implements FamilyViews<Trainer, ReconstructionView> {

    static final ReconstructionView.Captions IMAGE_CAPTIONS = new ReconstructionView.Captions(
            "the cycle F(G(a)): back to domain A", "no filters",
            "b of domain B (first row) and their images F(b) in A (second row)", "their images G(a) in domain B");
    static final ReconstructionView.Captions POINT_CAPTIONS = new ReconstructionView.Captions(
            "the cycle F(G(a))", "no filters", "no samples", null);
    /** Images shown in a row. */
    static final int SHOWN = 16;
    /** Points of each domain in the picture. */
    static final int POINTS = 300;
    /** Held-out examples the distances are measured on. */
    static final int MEASURED = 500;

    private final float[][] heldOutA;
    private final float[][] heldOutB;
    private final int[] shape;
    private final double floor;

    CycleGanViews(UnpairedDomains domains) {
        this.heldOutA = domains.heldOutA();
        this.heldOutB = domains.heldOutB();
        this.shape = domains.shape();
        this.floor = nearestOther(heldOutB, Math.min(MEASURED, heldOutB.length));
    }

    @Override
    public Evaluation evaluate(Trainer trainer) {
        CycleGanTrainer t = (CycleGanTrainer) trainer;
        float[] a = flat(heldOutA, heldOutA.length);
        float[] b = flat(heldOutB, heldOutB.length);
        float[] gA = apply(t.generator(), a, heldOutA.length);
        float[] fgA = apply(t.inverse(), gA, heldOutA.length);
        float[] fB = apply(t.inverse(), b, heldOutB.length);
        float[] gfB = apply(t.generator(), fB, heldOutB.length);
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        values.put(Metric.CYCLE_ERROR_A, meanAbsolute(fgA, a));
        values.put(Metric.CYCLE_ERROR_B, meanAbsolute(gfB, b));
        values.put(Metric.TRANSLATION_TO_B, nearest(gA, heldOutB, Math.min(MEASURED, heldOutA.length),
                Math.min(MEASURED, heldOutB.length)));
        values.put(Metric.B_TO_NEAREST_B, floor);
        return new Evaluation(trainer.iteration(), values);
    }

    @Override
    public ReconstructionView view(Trainer trainer) {
        CycleGanTrainer t = (CycleGanTrainer) trainer;
        boolean points = shape.length == 1;
        int nA = Math.min(points ? POINTS : SHOWN, heldOutA.length);
        int nB = Math.min(points ? POINTS : SHOWN, heldOutB.length);
        float[] a = flat(heldOutA, nA);
        float[] b = flat(heldOutB, nB);
        float[] gA = apply(t.generator(), a, nA);
        float[] fgA = apply(t.inverse(), gA, nA);
        float[] fB = apply(t.inverse(), b, nB);
        float[] gfB = apply(t.generator(), fB, nB);
        double[] errors = perExampleError(fgA, a, nA);
        String title = "cycle error |F(G(a)) − a| of " + nA + " held-out a";
        String axis = "mean |F(G(a)) − a| per value";
        if (points) {
            return new ReconstructionView(new Images(nA, shape, a), null, new Images(nA, shape, fgA), null, null,
                    errors, Double.NaN, title, axis, null, null, null, POINT_CAPTIONS)
                    .withTranslation(new ReconstructionView.Translation(a, gA, fgA, b, fB, gfB));
        }
        float[] samples = new float[2 * b.length];
        System.arraycopy(b, 0, samples, 0, b.length);
        System.arraycopy(fB, 0, samples, b.length, fB.length);
        return new ReconstructionView(new Images(nA, shape, unit(a)), new Images(nA, shape, unit(gA)),
                new Images(nA, shape, unit(fgA)), null, new Images(2 * nB, shape, unit(samples)), errors, Double.NaN,
                title, axis, null, null, null, IMAGE_CAPTIONS);
    }

    @Override
    public void write(ReconstructionView view, Path png) {
        PngFiles.write(CycleGanPicture.picture(view), png);
    }

    /** {@code net}'s inference output for {@code n} flat examples. */
    static float[] apply(MultiLayerNetwork net, float[] x, int n) {
        INDArray in = Nd4j.create(x, new long[] {n, x.length / n}, 'c').castTo(net.params().dataType());
        return net.output(in, false).reshape(n, x.length / n).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)
                .data().asFloat();
    }

    static float[] flat(float[][] examples, int n) {
        int d = examples[0].length;
        float[] out = new float[n * d];
        for (int k = 0; k < n; k++) {
            System.arraycopy(examples[k], 0, out, k * d, d);
        }
        return out;
    }

    /** [-1, 1] to [0, 1] for pictures. */
    private static float[] unit(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.max(0f, Math.min(1f, (v[i] + 1f) / 2f));
        }
        return out;
    }

    static double meanAbsolute(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.abs(x[i] - y[i]);
        }
        return s / x.length;
    }

    private static double[] perExampleError(float[] x, float[] y, int n) {
        int d = x.length / n;
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < d; j++) {
                e[k] += Math.abs(x[k * d + j] - y[k * d + j]) / d;
            }
        }
        return e;
    }

    /** Mean over the first {@code n} rows of {@code points} of the distance to the nearest of {@code m} targets. */
    static double nearest(float[] points, float[][] targets, int n, int m) {
        int d = targets[0].length;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < m; j++) {
                best = Math.min(best, squared(points, k * d, targets[j], best));
            }
            sum += Math.sqrt(best);
        }
        return sum / n;
    }

    /** Mean over the first {@code m} examples of the distance to the nearest other one of them. */
    static double nearestOther(float[][] examples, int m) {
        double sum = 0;
        for (int k = 0; k < m; k++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < m; j++) {
                if (j != k) {
                    best = Math.min(best, squared(examples[k], 0, examples[j], best));
                }
            }
            sum += Math.sqrt(best);
        }
        return sum / m;
    }

    private static double squared(float[] x, int at, float[] y, double stopAbove) {
        double s = 0;
        for (int i = 0; i < y.length && s < stopAbove; i++) {
            double t = x[at + i] - y[i];
            s += t * t;
        }
        return s;
    }
}
