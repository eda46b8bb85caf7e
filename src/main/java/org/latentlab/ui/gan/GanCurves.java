package org.latentlab.ui.gan;

import org.latentlab.train.Evaluation;
import org.latentlab.train.Metric;
import org.jfree.data.xy.XYSeries;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.RecordedCurves;
import org.latentlab.experiment.RunCurve;
import org.latentlab.train.GanStatus;

import java.util.List;

/**
 * The GAN bench's curves, as chart data: both losses, D's outputs on real and generated data, and mode coverage (toy
 * data) or the diversity of a fixed batch (images) against its reference, and for toy mixtures the divergences
 * between the data and G (JS and both KL on the grid, W1 between samples, a WGAN critic's own estimate). Filled from statuses on the FX thread; a
 * status repeated at the same point (a pause, a requested view) replaces the point, never stacks.
 */
final class GanCurves {

    private static final int MAX_CHART_POINTS = 20_000;

    final XYSeries discriminatorLoss = series("D loss");
    final XYSeries generatorLoss = series("G loss");
    final XYSeries realScore = series("D(x)");
    final XYSeries fakeScore = series("D(G(z))");
    final XYSeries metric = series(Metric.MODES_COVERED.label());
    final XYSeries metricReference = series("reference");
    final XYSeries jensenShannon = series(Metric.JENSEN_SHANNON.label());
    final XYSeries klDataGenerator = series(Metric.KL_DATA_GENERATOR.label());
    final XYSeries klGeneratorData = series(Metric.KL_GENERATOR_DATA.label());
    final XYSeries wasserstein = series(Metric.WASSERSTEIN_1.label());
    final XYSeries criticEstimate = series(Metric.CRITIC_ESTIMATE.label());
    /** InfoGAN's lower bound ln K − CE of I(c; G(z, c)) (Chen et al. 2016, section 5). */
    final XYSeries informationBound = series("I(c; G(z,c)) ≥ ln K − CE");

    private static XYSeries series(String name) {
        XYSeries s = new XYSeries(name, true, true);
        s.setMaximumItemCount(MAX_CHART_POINTS);
        return s;
    }

    /** Empties the curves and names them for {@code spec}'s data and loss. */
    void prepare(GanExperiment spec) {
        clear();
        // as the bench's views tell them apart: 2-D points or images (bundled, a folder's, Stacked MNIST)
        boolean images = spec.generator().output().size() != 2;
        metric.setKey(images ? Metric.DIVERSITY.label() : Metric.MODES_COVERED.label());
        metricReference.setKey(images ? Metric.DIVERSITY_REAL.label() : "modes in the data");
        ScoreLabels labels = ScoreLabels.of(spec);
        realScore.setKey(labels.real());
        fakeScore.setKey(labels.fake());
    }

    /**
     * Adds the points of one status; {@code modes} is the number of modes in toy data (the reference line of mode
     * coverage), NaN for images.
     */
    void add(GanStatus s, double modes) {
        if (s.iteration() == 0 && s.partialSteps() == 0) {
            return;
        }
        double x = chartX(s);
        addIfFinite(discriminatorLoss, x, s.discriminatorLoss());
        addIfFinite(generatorLoss, x, s.generatorLoss());
        addIfFinite(realScore, x, s.realScore());
        addIfFinite(fakeScore, x, s.fakeScore());
        addIfFinite(informationBound, x, s.informationBound());
        if (s.evaluation() != null) {
            Evaluation v = s.evaluation();
            long it = v.iteration();
            if (v.has(Metric.MODES_COVERED)) {
                addIfFinite(metric, it, v.get(Metric.MODES_COVERED));
                addIfFinite(metricReference, it, modes);
            } else if (v.has(Metric.DIVERSITY)) {
                addIfFinite(metric, it, v.get(Metric.DIVERSITY));
                addIfFinite(metricReference, it, v.get(Metric.DIVERSITY_REAL));
            }
            addMeasured(jensenShannon, v, Metric.JENSEN_SHANNON);
            addMeasured(klDataGenerator, v, Metric.KL_DATA_GENERATOR);
            addMeasured(klGeneratorData, v, Metric.KL_GENERATOR_DATA);
            addMeasured(wasserstein, v, Metric.WASSERSTEIN_1);
            addMeasured(criticEstimate, v, Metric.CRITIC_ESTIMATE);
        }
    }

