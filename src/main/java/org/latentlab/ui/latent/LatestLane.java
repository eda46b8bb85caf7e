package org.latentlab.ui.latent;

import org.latentlab.latent.DecodeService;
import org.latentlab.latent.LatentModel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A second "latest wins" queue on a {@link DecodeService}'s worker, for a control other than the code sliders (the
 * interpolation scrubber): while one job runs, newer inputs replace the one waiting, so dragging never piles up
 * work, and the sliders' own requests are never cancelled by it.
 *
 * @param <I> what a job is asked with (codes)
 * @param <O> what it answers (display images)
 */
final class LatestLane<I, O> {

    private final DecodeService service;
    private final Function<LatentModel, Function<I, O>> job;
    private final BiConsumer<I, O> done;
    private final java.util.function.Consumer<RuntimeException> failed;
    private final AtomicReference<I> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * @param job  given the model (on the worker), maps an input to an output
     * @param done   receives each answered input with its output, on the worker thread
     * @param failed receives what a job threw, on the worker thread
     */
    LatestLane(DecodeService service, Function<LatentModel, Function<I, O>> job, BiConsumer<I, O> done,
               java.util.function.Consumer<RuntimeException> failed) {
        this.service = service;
        this.job = job;
        this.done = done;
        this.failed = failed;
    }

    void submit(I input) {
        pending.set(input);
        if (scheduled.compareAndSet(false, true)) {
            service.<LatentModel, Void>run(model -> {
                drain(model);
                return null;
            });
        }
    }

    private void drain(LatentModel model) {
        while (true) {
            I in = pending.getAndSet(null);
            if (in == null) {
                scheduled.set(false);
                if (pending.get() == null || !scheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                done.accept(in, job.apply(model).apply(in));
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }
    }
}
