package org.latentlab.experiment;

import org.latentlab.train.Evaluation;
import org.latentlab.train.GanView;
import org.latentlab.train.Metric;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A GAN run kept for comparison: what it was (name, seed, the remedies switched on, its settings), how far it got,
 * its curves (both losses and every measured metric over iterations), what it measured at the fixed iterations it
 * reached ({@link Milestone}) and last, and its last picture (the 2-D view or the grid of samples). Immutable: a
 * copy taken when the run is kept, so the run may go on or be replaced.
 *
 * @param name           the experiment's name
 * @param label          what the run goes by on screen and in files: name, seed and remedies
 * @param seed           the experiment's seed
 * @param remedies       the remedies switched on ({@link GanRemedies#of}), empty for the plain GAN
 * @param settings       the training settings in force when kept ({@code GanSettings.describe()})
 * @param iteration      the iteration reached
 * @param maxIterations  the iterations the experiment asks for
 * @param modes          the modes of the toy mixture, NaN for images or a density without modes
 * @param discriminatorLoss D's loss over iterations
 * @param generatorLoss  G's loss over iterations
 * @param measured       each metric measured, over iterations
 * @param milestones     the measurements at the fixed iterations reached, in order
 * @param last           the newest measurement, or null when none was taken
 * @param lastView       the newest picture, or null when none came
 */
public record KeptGanRun(String name, String label, long seed, List<String> remedies, String settings,
                         long iteration, long maxIterations, double modes, RunCurve discriminatorLoss,
                         RunCurve generatorLoss, Map<Metric, RunCurve> measured, List<Milestone> milestones,
                         Evaluation last, GanView lastView) {

    public KeptGanRun {
        if (name == null || label == null || discriminatorLoss == null || generatorLoss == null) {
            throw new IllegalArgumentException("a kept run needs a name, a label and its loss curves");
        }
        remedies = List.copyOf(remedies);
        settings = settings == null ? "" : settings;
        EnumMap<Metric, RunCurve> m = new EnumMap<>(Metric.class);
        m.putAll(measured);
        measured = Collections.unmodifiableMap(m);
        milestones = List.copyOf(milestones);
    }

    /** The curve of {@code metric}, empty when it was not measured. */
    public RunCurve curve(Metric metric) {
        return measured.getOrDefault(metric, RunCurve.EMPTY);
    }

    /** Whether the run is on 2-D toy data (its picture a points view, its measure mode coverage). */
    public boolean isPoints() {
        return lastView instanceof GanView.Points || lastView == null && !Double.isNaN(modes);
    }

    /** The same run under another label (two kept copies of one experiment told apart). */
    public KeptGanRun withLabel(String newLabel) {
        return new KeptGanRun(name, newLabel, seed, remedies, settings, iteration, maxIterations, modes,
                discriminatorLoss, generatorLoss, measured, milestones, last, lastView);
    }
}
