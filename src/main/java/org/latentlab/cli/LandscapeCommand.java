package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.LineOptions;
import org.latentlab.experiment.geometry.LineResult;
import org.latentlab.experiment.geometry.LossSpec;
import org.latentlab.experiment.geometry.SliceOptions;
import org.latentlab.experiment.geometry.SurfaceSlice;
import org.latentlab.train.Backend;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** 1-D and 2-D slices of a saved model's loss, written as CSV. */
@Command(name = "landscape", mixinStandardHelpOptions = true,
        description = {"Slices of a saved model's loss around a checkpoint, written as CSV.",
                "--1d: the loss along the line from the initial parameters (or --from-checkpoint) to the checkpoint,"
                        + " alpha from -0.5 to 1.5 (Goodfellow et al. 2015).",
                "--2d: the loss on a grid of a plane through the checkpoint (random filter-normalised, Hessian or"
                        + " trajectory-PCA directions, Li et al. 2018), with the training trajectory projected on it;"
                        + " an unfinished scan in --out is resumed."})
final class LandscapeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_OR_CHECKPOINT", description = "a run folder (its latest checkpoint) or a checkpoint"
            + " folder")
    Path path;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    /** 1-D or 2-D. */
    static final class Kind {
        @Option(names = "--1d", required = true, description = "a line")
        boolean line;

        @Option(names = "--2d", required = true, description = "a plane")
        boolean plane;
    }

    @Option(names = "--from-checkpoint", paramLabel = "DIR", description = "--1d: start the line at this checkpoint"
            + " (or run folder) instead of the initial parameters: the line between two solutions")
    Path fromCheckpoint;

    @Option(names = "--points", paramLabel = "N", defaultValue = "" + LineOptions.DEFAULT_POINTS,
            description = "--1d: points on the line; default ${DEFAULT-VALUE}")
    int points;

    @Option(names = "--alpha", paramLabel = "FROM,TO", split = ",", description = "--1d: the range of alpha;"
            + " default -0.5,1.5")
    double[] alpha;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "41", description = "--2d: N x N cells; default"
            + " ${DEFAULT-VALUE}")
    int grid;

    @Option(names = "--range", paramLabel = "R", defaultValue = "1", description = "--2d: the square [-R, R]^2;"
            + " default ${DEFAULT-VALUE}")
    double range;

    @Option(names = "--directions", paramLabel = "random|hessian|pca", defaultValue = "random",
            description = "--2d: the plane's directions; default ${DEFAULT-VALUE}")
    String directions;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "the CSV to write (--2d: resumed if it holds"
            + " an unfinished scan of the same plane; the trajectory goes to FILE-trajectory.csv); without it --1d"
            + " prints the line only and --2d keeps the scan in <checkpoint>/analysis/")
    Path out;

    @Option(names = "--force", description = "--1d: replace the --out file if it exists; --2d: replace an existing"
            + " FILE-trajectory.csv (an unfinished scan in --out is resumed either way)")
    boolean force;

    @Mixin
    LossOptions lossOptions;

    @Override
    public Integer call() {
        checkOptions();
        Backend.init();
        ConsoleProgress progress = new ConsoleProgress();
        GeometryOutput o = new GeometryOutput(System.out);
        try (GeometryJobs jobs = GeometryJobs.open(path)) {
            LossSpec loss = lossOptions.spec(jobs);
            o.model(jobs.model());
            if (kind.line) {
                line(jobs, loss, progress, o);
            } else {
                if (fromCheckpoint != null) {
                    throw new LabException("--from-checkpoint belongs to --1d");
                }
                plane(jobs, loss, progress, o);
            }
        }
        return 0;
    }

    /**
     * Zero, negative and absurd values, and an --out that would replace a file, are refused before any model is
     * loaded. --2d keeps its resume rule: an existing --out must be an unfinished scan of the same plane (checked
     * when the plane is known); only its trajectory file, which a fresh scan would replace, needs --force.
     */
    private void checkOptions() {
        if (kind.line) {
            OptionChecks.within("--points", points, 2, 100_001, "points on the line");
            if (alpha != null) {
                if (alpha.length != 2) {
                    throw new LabException("--alpha takes two numbers, FROM,TO (e.g. -0.5,1.5)");
                }
                OptionChecks.within("--alpha FROM", alpha[0], -1000, false, 1000);
                OptionChecks.within("--alpha TO", alpha[1], -1000, false, 1000);
            }
            OptionChecks.mayWrite(out, force, "--out");
        } else {
            OptionChecks.within("--grid", grid, 2, 1001, "cells per side");
            OptionChecks.within("--range", range, 0, true, 1000);
            if (out != null && !java.nio.file.Files.exists(out)) {
                String name = out.getFileName().toString();
                Path trajectory = out.resolveSibling((name.endsWith(".csv") ? name.substring(0, name.length() - 4)
                        : name) + "-trajectory.csv");
                OptionChecks.mayWrite(trajectory, force, "--out (its trajectory file)");
            }
        }
        lossOptions.check();
    }

    private void line(GeometryJobs jobs, LossSpec loss, ConsoleProgress progress, GeometryOutput o) {
        LineOptions options = LineOptions.defaults();
        if (alpha != null) {
            if (alpha.length != 2) {
                throw new LabException("--alpha takes two numbers, FROM,TO (e.g. -0.5,1.5)");
            }
            options = new LineOptions(points, alpha[0], alpha[1]);
        } else {
            options = new LineOptions(points, options.from(), options.to());
        }
        LineResult r = jobs.line(loss, fromCheckpoint, options, progress);
        o.info(r.info());
        o.comment("line from " + r.start() + " (alpha 0) to " + r.end() + " (alpha 1)");
        o.put("loss_alpha0", r.startLoss());
        o.put("loss_alpha1", r.endLoss());
        o.put("distance", r.distance());
        double[] min = r.minimum();
        o.put("min_alpha", min[0]);
        o.put("min_loss", min[1]);
        o.put("seconds", r.info().seconds());
        o.put("cached", progress.servedFromCache());
        if (out != null) {
            r.writeCsv(out);
            o.put("written", out.toString());
        }
        o.comment("alpha loss");
        for (int i = 0; i < r.alpha().length; i++) {
            System.out.println(GeometryOutput.number(r.alpha()[i]) + " " + GeometryOutput.number(r.loss()[i]));
        }
    }

    private void plane(GeometryJobs jobs, LossSpec loss, ConsoleProgress progress, GeometryOutput o) {
        SliceOptions options = new SliceOptions(SliceOptions.Directions.parse(directions), grid, range);
        SurfaceSlice s = jobs.slice(loss, options, out, progress);
        o.info(s.info());
        o.comment("plane: " + s.plane());
        o.put("grid", s.a().length + "x" + s.b().length);
        o.put("range", range);
        o.put("resumed_cells", s.resumedCells());
        o.put("centre_loss", s.centreLoss());
        o.put("min_loss", s.range()[0]);
        o.put("max_loss", s.range()[1]);
        o.put("trajectory_points", s.trajectory().iterations().length);
        o.put("trajectory_kept", s.trajectory().kept());
        o.put("seconds", s.info().seconds());
        o.put("scan", s.scanFile().toString());
        o.put("trajectory", s.trajectoryFile().toString());
        o.comment(s.trajectory().note());
    }
}
