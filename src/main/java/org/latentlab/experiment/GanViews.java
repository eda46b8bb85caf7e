package org.latentlab.experiment;

import org.latentlab.data.CsvPoints;
import org.latentlab.data.DataSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.metrics.Diversity;
import org.latentlab.metrics.ModeCoverage;
import org.latentlab.metrics.ModeCoverageResult;
import org.latentlab.train.Evaluation;
import org.latentlab.train.Metric;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.GanView;
import org.latentlab.train.Host;
import org.latentlab.train.Latent;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes the dashboard's views and the run's measurements from a trainer, on the training thread. Codes and real
 * points are drawn once from the experiment's seed, so the same cell or point shows how one code evolves.
 */
public final class GanViews implements FamilyViews<GanTrainer, GanView> {

    public static final int VIEW_POINTS = 600;
    public static final int HEAT_RES = 64;
    public static final int WARP_RES = 21;
    public static final int ARROWS = 150;
    public static final int GRID_IMAGES = 64;
    /** A conditional GAN's grid: this many samples of each class, one row per class. */
    public static final int PER_CLASS = 8;
    /** An energy-based GAN's reconstructions picture: this many real and as many generated examples. */
    public static final int RECONSTRUCTED = 8;

    private final DataSource data;
    private final boolean points;
    private final double[] bounds;
    private final float[] real;
    private final INDArray viewZ;
    /** InfoGAN's codes for the diversity (its view codes are a sweep), or null: the view codes. */
    private final INDArray diversityZ;
    private final INDArray evalZ;
    private final INDArray heatGrid;
    private final INDArray warpZ;
    private final double realDiversity;
    /** D* and the divergences, for data whose density is known (toy mixtures); else null. */
    private final GanTheory theory;
    /** The first {@link GanTheory#W1_POINTS} real view points, for the critic's estimate of W1. */
    private final INDArray realForW1;
    /** A conditional GAN's label of each view code (one per row of the image grid), or empty. */
    private final int[] viewLabels;
    private final List<String> rowLabels;
    private final int nView;
    /** A BiGAN's encoder views (held-out reconstructions), or null. */
    private BiganViews encoderViews;
    private GanTheory.Densities lastDensities;
    private long lastDensitiesState = -1;
    private ModeCoverageResult lastCoverage;
    private long lastCoverageState = -1;

    public GanViews(GanTrainer trainer, long seed) {
        this.data = trainer.data();
        this.points = data.dimension() == 2;
        DataType dt = trainer.generator().params().dataType();
        int latent = trainer.latentDim();
        Random r = new Random(seed ^ 0x5DEECE66DL);
        var conditional = trainer.conditional();
        var info = trainer.infoGan().map(org.latentlab.train.InfoGanHead::codes);
        int classes = conditional.map(c -> c.classes()).orElse(info.map(c -> c.categorical()).orElse(0));
        nView = points ? VIEW_POINTS : classes > 0 ? classes * PER_CLASS : GRID_IMAGES;
        real = new float[nView * data.dimension()];
        data.sample(nView, r, real);
        INDArray z = Latent.gaussian(nView, latent, r, dt);
        INDArray ze = points ? Latent.gaussian(ModeCoverage.STANDARD_SAMPLE_COUNT, latent, r, dt) : null;
        if (info.isPresent()) {
            // InfoGAN: the categorical code in turn (points) or one row per value (images), as the cGAN's labels
            viewLabels = InfoGanViews.rowsOrTurns(nView, classes, points ? 0 : PER_CLASS);
            // images: the code sweep of figure 2 (rows the categorical values, columns c1 from −2 to 2); the
            // diversity is measured on codes drawn from the prior, as for every other GAN
            diversityZ = points ? null : InfoGanViews.withCodes(info.get(), z, viewLabels, r);
            z = points || info.get().continuous() == 0 ? InfoGanViews.withCodes(info.get(), z, viewLabels, r)
                    : InfoGanViews.sweepCodes(info.get(), 0, PER_CLASS, z.getRow(0, true));
            ze = ze == null ? null : InfoGanViews.withCodes(info.get(), ze, cyclic((int) ze.rows(), classes), r);
            rowLabels = points ? List.of() : InfoGanViews.rowNames(classes);
        } else if (conditional.isPresent()) {
            diversityZ = null;
            // points: labels in turn; images: row k holds PER_CLASS samples of class k
            viewLabels = new int[nView];
            for (int i = 0; i < nView; i++) {
                viewLabels[i] = points ? i % classes : i / PER_CLASS;
            }
            z = conditional.get().codes(z, viewLabels);
            ze = ze == null ? null : conditional.get().codes(ze, cyclic((int) ze.rows(), classes));
            rowLabels = points ? List.of() : java.util.stream.IntStream.range(0, classes)
                    .mapToObj(k -> conditional.get().labelName(k)).toList();
        } else {
            diversityZ = null;
            viewLabels = new int[0];
            rowLabels = List.of();
        }
        viewZ = z;
        evalZ = ze;
        if (points) {
            bounds = boundsOf(data, real);
            double[] grid = new double[HEAT_RES * HEAT_RES * 2];
            for (int row = 0; row < HEAT_RES; row++) {
                for (int col = 0; col < HEAT_RES; col++) {
                    int i = row * HEAT_RES + col;
                    grid[2 * i] = bounds[0] + (bounds[1] - bounds[0]) * (col + 0.5) / HEAT_RES;
                    grid[2 * i + 1] = bounds[3] - (bounds[3] - bounds[2]) * (row + 0.5) / HEAT_RES;
                }
            }
            heatGrid = Nd4j.create(grid, new long[] {HEAT_RES * HEAT_RES, 2}, dt);
            warpZ = latent == 2 && conditional.isEmpty() && info.isEmpty() ? Latent.grid(WARP_RES, 2.5, dt) : null;
            realDiversity = Double.NaN;
            theory = GanTheory.applies(data) ? new GanTheory((ToyDistribution) data, bounds, HEAT_RES) : null;
            int w = Math.min(GanTheory.W1_POINTS, nView);
            realForW1 = Nd4j.createFromArray(java.util.Arrays.copyOf(real, 2 * w)).reshape(w, 2).castTo(dt);
        } else {
            theory = null;
            realForW1 = null;
            bounds = null;
            heatGrid = null;
            warpZ = null;
            realDiversity = Diversity.meanPairwiseDistance(real, nView, data.dimension());
        }
    }

