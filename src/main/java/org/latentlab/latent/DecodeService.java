package org.latentlab.latent;

import org.latentlab.train.Backend;
import org.latentlab.train.NativeMemory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Decodes on one worker thread of its own, "latest wins": while a decode runs, new requests replace the one
 * waiting, so a slider dragged faster than the decoder only ever gets the newest position decoded next. A replaced
 * request's future is cancelled ({@link CompletableFuture#isCancelled()}); callers ignore cancelled futures.
 *
 * <p>The worker is the only thread that touches the {@link Decoder} (a {@link LatentModel} is not thread-safe),
 * so other work on the same model (an inversion, a map, new parameters) goes through {@link #run}, which queues
 * behind the decodes in order. Nothing here knows JavaFX: the UI hops back to its thread in the future's callback
 * ({@code Platform.runLater}). The worker is a daemon thread; {@link #close} stops it.
 */
public final class DecodeService implements AutoCloseable {

    /** One answered request: its sequence number (increasing in submission order), codes, images and timing. */
    public record Decoded(long sequence, double[][] codes, float[][] images, long decodeNanos) {

        /** The first image (the one of a single-code request). */
        public float[] image() {
            return images[0];
        }

        @Override
        public String toString() {
            return "decode #" + sequence + ": " + codes.length + " codes in " + decodeNanos / 1000 + " us";
        }
    }

    private record Request(long sequence, double[][] codes, CompletableFuture<Decoded> future) {
    }

    private final Decoder decoder;
    private final ExecutorService worker;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public DecodeService(Decoder decoder) {
        this(decoder, "latent-decode");
    }

    public DecodeService(Decoder decoder, String threadName) {
        this.decoder = decoder;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            // OpenMP's thread count is per thread: without the lab's setting, a convolution on oneDNN here ran
            // 50 times slower (55 ms instead of 0.6 ms for the DCGAN's G) while other work used the CPU
            Thread t = new Thread(() -> {
                Backend.applyToCurrentThread();
                r.run();
            }, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for one code to be decoded; the future completes with it unless a newer request replaces it first. */
    public CompletableFuture<Decoded> submit(double[] code) {
        return submit(new double[][] {code.clone()});
    }

    /** Asks for a batch of codes to be decoded (latest wins, as for one code). The codes are not copied. */
    public CompletableFuture<Decoded> submit(double[][] codes) {
        CompletableFuture<Decoded> future = new CompletableFuture<>();
        Request request = new Request(sequence.incrementAndGet(), codes, future);
        Request replaced = pending.getAndSet(request);
        if (replaced != null) {
            dropped.incrementAndGet();
            replaced.future.cancel(false);
        }
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                drainScheduled.set(false);
                pending.compareAndSet(request, null);
                future.completeExceptionally(new IllegalStateException("the decode service is closed", e));
            }
        }
        return future;
    }

    /**
     * Runs a task with the decoder on the worker thread, in order with the decodes (not dropped): inversion,
     * maps, {@link LatentModel#setParameters}. A long task delays the decodes behind it.
     */
    @SuppressWarnings("unchecked")
    public <D extends Decoder, T> CompletableFuture<T> run(Function<D, T> task) {
        return CompletableFuture.supplyAsync(() -> task.apply((D) decoder), worker);
    }

    private void drain() {
        while (true) {
            Request r = pending.getAndSet(null);
            if (r == null) {
                drainScheduled.set(false);
                // a request that arrived between the empty read and the reset found the flag still set
                if (pending.get() == null || !drainScheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            if (r.future.isDone()) {
                continue;
            }
            try {
                long start = System.nanoTime();
                float[][] images = decoder.decode(r.codes);
                r.future.complete(new Decoded(r.sequence, r.codes, images, System.nanoTime() - start));
            } catch (RuntimeException | Error e) {
                r.future.completeExceptionally(e);
            }
        }
    }

    /** How many requests were replaced before they were decoded. */
    public long droppedCount() {
        return dropped.get();
    }

    /**
     * Stops the worker after the task under way; a waiting request is cancelled. The worker's last task destroys
     * the ND4J workspaces the model used on it (the caller, once it drops the model, releases the rest:
     * {@link NativeMemory#releaseSoon()}).
     */
    @Override
    public void close() {
        Request r = pending.getAndSet(null);
        if (r != null) {
            r.future.cancel(false);
        }
        try {
            worker.execute(NativeMemory::dropThreadWorkspaces);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed before
        }
        worker.shutdown();
    }

    /** Waits up to the given time for the worker to finish after {@link #close}. */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return worker.awaitTermination(timeout, unit);
    }
}
