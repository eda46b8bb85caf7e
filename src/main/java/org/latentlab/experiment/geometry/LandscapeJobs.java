package org.latentlab.experiment.geometry;

import org.latentlab.experiment.Family;
import org.latentlab.analysis.Vectors;
import org.latentlab.analysis.hessian.NetworkObjective;
import org.latentlab.analysis.landscape.LineScan;
import org.latentlab.analysis.landscape.ScanPlane;
import org.latentlab.analysis.landscape.SurfaceScan;
import org.latentlab.analysis.landscape.TrajectoryProjection;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.SavedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@link GeometryJobs}'s loss-landscape computations at one checkpoint: the 1-D line from the initial parameters
 * (or another checkpoint) to it (Goodfellow et al. 2015) and the resumable 2-D slice on a plane through it with the
 * training trajectory projected onto the plane (Li et al. 2018).
 */
final class LandscapeJobs {

    private static final Logger LOG = LoggerFactory.getLogger(LandscapeJobs.class);

    private final GeometryJobs jobs;
    private final SavedModel model;

    LandscapeJobs(GeometryJobs jobs) {
        this.jobs = jobs;
        this.model = jobs.model();
    }


    /**
     * The loss along the straight line θ(α) = (1 − α)·θ₀ + α·θ₁ from θ₀ to this checkpoint's parameters θ₁
     * (Goodfellow et al. 2015). θ₀ is the run's initial parameters when {@code from} is null (a checkpoint saved at
     * iteration 0 if the run kept one, otherwise recreated exactly as training created them), or the parameters of
     * another checkpoint of the same architecture ({@code from}: a checkpoint folder, or a run folder for its
     * latest): the line between two solutions. Cached as {@code line-init-<points>-<loss>.json} or
     * {@code line-from-iter-N-<hash of from>-…json}.
     */
    LineResult line(LossSpec loss, Path from, LineOptions options, Monitor monitor) {
        SavedModel other = from == null ? null : SavedModel.open(from);
        if (other != null && other.kind() != model.kind()) {
            throw new LabException(from + " is a " + GeometryJobs.kindName(other) + " model and " + model.runDir().getFileName()
                    + " a " + GeometryJobs.kindName(model) + " model: a line needs two checkpoints of the same architecture");
        }
        String name = other == null ? "line-init" : "line-from-iter" + other.iteration() + "-"
                + Names.pathHash(other.checkpoint());
        return GeometryJobs.cached(jobs.cacheFile(name + "-" + options.tag(), loss, ".json"), LineResult.class,
                monitor, () -> {
            long t0 = System.nanoTime();
            NetworkObjective o = jobs.objective(loss, monitor);
            double[] theta1 = o.initialPoint();
            monitor.progress(0, "line: reading the start point");
            RunParameters.Point start = other == null ? RunParameters.initial(model, loss.part(), o.layout())
                    : RunParameters.at(other, loss.part(), o.layout());
            LineScan s = LineScan.between(o, start.theta(), theta1, options.from(), options.to(), options.points(),
                    new ProgressRange(monitor, 0, 1, ""));
            double l0 = o.loss(start.theta());
            return new LineResult(jobs.info(o, theta1, loss, t0), start.label(), "checkpoint "
                    + model.checkpoint().getFileName() + " of " + model.runDir().getFileName(), s.alpha(), s.loss(),
                    l0, o.loss(theta1), Vectors.norm(Vectors.subtract(theta1, start.theta())));
        });
    }

    // ---- 2-D

    /** {@link #slice(LossSpec, SliceOptions, Path, Consumer, Monitor)} without row updates. */
    SurfaceSlice slice(LossSpec loss, SliceOptions options, Path scanFile, Monitor monitor) {
        return slice(loss, options, scanFile, null, monitor);
    }

