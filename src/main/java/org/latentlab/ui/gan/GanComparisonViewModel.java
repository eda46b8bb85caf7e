package org.latentlab.ui.gan;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.experiment.GanComparisonTable;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.GanRunRecorder;
import org.latentlab.experiment.KeptGanRun;
import org.latentlab.experiment.RecordedCurves;
import org.latentlab.train.GanStatus;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * The GAN bench's runs side by side: it records the run on the bench from the statuses the bench drains each frame
 * (on the FX thread, so keeping is only a copy of arrays already made), and keeps up to {@link #LIMIT} runs, each
 * with a colour of its own that every chart, picture and column of the Compare tab uses. Keeping one more than the
 * limit lets the oldest go. Plain Java with JavaFX properties, testable without a screen.
 */
public final class GanComparisonViewModel {

    /** The most runs side by side (one colour each). */
    public static final int LIMIT = 6;

    /** A kept run and its colour, 0 .. {@link #LIMIT} − 1, the same in every chart. */
    public record Compared(KeptGanRun run, int colour) {
    }

    private final GanExports exports;
    private final GanExports.Messages messages;
    private final ObservableList<Compared> kept = FXCollections.observableArrayList();
    private final ObservableList<Compared> keptView = FXCollections.unmodifiableObservableList(kept);
    private final ReadOnlyBooleanWrapper canKeep = new ReadOnlyBooleanWrapper(false);
    private GanRunRecorder live;

    GanComparisonViewModel(GanExports exports, GanExports.Messages messages) {
        this.exports = exports;
        this.messages = messages;
    }

    // ---- the run on the bench (FX thread) ----

    /** A new experiment is on the bench: record it from its first status. */
    void prepare(GanExperiment spec) {
        live = new GanRunRecorder(spec);
        canKeep.set(false);
    }

    /** The run on the bench went back to its first iteration. */
    void restart() {
        if (live != null) {
            live.clear();
        }
        canKeep.set(false);
    }

    /** The curves a reopened run recorded before, ahead of its first status. */
    void recordEarlier(RecordedCurves recorded) {
        if (live != null) {
            live.addRecorded(recorded);
        }
    }

    /** One status of the run on the bench, in the order they came. */
    void record(GanStatus s) {
        if (live != null) {
            live.add(s);
            canKeep.set(live.hasProgress());
        }
    }

    // ---- keeping ----

    /** Keeps the run on the bench as it is now; returns what was done, for the status bar. */
    public String keep() {
        if (live == null || !live.hasProgress()) {
            return "nothing to keep yet: train the run first";
        }
        KeptGanRun taken = live.keep();
        String label = taken.label();
        long twins = kept.stream().filter(c -> c.run().label().equals(label)
                || c.run().label().startsWith(label + " (")).count();
        KeptGanRun run = taken;
        if (twins > 0) {
            run = run.withLabel(run.label() + " (" + (twins + 1) + ")");
        }
        String dropped = "";
        if (kept.size() == LIMIT) {
            dropped = "; let the oldest, " + kept.get(0).run().label() + ", go (at most " + LIMIT + " side by side)";
            kept.remove(0);
        }
        kept.add(new Compared(run, freeColour()));
        return String.format(java.util.Locale.ROOT, "kept %s at iteration %,d for comparison%s", run.label(),
                run.iteration(), dropped);
    }

    private int freeColour() {
        BitSet used = new BitSet();
        kept.forEach(c -> used.set(c.colour()));
        return used.nextClearBit(0);
    }

    /** Lets one kept run go. */
    public void remove(Compared c) {
        kept.remove(c);
    }

    /** Lets every kept run go. */
    public void clear() {
        kept.clear();
    }

    /** The kept runs, oldest first (read-only; it changes on the FX thread). */
    public ObservableList<Compared> kept() {
        return keptView;
    }

    /** The kept runs alone, oldest first. */
    public List<KeptGanRun> runs() {
        return kept.stream().map(Compared::run).toList();
    }

    /** Whether the run on the bench has trained, so that there is something to keep. */
    public ReadOnlyBooleanProperty canKeepProperty() {
        return canKeep.getReadOnlyProperty();
    }

    /** The milestones table of the kept runs. */
    public List<GanComparisonTable.Row> table() {
        return GanComparisonTable.rows(runs());
    }

    // ---- export ----

    /** Writes the kept runs' milestones as CSV (off the FX thread); says so when no run is kept. */
    public void exportCsv(Path file) {
        if (kept.isEmpty()) {
            messages.say("no kept runs to export: keep a run first", false);
            return;
        }
        exports.writeText(GanComparisonTable.csv(runs()), file);
    }
}
