package org.latentlab.metrics;

import org.latentlab.core.Monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard scores of a set of generated images against real ones, each printed beside the same score of a second
 * real set of the same size in the generated set's place: the real-versus-real baseline, what a perfect generator
 * would get at this sample size (the Fréchet distance, for one, is biased upward at small sizes, so 0 is never
 * reached; Binkowski et al. 2018). The classifier-based scores use an {@link ImageJudge}; the Parzen window works in
 * pixel space.
 *
 * <p>The sets: {@code generated} and {@code reference} (the baseline's stand-in) of one size n; {@code test}, the real
 * images both are compared with (disjoint from {@code reference}); {@code validation}, the real images that choose the
 * Parzen window's σ. All flat row-major [count, pixels] with the classifier's pixel scale.
 */
public final class ScoreCard {

    /** The scores in the order they are listed. */
    public static final List<String> NAMES = List.of("classifier score", "Fréchet distance", "KID", "precision",
            "recall", "modes covered", "reverse KL to uniform", "Parzen log-likelihood");

    /** A set of images, flat row-major [count, pixels]. */
    public record Images(float[] pixels, int count) {
        public Images {
            if (pixels == null || count < 2 || pixels.length % count != 0) {
                throw new IllegalArgumentException("a set of images needs at least 2 images of equal size, got "
                        + count + " images in " + (pixels == null ? 0 : pixels.length) + " values");
            }
        }

        int width() {
            return pixels.length / count;
        }
    }

    /**
     * The outcome: a line per score ({@link #NAMES} order), the seconds spent on the classifier's features and
     * probabilities, and the mode histograms of the generated and the reference set.
     */
    public record Result(List<ScoreLine> lines, double featureSeconds, ClassHistogramResult generatedModes,
                         ClassHistogramResult referenceModes) {
        public Result {
            lines = List.copyOf(lines);
        }

        /** The line of the named score. */
        public ScoreLine line(String name) {
            return lines.stream().filter(l -> l.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no score named " + name + "; the scores are "
                            + NAMES));
        }
    }

    private ScoreCard() {
    }

    /**
     * Every score of {@code generated}, with its baseline from {@code reference}.
     *
     * @param seed draws KID's subsets (the same for both sets)
     */
    public static Result evaluate(ImageJudge judge, Images generated, Images reference, Images test,
                                  Images validation, long seed, Monitor monitor) {
        int n = generated.count();
        if (reference.count() != n) {
            throw new IllegalArgumentException("the baseline needs as many real images as generated ones: "
                    + reference.count() + " against " + n);
        }
        int width = generated.width();
        for (Images s : List.of(reference, test, validation)) {
            if (s.width() != width) {
                throw new IllegalArgumentException("images of " + s.width() + " values against generated images of "
                        + width);
            }
        }
        long t0 = System.nanoTime();
        monitor.progress(0, "classifier features");
        double[][] pG = judge.probabilities(generated.pixels(), n);
        double[][] pR = judge.probabilities(reference.pixels(), n);
        double[][] fG = judge.features(generated.pixels(), n);
        double[][] fR = judge.features(reference.pixels(), n);
        double[][] fT = judge.features(test.pixels(), test.count());
        int[] mG = judge.modes(generated.pixels(), n, pG);
        int[] mR = judge.modes(reference.pixels(), n, pR);
        double featureSeconds = seconds(t0);
        monitor.checkCancelled();

        List<ScoreLine> lines = new ArrayList<>();
        monitor.progress(0.2, "classifier score");
        long t = System.nanoTime();
        ClassifierScoreResult isG = ClassifierScore.of(pG);
        ClassifierScoreResult isR = ClassifierScore.of(pR);
        lines.add(new ScoreLine(NAMES.get(0), isG.mean(), isG.standardDeviation(), isR.mean(),
                isR.standardDeviation(), n, seconds(t), "higher",
                "exp E KL(p(y|x) || p(y)) over " + isG.splits() + " splits, 1 to " + judge.classCount()
                        + "; blind to variety inside a class and to copies of training images"));

        monitor.progress(0.3, "Fréchet distance");
        t = System.nanoTime();
        FrechetDistanceResult fidG = FrechetDistance.between(fT, fG);
        FrechetDistanceResult fidR = FrechetDistance.between(fT, fR);
        lines.add(new ScoreLine(NAMES.get(1), fidG.value(), Double.NaN, fidR.value(), Double.NaN, n, seconds(t),
                "lower", "on the classifier's penultimate features against " + test.count()
                        + " held-out images; biased upward at small sizes, so read it beside the baseline"));
        monitor.checkCancelled();

        monitor.progress(0.45, "KID");
        t = System.nanoTime();
        int subsetSize = Math.min(KernelInceptionDistance.DEFAULT_SUBSET_SIZE, Math.min(n, test.count()));
        // subsets as large as both sets are the sets themselves, every draw the same: one is enough, and it has no
        // spread
        boolean whole = subsetSize == n && subsetSize == test.count();
        int subsets = whole ? 1 : KernelInceptionDistance.DEFAULT_SUBSET_COUNT;
        KernelInceptionDistanceResult kidG = KernelInceptionDistance.between(fT, fG, subsets, subsetSize, seed);
        KernelInceptionDistanceResult kidR = KernelInceptionDistance.between(fT, fR, subsets, subsetSize, seed);
        lines.add(new ScoreLine(NAMES.get(2), kidG.mean(), whole ? Double.NaN : kidG.standardDeviation(),
                kidR.mean(), whole ? Double.NaN : kidR.standardDeviation(), n, seconds(t), "lower",
                "unbiased MMD² with the cubic kernel, " + kidG.subsetCount() + " subsets of " + kidG.subsetSize()
                        + "; about 0 for the same distribution"));
        monitor.checkCancelled();

        monitor.progress(0.6, "precision and recall");
        t = System.nanoTime();
        PrecisionRecallResult prG = PrecisionRecall.between(fT, fG);
        PrecisionRecallResult prR = PrecisionRecall.between(fT, fR);
        double prSeconds = seconds(t) / 2;
        lines.add(new ScoreLine(NAMES.get(3), prG.precision(), Double.NaN, prR.precision(), Double.NaN, n,
                prSeconds, "higher", "share of samples inside the real data's k = " + prG.k()
                        + " nearest-neighbour manifold: how many look real"));
        lines.add(new ScoreLine(NAMES.get(4), prG.recall(), Double.NaN, prR.recall(), Double.NaN, n, prSeconds,
                "higher", "share of real images inside the samples' manifold: how much of the data is reached"));
        monitor.checkCancelled();

        t = System.nanoTime();
        ClassHistogramResult hG = ClassHistogram.ofLabels(mG, judge.modeCount());
        ClassHistogramResult hR = ClassHistogram.ofLabels(mR, judge.modeCount());
        double histogramSeconds = seconds(t) / 2;
        lines.add(new ScoreLine(NAMES.get(5), hG.modesCovered(), Double.NaN, hR.modesCovered(), Double.NaN, n,
                histogramSeconds, "higher", "of " + judge.modeCount() + ", a mode counted when one sample falls"
                        + " in it"));
        lines.add(new ScoreLine(NAMES.get(6), hG.reverseKl(), Double.NaN, hR.reverseKl(), Double.NaN, n,
                histogramSeconds, "lower", "KL(sample histogram || uniform) in nats; log " + judge.modeCount()
                        + " = " + String.format(java.util.Locale.ROOT, "%.2f", Math.log(judge.modeCount()))
                        + " when every sample falls in one mode"));

        monitor.progress(0.7, "Parzen window");
        t = System.nanoTime();
        double[][] validationRows = FeatureRows.of(validation.pixels(), validation.count(), width);
        double[][] testRows = FeatureRows.of(test.pixels(), test.count(), width);
        ParzenWindowResult pwG = ParzenWindow.evaluate(FeatureRows.of(generated.pixels(), n, width),
                validationRows, testRows);
        monitor.checkCancelled();
        ParzenWindowResult pwR = ParzenWindow.evaluate(FeatureRows.of(reference.pixels(), n, width),
                validationRows, testRows);
        lines.add(new ScoreLine(NAMES.get(7), pwG.meanLogLikelihood(), pwG.standardError(),
                pwR.meanLogLikelihood(), pwR.standardError(), n, seconds(t), "higher",
                String.format(java.util.Locale.ROOT, "nats per test image, σ = %.3g chosen on %d validation images;"
                        + " misleads: far from the true likelihood in pixel space, and it ranks models wrongly"
                        + " (Theis et al. 2016)", pwG.sigma(), validation.count())));
        monitor.progress(1, "scores done");
        return new Result(lines, featureSeconds, hG, hR);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
