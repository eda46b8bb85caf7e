package org.latentlab.experiment.manifold;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.DataSource;
import org.latentlab.experiment.Checkpoint;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.SavedModel;
import org.latentlab.train.Backend;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Autoencoders of 2-D points for the reconstruction field: built from an experiment and trained here (nothing
 * written), or restored from a run folder; and several trained side by side on one thread, their fields handed
 * out every few iterations as they train.
 */
public final class CurveAutoencoders {

    /** The grid's points per side in the pictures. */
    public static final int GRID = 25;

    /**
     * The fields of the models trained side by side after {@code iteration} of {@code total} iterations.
     *
     * @param iteration iterations done by each model
     * @param total     iterations each model trains for
     * @param fields    one field per model, in the order given
     */
    public record Snapshot(long iteration, long total, List<ReconstructionField> fields) {
        public Snapshot {
            fields = List.copyOf(fields);
        }
    }

    private CurveAutoencoders() {
    }

    /** A fresh autoencoder of a 2-D experiment, untrained, on its data. */
    public static AutoencoderTrainer build(ReconstructionExperiment spec, DataType dataType) {
        requireTwoDimensional(spec);
        DataSource data = ExperimentData.open(spec, Path.of("."));
        if (data.dimension() != 2) {
            throw new LabException(spec.name() + " trains on " + data.name() + ", " + data.dimension()
                    + "-value examples: a reconstruction field needs 2-D points (a toy distribution)");
        }
        ExperimentData.Split split = ExperimentData.split(data, spec.heldOut(), spec.seed());
        ExperimentRunner.checkFits(spec, split.train());
        return (AutoencoderTrainer) ExperimentRunner.buildTrainer(spec, split.train(), dataType);
    }

    /** The autoencoder of a run folder (its latest checkpoint) or of a checkpoint folder. */
    public static AutoencoderTrainer restore(SavedModel saved) {
        requireTwoDimensional(saved.modelSpec());
        AutoencoderTrainer t = build(saved.modelSpec(), DataType.FLOAT);
        Checkpoint.restore(saved.checkpoint(), t);
        return t;
    }

    private static void requireTwoDimensional(ReconstructionExperiment spec) {
        if (spec == null || spec.family() != Family.AUTOENCODER) {
            throw new LabException((spec == null ? "this run" : spec.name()) + " is not an autoencoder: a"
                    + " reconstruction field needs an autoencoder of 2-D points");
        }
    }

    /** "curve-dae-2d at iteration 3000". */
    public static String label(ReconstructionExperiment spec, long iteration) {
        return spec.name() + " at iteration " + iteration;
    }

    /**
     * Trains the experiments side by side for {@code iterations} each (one iteration of each in turn) on the
     * calling thread, telling {@code snapshots} their fields every {@code every} iterations and at the end, and
     * returns the last snapshot. Stops with {@link Monitor.Cancelled} when the monitor asks.
     */
    public static Snapshot trainSideBySide(List<ReconstructionExperiment> specs, long iterations, int every,
                                           Monitor monitor, Consumer<Snapshot> snapshots) {
        if (specs.isEmpty() || iterations < 1 || every < 1) {
            throw new IllegalArgumentException("train at least one experiment for at least 1 iteration, fields"
                    + " every >= 1 iterations");
        }
        Monitor m = monitor == null ? Monitor.NONE : monitor;
        Backend.applyToCurrentThread();
        List<AutoencoderTrainer> trainers = new ArrayList<>();
        for (ReconstructionExperiment s : specs) {
            trainers.add(build(s, DataType.FLOAT));
        }
        Snapshot last = snapshot(specs, trainers, 0, iterations);
        snapshots.accept(last);
        long start = System.nanoTime();
        for (long i = 1; i <= iterations; i++) {
            m.checkCancelled();
            for (AutoencoderTrainer t : trainers) {
                t.iterate();
            }
            if (i % every == 0 || i == iterations) {
                last = snapshot(specs, trainers, i, iterations);
                snapshots.accept(last);
                double seconds = (System.nanoTime() - start) / 1e9;
                m.progress((double) i / iterations, String.format(Locale.ROOT, "training %d autoencoders:"
                        + " iteration %d of %d (%.0f it/s each)", specs.size(), i, iterations,
                        i / Math.max(seconds, 1e-9)));
            }
        }
        return last;
    }

    private static Snapshot snapshot(List<ReconstructionExperiment> specs, List<AutoencoderTrainer> trainers, long i,
                                     long total) {
        List<ReconstructionField> fields = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            fields.add(ReconstructionField.of(trainers.get(k), label(specs.get(k), i), viewBounds(trainers.get(k)),
                    GRID));
        }
        return new Snapshot(i, total, fields);
    }

    /** The plotting bounds of a toy distribution, or the square around a sample of the data. */
    public static double[] viewBounds(AutoencoderTrainer t) {
        if (t.data() instanceof org.latentlab.data.ToyDistribution toy) {
            return toy.viewBounds();
        }
        float[] p = sample(t.data(), 500, 1);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : p) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double margin = 0.25 * (hi - lo) + 1e-3;
        return new double[] {lo - margin, hi + margin, lo - margin, hi + margin};
    }

    /** {@code n} points of the data, {x0, y0, x1, y1, ...}, drawn with {@code seed}. */
    public static float[] sample(DataSource data, int n, long seed) {
        float[] out = new float[n * data.dimension()];
        data.sample(n, new Random(seed), out);
        return out;
    }
}
