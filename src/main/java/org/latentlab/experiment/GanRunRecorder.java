package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.data.ToyDistribution;
import org.latentlab.train.Evaluation;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanStatus;
import org.latentlab.train.GanView;
import org.latentlab.train.Metric;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a GAN run has done so far, gathered from its statuses in the order they came so that it can be kept for
 * comparison at any moment ({@link #keep}): both losses, each measured metric, the measurements at the fixed
 * iterations ({@link Milestone}), the newest measurement and picture. Used on one thread (the window's, or a
 * subscriber's); statuses are immutable, so it holds them without copying.
 */
public final class GanRunRecorder {

    /** Points per curve before it is thinned to every other point. */
    public static final int CURVE_POINTS = 4_000;

    private final GanExperiment spec;
    private final double modes;
    private final RunCurve.Builder discriminatorLoss = new RunCurve.Builder(CURVE_POINTS);
    private final RunCurve.Builder generatorLoss = new RunCurve.Builder(CURVE_POINTS);
    private final Map<Metric, RunCurve.Builder> measured = new EnumMap<>(Metric.class);
    private final List<Milestone> milestones = new ArrayList<>();
    private long nextMilestone = Milestone.FIRST;
    private GanStatus newest;
    private Evaluation lastEvaluation;
    private GanView lastView;

    public GanRunRecorder(GanExperiment spec) {
        this.spec = spec;
        this.modes = modesOf(spec);
    }

    /** The number of modes of the experiment's toy mixture; NaN for images or a density without modes. */
    public static double modesOf(GanExperiment spec) {
        if (spec.dataset().kind() == DatasetSpec.Kind.IMAGES) {
            return Double.NaN;
        }
        try {
            return ToyDistribution.named(spec.dataset().name()).modes().size();
        } catch (LabException e) {
            return Double.NaN;
        }
    }

    public GanExperiment spec() {
        return spec;
    }

    /** Takes in one status: its losses, its measurement (and milestones) and its picture, when it has them. */
    public void add(GanStatus s) {
        newest = s;
        if (s.iteration() > 0 || s.partialSteps() > 0) {
            // the p-th single step after iteration i lies between i and i + 1, as on the bench's charts
            double x = s.iteration() + (s.partialSteps() == 0 ? 0 : s.partialSteps() / (s.partialSteps() + 1.0));
            discriminatorLoss.add(x, s.discriminatorLoss());
            generatorLoss.add(x, s.generatorLoss());
        }
        if (s.view() != null) {
            lastView = s.view();
        }
        Evaluation e = s.evaluation();
        if (e != null) {
            lastEvaluation = e;
            e.values().forEach((metric, value) -> measured
                    .computeIfAbsent(metric, m -> new RunCurve.Builder(CURVE_POINTS)).add(e.iteration(), value));
            while (nextMilestone <= e.iteration()) {
                if (e.iteration() < Milestone.next(nextMilestone)) {
                    milestones.add(new Milestone(nextMilestone, e));
                }
                nextMilestone = Milestone.next(nextMilestone);
            }
        }
    }

    /**
     * Takes in the curves a reopened run recorded before (its metrics rows), ahead of its first status, so that a
     * run kept after reopening keeps its whole course. The milestones are not among them: they come from statuses.
     */
    public void addRecorded(RecordedCurves recorded) {
        copy(recorded.loss("d_loss"), discriminatorLoss);
        copy(recorded.loss("g_loss"), generatorLoss);
        recorded.measured().forEach((metric, curve) -> copy(curve,
                measured.computeIfAbsent(metric, m -> new RunCurve.Builder(CURVE_POINTS))));
    }

    private static void copy(RunCurve curve, RunCurve.Builder into) {
        for (int i = 0; i < curve.size(); i++) {
            into.add(curve.x(i), curve.y(i));
        }
    }

    /** Forgets everything (the run was reset to its first iteration). */
    public void clear() {
        discriminatorLoss.clear();
        generatorLoss.clear();
        measured.clear();
        milestones.clear();
        nextMilestone = Milestone.FIRST;
        newest = null;
        lastEvaluation = null;
        lastView = null;
    }

    /** The iteration of the newest status, 0 before any. */
    public long iteration() {
        return newest == null ? 0 : newest.iteration();
    }

    /** Whether the run has trained (a whole iteration, or a single step made by hand). */
    public boolean hasProgress() {
        return newest != null && (newest.iteration() > 0 || newest.partialSteps() > 0);
    }

    /** The milestones reached so far, in order. */
    public List<Milestone> milestones() {
        return List.copyOf(milestones);
    }

    /**
     * A copy of what the run has done so far, labelled by {@link GanRemedies#label} with the settings of its newest
     * status.
     */
    public KeptGanRun keep() {
        Map<Metric, RunCurve> curves = new EnumMap<>(Metric.class);
        measured.forEach((m, b) -> curves.put(m, b.build()));
        // the settings in force now: remedies may have been switched on or off during the run
        GanSettings inForce = newest != null && newest.settings() != null ? newest.settings() : spec.training();
        long max = newest == null ? spec.iterations() : newest.maxIterations();
        return new KeptGanRun(spec.name(), GanRemedies.label(spec, inForce), spec.seed(),
                GanRemedies.of(spec, inForce), inForce.describe(),
                iteration(), max, modes, discriminatorLoss.build(), generatorLoss.build(), curves, milestones,
                lastEvaluation, lastView);
    }
}
