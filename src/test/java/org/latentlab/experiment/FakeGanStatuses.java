package org.latentlab.experiment;

import org.latentlab.train.Evaluation;
import org.latentlab.train.GanStatus;
import org.latentlab.train.GanView;
import org.latentlab.train.Metric;
import org.latentlab.train.RunState;

import java.util.EnumMap;
import java.util.Map;

/**
 * Statuses of a GAN run made up for tests of what the window does with them: losses that are a known function of
 * the iteration, and measurements of a toy mixture whose values say the iteration they were taken at. They do not
 * say the settings (as a status sent before the trainer exists), so the experiment's own are in force, except in
 * {@link #withSettings}.
 */
public final class FakeGanStatuses {

    private FakeGanStatuses() {
    }

    /** D's made-up loss at iteration {@code it}. */
    public static double discriminatorLoss(double it) {
        return 1 + 1 / (1 + it);
    }

    /** G's made-up loss at iteration {@code it}. */
    public static double generatorLoss(double it) {
        return 2 - 1 / (1 + it);
    }

    /** A status at a whole iteration, without a measurement. */
    public static GanStatus at(long it, long max) {
        return status(it, max, 0, null, null);
    }

    /** A status at a whole iteration with a measurement of a mixture of {@code modes} modes. */
    public static GanStatus measured(long it, long max, int modes) {
        return status(it, max, 0, mixture(it, modes), null);
    }

    /** The same with a picture. */
    public static GanStatus measured(long it, long max, int modes, GanView view) {
        return status(it, max, 0, mixture(it, modes), view);
    }

    /** A status after {@code partial} single steps made by hand after iteration {@code it}. */
    public static GanStatus partial(long it, long max, int partial) {
        return status(it, max, partial, null, null);
    }

    /**
     * A measurement at {@code it}: modes covered = min(modes, it / 250), high-quality fraction it / (it + 1000),
     * reverse KL 1000 / (it + 1000).
     */
    public static Evaluation mixture(long it, int modes) {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.MODES_COVERED, (double) Math.min(modes, it / 250));
        v.put(Metric.HIGH_QUALITY_FRACTION, it / (it + 1000.0));
        v.put(Metric.REVERSE_KL, 1000.0 / (it + 1000.0));
        return new Evaluation(it, v);
    }

    /** A status at a whole iteration whose run trains with {@code settings} now. */
    public static GanStatus withSettings(long it, long max, org.latentlab.train.GanSettings settings) {
        return new GanStatus(RunState.RUNNING, it, max, 0, 0, discriminatorLoss(it), generatorLoss(it), 0.5, 0.5,
                Double.NaN, Double.NaN, Double.NaN, settings, 10 * it, 100, null, null, "", false);
    }

    private static GanStatus status(long it, long max, int partial, Evaluation e, GanView view) {
        double x = it + (partial == 0 ? 0 : partial / (partial + 1.0));
        return new GanStatus(it >= max ? RunState.FINISHED : RunState.RUNNING, it, max, partial, 0,
                discriminatorLoss(x), generatorLoss(x), 0.5, 0.5, Double.NaN, Double.NaN, Double.NaN,
                null, 10 * it, 100, e, view, "", false);
    }
}
