package org.latentlab.experiment.anomaly;

import org.latentlab.experiment.SavedModel;
import org.latentlab.metrics.RocCurve;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Anomaly detection with a saved autoencoder, VAE or RBM: its score ({@link AnomalyScorer}) of held-out images of
 * its own data and of foreign images ({@link AnomalySets}), and how well the score tells them apart (the ROC curve
 * and its area: 1 when every foreign image scores above every held-out one, 0.5 for a score that cannot tell them
 * apart).
 *
 * @param model     the model, for a person
 * @param how       what the score is
 * @param sets      the images scored and where they come from
 * @param normal    the held-out images' scores
 * @param anomalous the foreign images' scores
 * @param roc       the curve, foreign images as the positives
 */
public record AnomalyDetection(String model, String how, AnomalySets sets, double[] normal, double[] anomalous,
                               RocCurve roc) {

    /** Opens {@code run} (a run or checkpoint folder) and scores up to {@code n} images of each set. */
    public static AnomalyDetection run(Path run, String against, int n, long seed) {
        SavedModel saved = SavedModel.open(run);
        AnomalyScorer.requireScorable(saved);
        AnomalySets sets = AnomalySets.of(saved, against, n, seed);
        AnomalyScorer scorer = AnomalyScorer.of(saved, seed);
        double[] normal = scorer.score(sets.normal(), sets.normalCount());
        double[] anomalous = scorer.score(sets.anomalous(), sets.anomalousCount());
        return new AnomalyDetection(saved.toString(), scorer.how(), sets, normal, anomalous,
                RocCurve.of(normal, anomalous));
    }

    /** The median of a set of scores (the mean of the middle two for an even count). */
    public static double median(double[] scores) {
        double[] s = scores.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }
}
