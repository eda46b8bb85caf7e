package org.latentlab.ui.gan;

import org.jfree.data.xy.XYSeries;
import org.latentlab.metrics.ScoreCard;
import org.latentlab.metrics.ScoreLine;

import java.util.List;

/**
 * The live scores of an image GAN as chart data: one panel per chart (the classifier score, the Fréchet distance,
 * KID, precision and recall, modes covered), each line of a panel a score of the generated samples over iterations
 * beside the same score of real images in their place (the real-versus-real baseline, drawn dashed). Filled on the FX
 * thread, one point per score card.
 */
final class GanScoreCurves {

    /** One score over iterations and its baseline. */
    record Line(String score, XYSeries value, XYSeries baseline) {
    }

    /** One chart: its title, its node id, which way is better, and its lines. */
    record Panel(String title, String id, String axis, List<Line> lines) {
    }

    /** The modes chart's node id. */
    static final String MODES_ID = "modesChart";
    /** The modes chart's title before the data set's mode count is known. */
    static final String MODES_TITLE = "Modes covered (classes hit), higher";

    private final List<Panel> panels = List.of(
            panel("Classifier score, higher is better", "classifierScoreChart", "score", name(0)),
            panel("Fréchet distance (classifier features), lower", "frechetChart", "distance", name(1)),
            panel("KID (unbiased MMD², cubic kernel), lower", "kidChart", "MMD²", name(2)),
            panel("Precision (green) and recall (blue), higher", "precisionRecallChart", "share", name(3), name(4)),
            panel(MODES_TITLE, MODES_ID, "modes", name(5)));

    /** The modes chart's title once the number of modes is known (10 classes, 1,000 Stacked MNIST triples). */
    static String modesTitle(int modes) {
        return String.format(java.util.Locale.ROOT, "Modes covered of %,d, higher", modes);
    }

    private static String name(int i) {
        return ScoreCard.NAMES.get(i);
    }

    private static Panel panel(String title, String id, String axis, String... scores) {
        return new Panel(title, id, axis, java.util.Arrays.stream(scores)
                .map(s -> new Line(s, new XYSeries(s, true, false), new XYSeries(s + ", real vs real", true, false)))
                .toList());
    }

    List<Panel> panels() {
        return panels;
    }

    /** Adds the points of a score card taken at {@code iteration}. */
    void add(long iteration, ScoreCard.Result card) {
        for (Panel p : panels) {
            for (Line l : p.lines()) {
                ScoreLine line = card.line(l.score());
                addIfFinite(l.value(), iteration, line.value());
                addIfFinite(l.baseline(), iteration, line.baseline());
            }
        }
    }

    private static void addIfFinite(XYSeries s, long x, double y) {
        if (Double.isFinite(y)) {
            s.addOrUpdate(x, y);
        }
    }

    void clear() {
        for (Panel p : panels) {
            for (Line l : p.lines()) {
                l.value().clear();
                l.baseline().clear();
            }
        }
    }

    /** The line of a score ({@link ScoreCard#NAMES}). */
    Line line(String score) {
        return panels.stream().flatMap(p -> p.lines().stream()).filter(l -> l.score().equals(score)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no chart shows " + score));
    }

    /** Cards charted (points of the classifier score). */
    int cardCount() {
        return panels.get(0).lines().get(0).value().getItemCount();
    }
}
