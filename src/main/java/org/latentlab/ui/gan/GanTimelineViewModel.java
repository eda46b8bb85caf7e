package org.latentlab.ui.gan;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.experiment.GanTimeline;
import org.latentlab.train.GanView;

import java.util.List;
import java.util.Locale;

/**
 * The GAN bench's timeline: the run's pictures kept at growing intervals ({@link GanTimeline}) and which one is shown,
 * the newest ("live") or an earlier snapshot while the run goes on. Fed on the FX thread with the views the bench
 * drains each frame; holds the selection by the snapshot itself, so thinning older snapshots never changes what is
 * shown. The slider's position is {@link #indexProperty()}; its right end is live.
 */
public final class GanTimelineViewModel {

    private final GanTimeline timeline = new GanTimeline();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<GanView> shown = new ReadOnlyObjectWrapper<>();
    /** The iteration of the snapshot shown, NaN while live (the charts' marker). */
    private final ReadOnlyDoubleWrapper marked = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("no pictures yet");
    private GanView selected;
    /** The iteration of the snapshot the user chose: where the selection goes back to when thinning drops one. */
    private long wanted;
    private long maxIterations;

    /**
     * Takes in the newest view of the run; shows it when live, else keeps showing the chosen snapshot (or, once
     * thinning drops it, the one nearest to the iteration chosen).
     */
    public void record(GanView view, long maxIterations) {
        this.maxIterations = maxIterations;
        if (view == null) {
            return;
        }
        GanView newest = timeline.newest();
        if (newest != null && view.iteration() < newest.iteration()) {
            // the run went back (resumed from a checkpoint older than the snapshots read from its folder)
            timeline.dropAfter(view.iteration());
            if (selected != null && selected.iteration() > view.iteration()) {
                selected = null;
            }
        }
        timeline.add(view);
        count.set(timeline.size());
        if (selected == null) {
            shown.set(timeline.newest());
        } else if (timeline.indexOf(selected) < 0) {
            selected = timeline.get(timeline.nearest(wanted)); // thinned away: the nearest to the one chosen
            shown.set(selected);
        }
        update();
    }

    /**
     * Starts again from the snapshots a run wrote into its folder (oldest first), the newest shown: a reopened run
     * can be scrubbed back through at once.
     */
    public void restore(List<GanView> views, long maxIterations) {
        clear();
        this.maxIterations = maxIterations;
        views.forEach(timeline::add);
        count.set(timeline.size());
        shown.set(timeline.newest());
        update();
    }

    /** Shows snapshot {@code i} (0 = the oldest); the newest is live. */
    public void select(int i) {
        if (timeline.size() == 0) {
            return;
        }
        int k = Math.max(0, Math.min(timeline.size() - 1, i));
        GanView pick = k == timeline.size() - 1 ? null : timeline.get(k);
        if (pick == selected) {
            return;
        }
        selected = pick;
        wanted = pick == null ? 0 : pick.iteration();
        shown.set(pick == null ? timeline.newest() : pick);
        update();
    }

    /** Back to the newest picture, following the run. */
    public void goLive() {
        select(timeline.size() - 1);
    }

    /** Forgets every snapshot (a new experiment, a reset). */
    public void clear() {
        timeline.clear();
        selected = null;
        count.set(0);
        shown.set(null);
        update();
    }

    private void update() {
        live.set(selected == null);
        index.set(selected == null ? Math.max(0, timeline.size() - 1) : timeline.indexOf(selected));
        marked.set(selected == null ? Double.NaN : selected.iteration());
        GanView v = shown.get();
        if (v == null) {
            label.set("no pictures yet");
            return;
        }
        label.set(String.format(Locale.ROOT, "iteration %,d of %,d — %s", v.iteration(), maxIterations,
                selected == null ? "live" : "snapshot " + (index.get() + 1) + " of " + timeline.size()));
    }

    /** The snapshots kept now, oldest first. */
    public List<GanView> snapshots() {
        return timeline.snapshots();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** The position of the picture shown among the snapshots (the newest while live). */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The picture to draw: the newest while live, else the chosen snapshot. */
    public ReadOnlyObjectProperty<GanView> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The iteration the charts mark, NaN while live. */
    public ReadOnlyDoubleProperty markedIterationProperty() {
        return marked.getReadOnlyProperty();
    }

    /** "iteration 2,000 of 20,000 — snapshot 31 of 200", or "… — live". */
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }
}
