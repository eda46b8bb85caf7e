package org.latentlab.ui.geometry;

import org.latentlab.train.Trainer;
import org.latentlab.experiment.Family;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.RunState;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bundled autoencoder or VAE preset trained briefly, as the lab trains it ({@link org.latentlab.experiment.ExperimentRunner}), into an ordinary
 * run folder with a few checkpoints on the way: the bench then analyses it exactly as it analyses a saved run (and
 * the folder can be reopened later, or given to the CLI). Blocks the calling worker thread while the run's own
 * thread trains; Cancel closes the run, which keeps the checkpoints written so far.
 */
public final class ShortRun {

    private ShortRun() {
    }

    /**
     * Trains {@code preset} for {@code iterations} iterations with {@code checkpoints} evenly spaced checkpoints into
     * a new folder under {@code runsRoot}, and returns that folder.
     */
    public static Path train(String preset, int iterations, int checkpoints, Path runsRoot, Monitor monitor) {
        if (iterations < 1 || checkpoints < 1) {
            throw new IllegalArgumentException("a short run needs at least one iteration and one checkpoint");
        }
        ReconstructionExperiment base = Presets.loadReconstruction(preset);
        if (base.family() == Family.RBM) {
            throw new LabException(preset + " is an RBM preset: its energy is not a network loss; pick an"
                    + " autoencoder or VAE preset");
        }
        return train(base.withIterations(iterations), checkpoints, runsRoot, monitor);
    }

    /**
     * Trains {@code experiment} for its iterations with {@code checkpoints} evenly spaced checkpoints into a new
     * folder under {@code runsRoot}, and returns that folder.
     */
    public static Path train(ReconstructionExperiment experiment, int checkpoints, Path runsRoot, Monitor monitor) {
        int iterations = (int) experiment.iterations();
        if (iterations < 1 || checkpoints < 1) {
            throw new IllegalArgumentException("a short run needs at least one iteration and one checkpoint");
        }
        String preset = experiment.name();
        int every = Math.max(1, iterations / checkpoints);
        ReconstructionExperiment spec = experiment.withIntervals(every, every);
        ExperimentRunner.Options options = new ExperimentRunner.Options(runsRoot, Path.of("."), 200, 3_600_000);
        monitor.progress(0, "training " + preset + ": building the networks");
        AtomicLong iteration = new AtomicLong();
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> session = ExperimentRunner.start(spec, options)) {
            AtomicReference<String> said = new AtomicReference<>();
            session.run().subscribe((ReconstructionStatus s) -> {
                iteration.set(s.progress().iteration());
                if (s.message() != null && !s.message().isBlank()) {
                    said.set(s.message());
                }
            });
            boolean started = false;
            while (true) {
                if (monitor.isCancelled()) {
                    throw new Monitor.Cancelled();
                }
                RunState state = session.run().state();
                if (state == RunState.FAILED) {
                    throw new LabException("training " + preset + " failed"
                            + (said.get() == null ? "; see the log" : ": " + said.get()));
                }
                if (state == RunState.READY && !started) {
                    session.run().start();
                    started = true;
                }
                if (state == RunState.FINISHED) {
                    break;
                }
                monitor.progress((double) iteration.get() / iterations, "training " + preset + ": iteration "
                        + iteration.get() + " of " + iterations);
                sleep();
            }
            Path dir = session.runDir();
            // FINISHED is announced just before the last checkpoint is written: closing waits for the run's thread
            session.close();
            if (dir == null) {
                throw new LabException("training " + preset + " wrote no run folder");
            }
            return dir;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Monitor.Cancelled();
        }
    }
}
