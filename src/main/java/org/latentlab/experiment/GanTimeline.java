package org.latentlab.experiment;

import org.latentlab.train.GanView;

import java.util.List;

/**
 * The pictures of a GAN run kept at growing intervals, so a person can go back to an earlier iteration (the moment
 * the generator collapsed) while the run goes on or after it ends. A snapshot is one {@link GanView} as the run
 * published it: for 2-D data G's points, the real sample, D's heat map (with the warp, the arrows and D* when the view
 * has them), for images the grid of samples. Views are immutable, so a snapshot holds the published arrays without
 * copying them.
 *
 * <p>The rule: every view is kept until the timeline is full; then, for each new view, one older snapshot is
 * dropped, never the first nor the newest: the one whose removal leaves the smallest merged gap, the gap weighted by
 * {@code 1 / (1 + age / span)} (age: iterations before the newest; span: iterations from the first to the newest).
 * Gaps therefore grow with age, and the oldest gaps settle at about twice the newest ones, so the whole run stays
 * covered while the recent past is seen in most detail. A view at the iteration of the newest snapshot (a pause, a
 * requested view) replaces it.
 *
 * <p>Memory: a ring8 or grid25 view holds 600 real and 600 generated points, a 64 x 64 heat map, a 21 x 21 warp, 150
 * arrows and D* on the heat map's grid, about 62 KB; a grid of 64 images of 28 x 28 grey pixels about 200 KB. The
 * timeline keeps at most {@link #MAX_SNAPSHOTS} snapshots and at most {@link #MAX_BYTES} in all (about 12 MB for
 * ring8, 32 MB for MNIST-sized images, fewer snapshots for larger images), never fewer than {@link #MIN_SNAPSHOTS}.
 * Used on one thread.
 */
public final class GanTimeline {

    /** The most snapshots kept. */
    public static final int MAX_SNAPSHOTS = 200;
    /** The most bytes of pictures kept, which lowers the count for large images. */
    public static final long MAX_BYTES = 32L << 20;
    /** The fewest snapshots kept, however large the pictures. */
    public static final int MIN_SNAPSHOTS = 16;

    private final Thinning<GanView> kept;

    public GanTimeline() {
        this(MAX_SNAPSHOTS, MAX_BYTES);
    }

    /** A timeline keeping at most {@code maxSnapshots} (at least 3) and {@code maxBytes} of pictures. */
    public GanTimeline(int maxSnapshots, long maxBytes) {
        kept = new Thinning<>(maxSnapshots, maxBytes, GanView::iteration, GanTimeline::bytesOf);
    }

    /** Keeps {@code view} as the newest snapshot, thinning older ones; a view older than the newest is ignored. */
    public void add(GanView view) {
        if (view != null) {
            kept.add(view);
        }
    }

    /** Forgets the snapshots after {@code iteration} (the run went back to an earlier checkpoint). */
    public void dropAfter(long iteration) {
        kept.dropAfter(iteration);
    }

    /** Forgets every snapshot (a new run, or a reset). */
    public void clear() {
        kept.clear();
    }

    /** The snapshots, oldest first (an immutable copy). */
    public List<GanView> snapshots() {
        return kept.all();
    }

    public int size() {
        return kept.size();
    }

    public GanView get(int index) {
        return kept.get(index);
    }

    /** The newest snapshot, or null when there is none. */
    public GanView newest() {
        return kept.newest();
    }

    /** The index of {@code view} (the same object) among the snapshots, or -1 when it was dropped or never kept. */
    public int indexOf(GanView view) {
        return kept.indexOf(view);
    }

    /** The index of the snapshot nearest to {@code iteration} (the earlier on a tie), or -1 when there is none. */
    public int nearest(long iteration) {
        return kept.nearest(iteration);
    }

    /** The bytes of pictures held now. */
    public long bytes() {
        return kept.bytes();
    }

    /** The bytes of the arrays one view holds (4 per float, 8 per double, 1 per boolean). */
    public static long bytesOf(GanView view) {
        if (view instanceof GanView.Images i) {
            return 4L * i.pixels().length;
        }
        GanView.Points p = (GanView.Points) view;
        long floats = length(p.real()) + length(p.fake()) + length(p.heat()) + length(p.warp())
                + length(p.arrows()) + length(p.modes());
        if (p.optimal() != null) {
            floats += length(p.optimal().smoothed()) + length(p.optimal().exact());
        }
        return 4 * floats + 8L * p.bounds().length + (p.covered() == null ? 0 : p.covered().length);
    }

    private static long length(float[] a) {
        return a == null ? 0 : a.length;
    }
}