    /**
     * The loss on a grid of the plane θ + a·d₁ + b·d₂ through this checkpoint, a, b ∈ [−range, range], and the run's
     * trajectory (initial parameters and every checkpoint) projected onto the plane by least squares.
     *
     * <p>The scan is kept in {@code scanFile} (null:
     * {@code <checkpoint>/analysis/surface-<directions>-g<grid>-r<range>-<loss>.csv}) after every row and when
     * cancelled; a later call with the same plane and grid resumes it. An unreadable file at the default place is
     * started again; a given {@code scanFile} that holds another scan is refused, so nothing a person made is
     * overwritten. The trajectory goes beside it ({@code …-trajectory.csv}).
     *
     * @param rows called after each row with the grid so far ({@code [row][column]}, NaN where pending); may be null
     */
    SurfaceSlice slice(LossSpec loss, SliceOptions options, Path scanFile, Consumer<double[][]> rows,
                              Monitor monitor) {
        long t0 = System.nanoTime();
        NetworkObjective o = jobs.objective(loss, monitor);
        double[] theta = o.initialPoint();
        if (o.dimension() < 2) {
            throw new LabException("a plane needs at least 2 parameters; the model has " + o.dimension());
        }
        Monitor planeProgress = new ProgressRange(monitor, 0, 0.2, "directions");
        List<RunParameters.Point> trajectory = null;
        ScanPlane plane;
        switch (options.directions()) {
            case RANDOM -> plane = ScanPlane.filterNormalized(o.layout(), theta, loss.seed());
            case HESSIAN -> {
                HessianTop top = jobs.hessianTop(loss, 2, planeProgress);
                plane = new ScanPlane(theta, top.eigenvectors()[0], top.eigenvectors()[1], String.format(
                        Locale.ROOT, "top Hessian eigenvectors (lambda %.6g and %.6g)", top.eigenvalues()[0],
                        top.eigenvalues()[1]));
            }
            case PCA -> {
                trajectory = RunParameters.trajectory(model, loss.part(), o.layout(), planeProgress);
                if (trajectory.size() < 3) {
                    throw new LabException(model.runDir().getFileName() + " has " + (trajectory.size() - 1)
                            + " checkpoint(s): the principal components of a trajectory need at least 2 checkpoints"
                            + " besides the initial parameters" + (model.kind() == Family.GAN
                            ? " (GAN runs keep only their two newest); use random or hessian directions" : ""));
                }
                TrajectoryProjection pca = TrajectoryProjection.pca(thetas(trajectory));
                plane = new ScanPlane(theta, pca.plane().d1(), pca.plane().d2(), String.format(Locale.ROOT,
                        "principal components of the trajectory (%.1f%% and %.1f%% of its variance)",
                        100 * pca.explainedVariance()[0], 100 * pca.explainedVariance()[1]));
            }
            default -> throw new IllegalStateException(options.directions().toString());
        }
        Path file = scanFile != null ? scanFile : jobs.cacheFile("surface-" + options.tag(), loss, ".csv");
        SurfaceScan scan = openScan(file, plane, options, scanFile != null);
        int resumed = scan.computed();
        Monitor scanProgress = new ProgressRange(monitor, 0.2, 0.95, "");
        try {
            while (!scan.isComplete()) {
                scan.run(o, options.grid(), scanProgress);
                scan.writeCsv(file);
                if (rows != null) {
                    rows.accept(scan.values());
                }
            }
        } catch (Monitor.Cancelled c) {
            scan.writeCsv(file);
            throw c;
        }
        if (trajectory == null) {
            trajectory = RunParameters.trajectory(model, loss.part(), o.layout(),
                    new ProgressRange(monitor, 0.95, 1, ""));
        }
        TrajectoryProjection p = TrajectoryProjection.onto(plane, thetas(trajectory));
        long[] iterations = new long[trajectory.size()];
        for (int i = 0; i < iterations.length; i++) {
            iterations[i] = trajectory.get(i).iteration();
        }
        String note = "the initial parameters (" + trajectory.get(0).label() + ") and " + (trajectory.size() - 1)
                + " checkpoint(s)" + (model.kind() == Family.GAN ? "; a GAN run keeps only its two newest"
                + " checkpoints" : "");
        SurfaceSlice.Trajectory t = new SurfaceSlice.Trajectory(iterations, p.a(), p.b(), p.explainedVariance()[0],
                note);
        Path trajectoryFile = sibling(file, "-trajectory.csv");
        t.writeCsv(trajectoryFile, plane.label());
        monitor.progress(1, "surface done");
        return new SurfaceSlice(jobs.info(o, theta, loss, t0), plane.label(), scan.a(), scan.b(), scan.values(), t,
                file,
                trajectoryFile, resumed);
    }

    private static SurfaceScan openScan(Path file, ScanPlane plane, SliceOptions options, boolean given) {
        SurfaceScan fresh = SurfaceScan.create(plane, -options.range(), options.range(), options.grid());
        if (!Files.exists(file)) {
            return fresh;
        }
        SurfaceScan old;
        try {
            old = SurfaceScan.readCsv(file, plane);
        } catch (LabException e) {
            if (given) {
                throw new LabException(e.getMessage() + " (to start afresh, delete " + file.getFileName()
                        + " or choose another file)", e);
            }
            LOG.warn("{}; starting the scan again", e.getMessage());
            return fresh;
        }
        if (Arrays.equals(old.a(), fresh.a()) && Arrays.equals(old.b(), fresh.b())) {
            return old;
        }
        String msg = String.format(Locale.ROOT, "%s holds a %d x %d scan over [%s, %s]; this slice is %d x %d over"
                        + " [%s, %s]", file, old.a().length, old.b().length, old.a()[0], old.a()[old.a().length - 1],
                options.grid(), options.grid(), -options.range(), options.range());
        if (given) {
            throw new LabException(msg + ": choose another file, or the same grid and range to resume it");
        }
        LOG.warn("{}; starting the scan again", msg);
        return fresh;
    }

    private static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(base + suffix);
    }

    private static List<double[]> thetas(List<RunParameters.Point> points) {
        List<double[]> out = new ArrayList<>(points.size());
        for (RunParameters.Point p : points) {
            out.add(p.theta());
        }
        return out;
    }
}
