package org.latentlab.train;

import org.latentlab.train.RunState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Owns one model (a GAN, an autoencoder, a VAE, an RBM) on one dedicated thread. Other threads only post commands (start, pause, step, reset, settings) and
 * receive immutable status records; they never touch the networks. Statuses are published at most
 * every {@code statusIntervalMillis} and only while someone listens, so an unwatched run pays nothing per
 * iteration; the heavier view of the model is made at most every {@code viewIntervalMillis}.
 *
 * <p>The owner thread's loop and the commands it takes; its pace is measured by a {@link RunPace}, and what it
 * says of a failure is made by {@link RunFailures}.
 *
 * @param <T> the family's trainer
 * @param <S> the family's status record, made by the {@link Hooks}
 */
public final class TrainingRun<T extends Trainer, S> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    /**
     * Callbacks into the layer that owns files, metrics and views; all run on the training thread, where they may
     * read the networks.
     *
     * @param <T> the trainer
     * @param <S> the status record the run publishes
     */
    public interface Hooks<T extends Trainer, S> {
        /** After every iteration (checkpoints, metrics): keep it cheap unless it is due. True: news to publish. */
        default boolean afterIteration(T trainer) {
            return false;
        }

        /** The run stopped: finished, paused, or closed. True: a last measurement to publish. */
        default boolean onStop(T trainer, RunState state) {
            return false;
        }

        /** The trainer was (re)built; e.g. to restore a checkpoint. */
        default void onTrainerCreated(T trainer) {
        }

        /** The run's thread is ending: let go of anything that holds native memory (views of the model). */
        default void onClosed() {
        }

        /**
         * The immutable status to publish: {@code progress} from the run, the family's numbers from the trainer
         * (null when it could not be built), and a fresh view of the model when {@code withView}.
         */
        S status(Progress progress, T trainer, boolean withView);
    }

    /**
     * What the run itself knows, whatever the family: its state and pace. {@code fault}: the run paused itself
     * because a loss became NaN or infinite ({@code message} says which and when), as opposed to a pause a person
     * asked for.
     */
    public record Progress(RunState state, long iteration, long maxIterations, long elapsedMillis,
                           double itersPerSecond, String message, boolean fault) {
    }

    /** Builds a fresh trainer (networks, data) on the training thread. */
    @FunctionalInterface
    public interface TrainerFactory<T extends Trainer> {
        T create();
    }

    private final TrainerFactory<T> factory;
    private final Hooks<T, S> hooks;
    private final long maxIterations;
    private final long statusIntervalNanos;
    private final long viewIntervalNanos;
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Consumer<S>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    /** On JVM exit (window closed, Ctrl+C, SIGTERM): stop after the current operation, so no native op is cut. */
    private final Thread shutdownHook = new Thread(this::stopForExit, "latentlab-training-exit");

    private volatile boolean running;
    private volatile boolean closed;
    private volatile RunState state = RunState.STARTING;
    private volatile boolean viewRequested;

    // Owned by the training thread.
    private T trainer;
    private final RunPace pace = new RunPace();
    private long nextStatusNanos;
    private long nextViewNanos;
    private boolean news;
    private String message = "";

    public TrainingRun(TrainerFactory<T> factory, Hooks<T, S> hooks, long maxIterations, long statusIntervalMillis,
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
    public void subscribe(Consumer<S> listener) {
        listeners.add(listener);
        requestView();
    }

    public void unsubscribe(Consumer<S> listener) {
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
                pace.startWindow(trainer.iteration());
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
            NativeMemory.releaseSoon(); // idle now: what the last iterations left behind goes back
        });
    }

    /** One whole iteration while paused. */
    public void step() {
        step(-1);
    }

    /**
     * One part of an iteration while paused, for families whose iteration has parts ({@link Trainer#parts()}: a
     * GAN's discriminator update and generator update).
     */
    public void stepPart(int part) {
        if (part < 0) {
            throw new IllegalArgumentException("a part is numbered from 0, not " + part);
        }
        step(part);
    }

    private void step(int part) {
        running = false;
        post(() -> {
            running = false;
            if (trainer == null || state == RunState.FAILED) {
                return;
            }
            state = RunState.PAUSED;
            guarded(() -> {
                trainer.setDiagnostics(true);
                if (part < 0) {
                    trainer.iterate();
                    news |= hooks.afterIteration(trainer);
                } else {
                    trainer.stepPart(part);
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

    /**
     * Changes the trainer's settings on the training thread (learning rates, k...); {@code change} returns the
     * message to show. An {@link IllegalArgumentException} refuses the change with its message.
     */
    public void modify(Function<T, String> change) {
        post(() -> {
            if (trainer != null) {
                try {
                    message = change.apply(trainer);
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

    /**
     * Hands the trainer to {@code query} on the training thread, between two iterations, and publishes nothing: for
     * copies a person's screen needs without a status (a batch of G's samples for a score). {@code query} is given
     * null when no trainer could be built; it must not change the trainer, and a failure it throws is logged
     * without stopping the run. Nothing happens once the run is closed.
     */
    public void query(Consumer<T> query) {
        post(() -> {
            try {
                query.accept(trainer);
            } catch (RuntimeException e) {
                LOG.warn("a query of the trainer failed", e);
            }
        });
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

    /**
     * The JVM is exiting (SIGTERM, Ctrl+C, the window closed): the current iteration finishes, the run stops as if
     * closed (so a last checkpoint is saved), and no native operation is cut short by the exit.
     */
    private void stopForExit() {
        running = false;
        post(() -> {
            try {
                if (trainer != null && state != RunState.FAILED) {
                    hooks.onStop(trainer, RunState.CLOSED);
                }
            } finally {
                closed = true;
            }
        });
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
            try {
                if (trainer != null && state != RunState.FAILED) {
                    hooks.onStop(trainer, RunState.CLOSED);
                }
            } catch (RuntimeException e) {
                // the last checkpoint could not be saved (a full disk): say so; the run closes all the same
                RunFailures.log("closing the run", e);
                message = RunFailures.message(e);
            } finally {
                closed = true;
                state = RunState.CLOSED;
                commands.clear();
                inFlight.set(0);
            }
        });
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            Backend.applyToCurrentThread();
            build();
            publish(true);
            serve();
        } finally {
            // nothing can reach the networks once the thread ends: let them go and give their memory back
            trainer = null;
            try {
                hooks.onClosed();
            } finally {
                NativeMemory.releaseThread();
            }
        }
    }

    private void serve() {
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
                RunFailures.log("training command failed", e);
                running = false;
                state = RunState.FAILED;
                message = RunFailures.message(e);
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
            news |= hooks.afterIteration(trainer);
        });
        long t1 = System.nanoTime();
        pace.addRunning(t1 - t0);
        if (!ok) {
            publish(true);
            return;
        }
        if (trainer.iteration() >= maxIterations) {
            running = false;
            state = RunState.FINISHED;
            message = "finished " + trainer.iteration() + " iterations";
            news |= hooks.onStop(trainer, state);
            publish(true);
            NativeMemory.releaseSoon();
        } else if (report || news && !listeners.isEmpty()) {
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
            LOG.debug(message); // the status carries it to the window or the command line
            hooks.onStop(trainer, RunState.PAUSED);
            return false;
        } catch (RuntimeException e) {
            RunFailures.log("training failed", e);
            running = false;
            state = RunState.FAILED;
            message = RunFailures.message(e);
            if (trainer != null) {
                trainer.markFaulted();
            }
            return false;
        }
    }

    private void build() {
        running = false;
        if (trainer != null) {
            // a reset: the old networks go before the new ones are made
            trainer = null;
            NativeMemory.release();
        }
        try {
            trainer = factory.create();
            hooks.onTrainerCreated(trainer);
            state = RunState.READY;
            message = "ready: " + trainer.describeSettings();
            pace.reset();
            news = false;
            viewRequested = true;
        } catch (RuntimeException e) {
            RunFailures.log("could not build the trainer", e);
            trainer = null;
            state = RunState.FAILED;
            message = RunFailures.message(e);
        }
    }

    private void publish(boolean force) {
        if (listeners.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (trainer != null && running) {
            pace.measure(now, trainer.iteration());
        }
        boolean withView = trainer != null && (force || viewRequested || now >= nextViewNanos);
        if (withView) {
            viewRequested = false;
            nextViewNanos = now + viewIntervalNanos;
        }
        nextStatusNanos = now + statusIntervalNanos;
        Progress progress = new Progress(state, trainer == null ? 0 : trainer.iteration(), maxIterations,
                pace.runningMillis(), pace.itersPerSecond(), message,
                state == RunState.PAUSED && trainer != null && trainer.isFaulted());
        S status = hooks.status(progress, trainer, withView);
        news = false;
        for (Consumer<S> l : listeners) {
            try {
                l.accept(status);
            } catch (RuntimeException e) {
                LOG.warn("status listener failed", e);
            }
        }
    }
}
