package org.latentlab.ui.geometry;

import org.latentlab.analysis.tangent.TangentSpace;
import org.latentlab.core.BackgroundTask;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.TangentResult;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The decodes a moving t slider asks for: x + t·v and decode(encode(x + t·v)) in every column, computed on the
 * bench's worker beside its other jobs. Requests that come faster than they are served are merged (the worker
 * takes the newest waiting one), and only the answer to the newest request is shown.
 */
final class TangentDecoder {

    /** The decodes of one request, per column (null where there is none). */
    private record Decoded(long version, double t, int vector, double[][] moved, double[][] decoded, int[][] sizes,
                           String error) {
    }

    private final SectionTasks tasks;
    private final AtomicReference<Supplier<Decoded>> pending = new AtomicReference<>();
    private long version;

    TangentDecoder(SectionTasks tasks) {
        this.tasks = tasks;
    }

    /** Asks for tangent {@code v} (0-based) moved by {@code t} in every column that has tangents. */
    void request(TangentColumnModel[] columns, int v, double t) {
        int n = columns.length;
        TangentResult[] r = new TangentResult[n];
        GeometryJobs[] j = new GeometryJobs[n];
        for (int c = 0; c < n; c++) {
            r[c] = columns[c].tangentsProperty().get();
            j[c] = columns[c].jobs();
        }
        long mine = ++version;
        Supplier<Decoded> request = () -> {
            double[][] moved = new double[n][];
            double[][] decoded = new double[n][];
            int[][] sizes = new int[n][];
            String error = null;
            for (int c = 0; c < n; c++) {
                if (r[c] == null || j[c] == null || v < 0 || v >= r[c].tangents().length) {
                    continue;
                }
                try {
                    sizes[c] = TangentViewModel.imageSize(r[c]);
                    moved[c] = TangentSpace.move(r[c].input(), r[c].tangents()[v], t);
                    decoded[c] = j[c].alongTangent(r[c], v, t);
                } catch (RuntimeException e) {
                    error = e.getMessage();
                }
            }
            return new Decoded(mine, t, v, moved, decoded, sizes, error);
        };
        if (pending.getAndSet(request) == null) {
            tasks.runner().submit(BackgroundTask.of("decoding along the tangent", m -> {
                Supplier<Decoded> next = pending.getAndSet(null);
                return next == null ? null : next.get();
            }).onSuccess(d -> show(columns, d)).onFailure(tasks::say));
        }
    }

    private void show(TangentColumnModel[] columns, Decoded d) {
        if (d == null || d.version() != version) {
            return;
        }
        for (int c = 0; c < columns.length; c++) {
            if (d.moved()[c] != null && d.decoded()[c] != null) {
                columns[c].showMoved(new TangentColumnModel.Moved(d.t(), d.vector(), d.moved()[c], d.decoded()[c],
                        d.sizes()[c][0], d.sizes()[c][1]));
            }
        }
        if (d.error() != null) {
            tasks.say(d.error());
        }
    }
}