    /**
     * Adds the curves a reopened run recorded before it was reopened (its metrics rows, one every sample interval),
     * as the statuses would have: the live points that follow continue them, and a status at the iteration of the
     * last row replaces its point. {@code modes} as in {@link #add}.
     */
    void addRecorded(RecordedCurves r, double modes) {
        addAll(discriminatorLoss, r.loss("d_loss"));
        addAll(generatorLoss, r.loss("g_loss"));
        addAll(realScore, r.loss("d_real"));
        addAll(fakeScore, r.loss("d_fake"));
        addAll(informationBound, r.loss("mi_lower_bound"));
        RunCurve covered = r.measured(Metric.MODES_COVERED);
        if (!covered.isEmpty()) {
            addAll(metric, covered);
            for (int i = 0; i < covered.size(); i++) {
                addIfFinite(metricReference, covered.x(i), modes);
            }
        } else {
            addAll(metric, r.measured(Metric.DIVERSITY));
            addAll(metricReference, r.measured(Metric.DIVERSITY_REAL));
        }
        addAll(jensenShannon, r.measured(Metric.JENSEN_SHANNON));
        addAll(klDataGenerator, r.measured(Metric.KL_DATA_GENERATOR));
        addAll(klGeneratorData, r.measured(Metric.KL_GENERATOR_DATA));
        addAll(wasserstein, r.measured(Metric.WASSERSTEIN_1));
        addAll(criticEstimate, r.measured(Metric.CRITIC_ESTIMATE));
    }

    private static void addAll(XYSeries series, RunCurve curve) {
        for (int i = 0; i < curve.size(); i++) {
            if (curve.x(i) > 0) {
                addIfFinite(series, curve.x(i), curve.y(i));
            }
        }
    }

    private static void addMeasured(XYSeries series, Evaluation v, Metric metric) {
        if (v.has(metric)) {
            addIfFinite(series, v.iteration(), v.get(metric));
        }
    }

    private static void addIfFinite(XYSeries series, double x, Double y) {
        if (y != null && Double.isFinite(y)) {
            int i = series.indexOf(x);
            if (i >= 0) {
                series.updateByIndex(i, y);
            } else {
                series.add(x, y, false);
            }
        }
    }

    /**
     * Where a status goes on the iteration axis. A whole iteration i is drawn at i; the p-th D or G update made by
     * hand (Step D / Step G) after iteration i is drawn at i + p / (p + 1): between i and i + 1, in the order made,
     * however many there are, and before the next whole iteration.
     */
    static double chartX(GanStatus s) {
        int p = s.partialSteps();
        return s.iteration() + (p == 0 ? 0 : p / (p + 1.0));
    }

    void clear() {
        all().forEach(XYSeries::clear);
    }

    /** Tells the charts that points were added (they were added without notice, to draw once per frame). */
    void fire() {
        all().forEach(XYSeries::fireSeriesChanged);
    }

    /** Points on the divergence chart's JS curve (measured every sample interval on toy mixtures). */
    int divergencePointCount() {
        return jensenShannon.getItemCount();
    }

    /** Points on the loss chart. */
    int pointCount() {
        return discriminatorLoss.getItemCount();
    }

    private List<XYSeries> all() {
        return List.of(discriminatorLoss, generatorLoss, realScore, fakeScore, metric, metricReference,
                jensenShannon, klDataGenerator, klGeneratorData, wasserstein, criticEstimate, informationBound);
    }
}
