package org.latentlab.train;

import org.latentlab.core.LabException;
import org.latentlab.train.TrainingStatus.RunState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Owns one GAN on one dedicated thread. Other threads only post commands (start, pause, step, reset, settings) and
 * receive immutable {@link TrainingStatus} records; they never touch the networks. Statuses are published at most
 * every {@code statusIntervalMillis} and only while someone listens, so an unwatched run pays nothing per
 * iteration; the heavier {@link GanView} is made at most every {@code viewIntervalMillis}.
 */
public final class TrainingRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    /** Callbacks into the layer that owns files and metrics; all run on the training thread. */
    public interface Hooks {
        /** After every iteration (checkpoints, metrics): keep it cheap unless it is due. */
        default Evaluation afterIteration(GanTrainer trainer) {
            return null;
        }

        /** A view of the current state for the dashboard. */
        default GanView view(GanTrainer trainer) {
            return null;
        }

        /** The run stopped: finished, paused, or closed. Returns a last measurement to publish, or null. */
        default Evaluation onStop(GanTrainer trainer, RunState state) {
            return null;
        }

        /** The trainer was (re)built; e.g. to restore a checkpoint. */
        default void onTrainerCreated(GanTrainer trainer) {
        }
    }

    /** What a single step trains. */
    public enum Step { DISCRIMINATOR, GENERATOR, BOTH }

    /** Builds a fresh trainer (networks, data) on the training thread. */
    @FunctionalInterface
    public interface TrainerFactory {
        GanTrainer create();
    }

    private final TrainerFactory factory;
    private final Hooks hooks;
    private final long maxIterations;
    private final long statusIntervalNanos;
    private final long viewIntervalNanos;
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Consumer<TrainingStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    /** On JVM exit (window closed, Ctrl+C, SIGTERM): stop after the current operation, so no native op is cut. */
    private final Thread shutdownHook = new Thread(this::stopForExit, "latentlab-training-exit");

    private volatile boolean running;
    private volatile boolean closed;
    private volatile RunState state = RunState.STARTING;
    private volatile boolean viewRequested;

    // Owned by the training thread.
    private GanTrainer trainer;
    private long runningNanos;
    private long windowStartNanos;
    private long windowStartIteration;
    private double itersPerSecond = Double.NaN;
    private long nextStatusNanos;
    private long nextViewNanos;
    private Evaluation pendingEvaluation;
    private String message = "";

    public TrainingRun(TrainerFactory factory, Hooks hooks, long maxIterations, long statusIntervalMillis,
                       long viewIntervalMillis) {
        this.factory = factory;
        this.hooks = hooks;
        this.maxIterations = maxIterations;
        this.statusIntervalNanos = TimeUnit.MILLISECONDS.toNanos(statusIntervalMillis);
        this.viewIntervalNanos = TimeUnit.MILLISECONDS.toNanos(viewIntervalMillis);
        this.thread = new Thread(this::loop, "latentlab-training");
        this.thread.setDaemon(true);
    }

    /** Starts the owner thread, which builds the trainer and waits for commands. */
    public TrainingRun launch() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        thread.start();
        return this;
    }

    /** Adds a listener; it soon receives the current status (with a view), whatever state the run is in. */
    public void subscribe(Consumer<TrainingStatus> listener) {
        listeners.add(listener);
        requestView();
    }

    public void unsubscribe(Consumer<TrainingStatus> listener) {
        listeners.remove(listener);
    }

    public RunState state() {
        return state;
    }

    /** Starts or resumes training flat out. */
    public void start() {
        post(() -> {
            if (trainer != null && trainer.iteration() < maxIterations) {
                running = true;
                message = "";
                state = RunState.RUNNING;
                windowStartNanos = System.nanoTime();
                windowStartIteration = trainer.iteration();
                publish(true);
            } else if (trainer != null && state != RunState.FAILED) {
                state = RunState.FINISHED;
                message = "already finished " + trainer.iteration() + " iterations";
                publish(true);
            }
        });
    }

    /** Pauses after the current iteration. */
    public void pause() {
        running = false;
        post(() -> {
            running = false;
            if (state == RunState.RUNNING) {
                state = RunState.PAUSED;
                hooks.onStop(trainer, state);
            }
            publish(true);
        });
    }

    /** One step while paused: D only, G only, or one whole iteration. */
    public void step(Step step) {
        running = false;
        post(() -> {
            running = false;
            if (trainer == null || state == RunState.FAILED) {
                return;
            }
            state = RunState.PAUSED;
            guarded(() -> {
                trainer.setDiagnostics(true);
                switch (step) {
                    case DISCRIMINATOR -> trainer.stepDiscriminator();
                    case GENERATOR -> trainer.stepGenerator();
                    case BOTH -> {
                        trainer.iterate();
                        pendingEvaluation = hooks.afterIteration(trainer);
                    }
                }
                trainer.setDiagnostics(false);
            });
            publish(true);
        });
    }

    /** Throws the networks away and builds fresh ones from the same spec and seed. */
    public void reset() {
        running = false;
        post(() -> {
            if (trainer != null && state == RunState.RUNNING) {
                hooks.onStop(trainer, RunState.PAUSED);
            }
            build();
            publish(true);
        });
    }

    /** Changes learning rates or k; takes effect at the next iteration, Adam's moments kept. */
    public void updateSettings(UnaryOperator<GanSettings> change) {
        post(() -> {
            if (trainer != null) {
                try {
                    trainer.updateSettings(change.apply(trainer.settings()));
                    message = "settings: " + describe(trainer.settings());
                } catch (IllegalArgumentException e) {
                    message = "settings refused: " + e.getMessage();
                }
                publish(true);
            }
        });
    }

    /** Asks for a fresh view with the next status (e.g. when a window opens on a paused run). */
    public void requestView() {
        viewRequested = true;
        post(() -> publish(true));
    }

    /** Runs a task on the training thread, where it may touch the networks (e.g. export). */
    public void post(Runnable command) {
        if (!closed) {
            inFlight.incrementAndGet();
            commands.add(command);
        }
    }

    /** Blocks until the run is neither starting nor running (for the CLI and tests). */
    public void awaitIdle(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while ((state == RunState.STARTING || running || state == RunState.RUNNING || inFlight.get() > 0)
                && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
    }

    private void stopForExit() {
        running = false;
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is already exiting, or the run was never launched
        }
        running = false;
        post(() -> {
            if (trainer != null) {
                hooks.onStop(trainer, RunState.CLOSED);
            }
            closed = true;
            state = RunState.CLOSED;
            commands.clear();
            inFlight.set(0);
        });
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        Backend.applyToCurrentThread();
        build();
        publish(true);
        while (!closed) {
            try {
                Runnable command = running ? commands.poll() : commands.poll(250, TimeUnit.MILLISECONDS);
                if (command != null) {
                    try {
                        command.run();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    continue;
                }
                if (running) {
                    iterateOnce();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("training command failed", e);
                running = false;
                state = RunState.FAILED;
                message = messageOf(e);
                publish(true);
            } catch (Error e) {
                // out of memory, a native library missing...: say so and stop, rather than die silently
                LOG.error("training thread stopped", e);
                running = false;
                closed = true;
                state = RunState.FAILED;
                message = e.getClass().getSimpleName() + ": " + e.getMessage()
                        + " (the training thread stopped; reset or reload the experiment)";
                commands.clear();
                inFlight.set(0);
                publish(true);
                return;
            }
        }
    }

    /** False once the owner thread has ended (closed, or stopped by an Error). */
    public boolean isAlive() {
        return thread.isAlive();
    }

    private void iterateOnce() {
        long now = System.nanoTime();
        boolean report = now >= nextStatusNanos && !listeners.isEmpty();
        trainer.setDiagnostics(report);
        long t0 = now;
        boolean ok = guarded(() -> {
            trainer.iterate();
            Evaluation e = hooks.afterIteration(trainer);
            if (e != null) {
                pendingEvaluation = e;
            }
        });
        long t1 = System.nanoTime();
        runningNanos += t1 - t0;
        if (!ok) {
            publish(true);
            return;
        }
        if (trainer.iteration() >= maxIterations) {
            running = false;
            state = RunState.FINISHED;
            message = "finished " + trainer.iteration() + " iterations";
            Evaluation last = hooks.onStop(trainer, state);
            if (last != null) {
                pendingEvaluation = last;
            }
            publish(true);
        } else if (report || pendingEvaluation != null && !listeners.isEmpty()) {
            publish(false);
        }
    }

    /** Runs training work; a fault pauses (non-finite loss) or fails the run with a message. */
    private boolean guarded(Runnable work) {
        try {
            work.run();
            return true;
        } catch (NonFiniteLossException e) {
            trainer.markFaulted();
            running = false;
            state = RunState.PAUSED;
            message = e.getMessage();
            LOG.warn(message);
            hooks.onStop(trainer, RunState.PAUSED);
            return false;
        } catch (RuntimeException e) {
            LOG.error("training failed", e);
            running = false;
            state = RunState.FAILED;
            message = messageOf(e);
            if (trainer != null) {
                trainer.markFaulted();
            }
            return false;
        }
    }

    private void build() {
        running = false;
        try {
            trainer = factory.create();
            hooks.onTrainerCreated(trainer);
            state = RunState.READY;
            message = "ready: " + describe(trainer.settings());
            runningNanos = 0;
            itersPerSecond = Double.NaN;
            pendingEvaluation = null;
            viewRequested = true;
        } catch (RuntimeException e) {
            LOG.error("could not build the trainer", e);
            trainer = null;
            state = RunState.FAILED;
            message = messageOf(e);
        }
    }

    private void publish(boolean force) {
        if (listeners.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (trainer != null && running && now - windowStartNanos > 200_000_000L) {
            itersPerSecond = (trainer.iteration() - windowStartIteration) * 1e9 / (now - windowStartNanos);
            windowStartNanos = now;
            windowStartIteration = trainer.iteration();
        }
        GanView view = null;
        if (trainer != null && (force || viewRequested || now >= nextViewNanos)) {
            try {
                view = hooks.view(trainer);
            } catch (RuntimeException e) {
                LOG.warn("could not draw the view", e);
            }
            viewRequested = false;
            nextViewNanos = now + viewIntervalNanos;
        }
        nextStatusNanos = now + statusIntervalNanos;
        TrainingStatus status = snapshot(view);
        pendingEvaluation = null;
        for (Consumer<TrainingStatus> l : listeners) {
            try {
                l.accept(status);
            } catch (RuntimeException e) {
                LOG.warn("status listener failed", e);
            }
        }
    }

    private TrainingStatus snapshot(GanView view) {
        if (trainer == null) {
            return new TrainingStatus(state, 0, maxIterations, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, null, 0, Double.NaN, null, null, message);
        }
        GanTrainer.StepStats s = trainer.lastStats();
        return new TrainingStatus(state, trainer.iteration(), maxIterations, s.discriminatorLoss, s.generatorLoss,
                s.realScore, s.fakeScore, s.penalty, s.discriminatorGradNorm, s.generatorGradNorm, trainer.settings(),
                runningNanos / 1_000_000, itersPerSecond, pendingEvaluation, view, message);
    }

    private static String describe(GanSettings s) {
        return s.loss().id() + ", k=" + s.discriminatorSteps() + ", lr D " + s.discriminatorOptimizer().learningRate()
                + ", lr G " + s.generatorOptimizer().learningRate();
    }

    private static String messageOf(RuntimeException e) {
        if (e instanceof LabException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
