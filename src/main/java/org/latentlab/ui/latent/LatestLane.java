package org.latentlab.ui.latent;

import org.latentlab.latent.DecodeService;
import org.latentlab.latent.LatentModel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A second "latest wins" queue on a {@link DecodeService}'s worker, for a control other than the code sliders (the
 * interpolation scrubber): while one job runs, a newer input replaces the one waiting (whose future is cancelled),
 * so dragging never piles up work, and the sliders' own requests are never cancelled by it.
 *
 * @param <I> what a job is asked with (codes)
 * @param <O> what it answers (display images)
 */
final class LatestLane<I, O> {

    private record Request<I, O>(I input, CompletableFuture<O> future) {
    }

    private final DecodeService service;
    private final Function<LatentModel, Function<I, O>> job;
    private final AtomicReference<Request<I, O>> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** @param job given the model (on the worker), maps an input to an output */
    LatestLane(DecodeService service, Function<LatentModel, Function<I, O>> job) {
        this.service = service;
        this.job = job;
    }

    /** Asks for {@code input}; the future completes on the worker unless a newer input replaces it first. */
    CompletableFuture<O> submit(I input) {
        Request<I, O> request = new Request<>(input, new CompletableFuture<>());
        Request<I, O> replaced = pending.getAndSet(request);
        if (replaced != null) {
            replaced.future().cancel(false);
        }
        if (scheduled.compareAndSet(false, true)) {
            try {
                service.<LatentModel, Void>run(model -> {
                    drain(model);
                    return null;
                });
            } catch (RejectedExecutionException e) {
                // the service is closed: nothing more will be answered
                scheduled.set(false);
                request.future().cancel(false);
            }
        }
        return request.future();
    }

    private void drain(LatentModel model) {
        while (true) {
            Request<I, O> r = pending.getAndSet(null);
            if (r == null) {
                scheduled.set(false);
                if (pending.get() == null || !scheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                r.future().complete(job.apply(model).apply(r.input()));
            } catch (RuntimeException e) {
                r.future().completeExceptionally(e);
            }
        }
    }
}