    /** Measures a BiGAN's held-out reconstruction error with the evaluations from here on. */
    void attach(BiganViews views) {
        encoderViews = views;
    }

    public boolean isPoints() {
        return points;
    }

    /** The metrics of the current generator: mode coverage for mixtures, diversity for images. */
    @Override
    public Evaluation evaluate(GanTrainer trainer) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        if (points) {
            if (data instanceof ToyDistribution toy && toy.isMixture()) {
                ModeCoverageResult c = coverage(trainer, toy);
                values.put(Metric.MODES_COVERED, (double) c.modesCovered());
                values.put(Metric.HIGH_QUALITY_FRACTION, c.highQualityFraction());
                values.put(Metric.REVERSE_KL, c.reverseKl());
            }
            if (theory != null) {
                measureTheory(trainer, values);
            }
        } else {
            float[] fake = Host.floats(trainer.generate(diversityZ != null ? diversityZ : viewZ));
            values.put(Metric.DIVERSITY, Diversity.meanPairwiseDistance(fake, nView, data.dimension()));
            values.put(Metric.DIVERSITY_REAL, realDiversity);
        }
        if (encoderViews != null) {
            values.put(Metric.HELD_OUT_MSE, encoderViews.heldOutMse(trainer));
        }
        return new Evaluation(trainer.iteration(), values);
    }

    /** The divergences between the data and G now, on the view's real points and codes. */
    private void measureTheory(GanTrainer trainer, Map<Metric, Double> values) {
        INDArray fakeArr = trainer.generate(viewZ);
        float[] fake = Host.floats(fakeArr);
        GanLoss loss = trainer.settings().loss();
        double realMean = Double.NaN;
        double fakeMean = Double.NaN;
        if (GanTheory.isWasserstein(loss)) {
            INDArray someFake = fakeArr.get(NDArrayIndex.interval(0, realForW1.rows()), NDArrayIndex.all()).dup();
            realMean = trainer.score(realForW1).meanNumber().doubleValue();
            fakeMean = trainer.score(someFake).meanNumber().doubleValue();
        }
        if (allFinite(fake)) {
            theory.measure(values, densities(trainer, fake), real, fake, loss, realMean, fakeMean);
        }
    }

    /** The grid densities of G's view samples; made once per state (evaluate and view both need them). */
    private GanTheory.Densities densities(GanTrainer trainer, float[] fake) {
        long state = trainer.discriminatorUpdates() + trainer.generatorUpdates();
        if (lastDensities == null || state != lastDensitiesState) {
            lastDensities = theory.densities(fake, VIEW_POINTS);
            lastDensitiesState = state;
        }
        return lastDensities;
    }

    /** Coverage of the current generator; measured once per state (evaluate and view both need it). */
    private ModeCoverageResult coverage(GanTrainer trainer, ToyDistribution toy) {
        long state = trainer.discriminatorUpdates() + trainer.generatorUpdates();
        if (lastCoverage == null || state != lastCoverageState) {
            float[] samples = Host.floats(trainer.generate(evalZ));
            lastCoverage = ModeCoverage.evaluate(samples, toy.modes(), toy.sigma());
            lastCoverageState = state;
        }
        return lastCoverage;
    }

    @Override
    public GanView view(GanTrainer trainer) {
        if (!points) {
            INDArray generated = trainer.generate(viewZ);
            float[] fake = Host.floats(generated);
            int[] shape = data.shape();
            GanView.Images reconstructions = trainer.energy().isEmpty() ? null
                    : reconstructions(trainer, fake, shape);
            toUnit(fake);
            return new GanView.Images(trainer.iteration(), fake, nView, shape[0], shape[1], shape[2], rowLabels,
                    reconstructions);
        }
        INDArray fakeArr = trainer.generate(viewZ);
        float[] fake = Host.floats(fakeArr);
        boolean prob = trainer.settings().loss().displaysProbability();
        double[] scores = trainer.score(heatGrid).toDoubleVector();
        float[] heat = new float[scores.length];
        boolean energy = trainer.energy().isPresent();
        for (int i = 0; i < scores.length; i++) {
            // an energy is low where D judges real: its negative, so that green means real as for the scores
            heat[i] = (float) (energy ? -scores[i] : trainer.settings().loss().displayScore(scores[i]));
        }
        float[] warp = warpZ == null ? null : Host.floats(trainer.generate(warpZ));
        INDArray some = fakeArr.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, ARROWS),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
        // a conditional G's arrows would need each point's label in D's gradient field: not drawn
        // nor a BiGAN's: D's gradient field lives on (x, z) pairs
        float[] arrows = viewLabels.length > 0 || trainer.bigan().isPresent() ? null
                : Host.floats(trainer.generatorLossInputGradient(some).neg());
        float[] modes = new float[0];
        boolean[] covered = new boolean[0];
        double sigma = 0;
        if (data instanceof ToyDistribution toy && toy.isMixture()) {
            List<double[]> m = toy.modes();
            modes = new float[m.size() * 2];
            for (int i = 0; i < m.size(); i++) {
                modes[2 * i] = (float) m.get(i)[0];
                modes[2 * i + 1] = (float) m.get(i)[1];
            }
            ModeCoverageResult c = coverage(trainer, toy);
            covered = new boolean[m.size()];
            int[] hq = c.highQualityPerMode();
            for (int i = 0; i < covered.length; i++) {
                covered[i] = hq[i] > 0;
            }
            sigma = toy.sigma();
        }
        GanView.Optimal optimal = null;
        if (theory != null && allFinite(fake)) {
            optimal = theory.optimal(densities(trainer, fake), prob ? heat : null);
        }
        return new GanView.Points(trainer.iteration(), bounds.clone(), real, fake, heat, HEAT_RES, prob, warp,
                warp == null ? 0 : WARP_RES, arrows, modes, covered, sigma, optimal, viewLabels.clone());
    }

    /**
     * An energy-based D's reconstructions (Zhao et al. 2017): {@link #RECONSTRUCTED} real view examples, their
     * reconstructions D(x), as many of G's view samples and theirs, one row each, in inference mode.
     */
    private GanView.Images reconstructions(GanTrainer trainer, float[] fake, int[] shape) {
        int d = data.dimension();
        int k = Math.min(RECONSTRUCTED, nView);
        float[] pixels = new float[4 * k * d];
        DataType dt = trainer.generator().params().dataType();
        INDArray x = Nd4j.createFromArray(java.util.Arrays.copyOf(real, k * d)).reshape(k, d).castTo(dt);
        INDArray g = Nd4j.createFromArray(java.util.Arrays.copyOf(fake, k * d)).reshape(k, d).castTo(dt);
        float[][] rows = {Host.floats(x), Host.floats(trainer.discriminator().output(x, false)), Host.floats(g),
                Host.floats(trainer.discriminator().output(g, false))};
        for (int r = 0; r < 4; r++) {
            System.arraycopy(rows[r], 0, pixels, r * k * d, k * d);
        }
        toUnit(pixels);
        return new GanView.Images(trainer.iteration(), pixels, 4 * k, shape[0], shape[1], shape[2],
                List.of("x", "D(x)", "G(z)", "D(G(z))"));
    }

    /** Pixels from [-1, 1] to [0, 1], clipped. */
    private static void toUnit(float[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0f, Math.min(1f, (v[i] + 1f) / 2f));
        }
    }

    /** 0, 1, .., K−1, 0, 1, .. (n labels). */
    private static int[] cyclic(int n, int classes) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
        }
        return labels;
    }

    private static boolean allFinite(float[] a) {
        for (float v : a) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double[] boundsOf(DataSource data, float[] real) {
        if (data instanceof ToyDistribution toy) {
            return toy.viewBounds();
        }
        if (data instanceof CsvPoints csv) {
            return csv.viewBounds();
        }
        double xmin = Double.MAX_VALUE;
        double xmax = -Double.MAX_VALUE;
        double ymin = Double.MAX_VALUE;
        double ymax = -Double.MAX_VALUE;
        for (int i = 0; i < real.length; i += 2) {
            xmin = Math.min(xmin, real[i]);
            xmax = Math.max(xmax, real[i]);
            ymin = Math.min(ymin, real[i + 1]);
            ymax = Math.max(ymax, real[i + 1]);
        }
        double mx = 0.15 * (xmax - xmin) + 1e-3;
        double my = 0.15 * (ymax - ymin) + 1e-3;
        return new double[] {xmin - mx, xmax + mx, ymin - my, ymax + my};
    }

    @Override
    public void write(GanView view, java.nio.file.Path png) {
        SampleImages.write(view, png);
    }
}
