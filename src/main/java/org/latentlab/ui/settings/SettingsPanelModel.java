package org.latentlab.ui.settings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.train.RunState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ViewModel of a generated settings panel: the experiment in force, the draft a person edits field by field (each
 * edit parsed and the record rebuilt through its constructors, a refusal shown as the record's one-line message and
 * the field marked), which fields are editable now (before a run: every one shown; while paused: the live-safe ones;
 * otherwise none), and Apply, which hands the draft to the bench. Knows nothing of JavaFX nodes; tests drive it with
 * {@link #set(String, String)}.
 */
public final class SettingsPanelModel {

    /** What the bench does with an applied draft. */
    public interface Applier {
        /**
         * Puts {@code next} in force: before a run by loading it as the experiment, while paused by handing its
         * training block to the run.
         *
         * @return null when it was sent on, else why not (one line)
         */
        String apply(Record inForce, Record next, boolean beforeRun);
    }

    /** When the panel edits what. */
    public enum Phase {
        /** No experiment on the bench. */
        NONE,
        /** Loaded and not trained yet: every setting shown may change (the experiment is loaded again). */
        BEFORE_RUN,
        /** Paused after training: the live-safe settings may change, recorded in the run folder. */
        PAUSED,
        /** Running, starting, finished or failed: nothing may change. */
        LOCKED
    }

    private final Applier applier;
    private final ObjectProperty<SettingGroup> form = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("");
    private final Map<String, SettingField> fields = new LinkedHashMap<>();
    private Record inForce;
    private Record draft;
    private Set<String> liveSafe = Set.of();
    private Phase phase = Phase.NONE;
    /** The paths of the last Apply while paused, until the run says it took them. */
    private List<String> awaiting = List.of();

    public SettingsPanelModel(Applier applier) {
        this.applier = applier;
        follow(null, false);
    }

    /**
     * Shows a newly loaded experiment: one field per setting under the top-level components {@code roots}, those in
     * {@code liveSafe} editable while paused.
     */
    public void show(Record experiment, String title, List<String> roots, Set<String> liveSafe) {
        this.inForce = experiment;
        this.draft = experiment;
        this.liveSafe = Set.copyOf(liveSafe);
        SettingGroup g = RecordFields.build(experiment, title, roots::contains, SettingsHelp.standard());
        // the experiment's own settings (iterations, seed) after its training block, in the order given
        List<SettingField> own = new ArrayList<>(g.fields());
        own.sort((a, b) -> Integer.compare(roots.indexOf(a.path()), roots.indexOf(b.path())));
        g = new SettingGroup(g.path(), g.title(), own, g.groups());
        fields.clear();
        for (SettingField f : g.allFields()) {
            fields.put(f.path(), f);
        }
        form.set(g);
        refresh();
        applyPhase();
    }

    /** The settings in force changed (the run took a change): the draft starts again from them. */
    public void inForce(Record experiment) {
        if (experiment == null || experiment.equals(inForce)) {
            return;
        }
        inForce = experiment;
        draft = experiment;
        refresh();
        if (!awaiting.isEmpty()) {
            say("in force: " + String.join(", ", awaiting), false);
            awaiting = List.of();
        }
    }

    /**
     * Follows the run: {@code trained} once it has made an update (a run that has trained is only changed by the
     * live-safe settings, so its record stays true).
     */
    public void follow(RunState state, boolean trained) {
        Phase next;
        if (state == null || inForce == null) {
            next = Phase.NONE;
        } else if (state == RunState.READY && !trained) {
            next = Phase.BEFORE_RUN;
        } else if (state == RunState.PAUSED || state == RunState.READY) {
            next = Phase.PAUSED;
        } else {
            next = Phase.LOCKED;
        }
        if (next != phase) {
            phase = next;
            applyPhase();
        }
    }

    private void applyPhase() {
        for (SettingField f : fields.values()) {
            f.editable.set(editable(f.path()));
        }
        phaseText.set(switch (phase) {
            case NONE -> "no experiment loaded";
            case BEFORE_RUN -> "before the run: every setting may change (Apply loads the experiment again with them)";
            case PAUSED -> "paused: the settings marked ● may change; Apply hands them to the run and records them"
                    + " in its folder";
            case LOCKED -> "pause the run to change its live settings";
        });
        updateCanApply();
    }

    private boolean editable(String path) {
        return phase == Phase.BEFORE_RUN || phase == Phase.PAUSED && liveSafe.contains(path);
    }

    /**
     * Sets one field by its JSON path ({@code set("training.beta", "4")}), as a lesson's step or a test does: the text
     * is parsed and the draft rebuilt. Returns null when the draft took it, else the one-line reason (the field is
     * then marked). Apply puts the draft in force.
     */
    public String set(String path, String text) {
        SettingField f = fields.get(path);
        if (f == null) {
            return say("no setting " + path + " in this panel", true);
        }
        if (!f.editable.get()) {
            return say(path + " cannot change now: " + phaseText.get(), true);
        }
        f.text.set(text);
        return commit(f);
    }

    /** Parses the field's text into the draft (a field's edit ends: Enter, focus lost, a choice made). */
    public String commit(SettingField f) {
        if (!f.invalid.get() && RecordFields.format(RecordFields.value(draft, f.path())).equals(f.text.get())) {
            return null; // an edit that changed nothing (focus passing through)
        }
        Record next;
        try {
            next = RecordFields.with(draft, f.path(), RecordFields.parse(draft, f.path(), f.text.get()));
        } catch (IllegalArgumentException e) {
            f.invalid.set(true);
            updateCanApply();
            return say(e.getMessage(), true);
        }
        f.invalid.set(false);
        draft = next;
        refresh();
        return say(pending() ? "changed: " + String.join(", ", changedPaths()) + " (Apply to use)" : "", false);
    }

    /** Hands the draft to the bench; null when sent on, else why not. */
    public String apply() {
        List<String> bad = fields.values().stream().filter(f -> f.invalid.get()).map(SettingField::path).toList();
        if (!bad.isEmpty()) {
            return say("fix the marked settings first: " + String.join(", ", bad), true);
        }
        if (phase != Phase.BEFORE_RUN && phase != Phase.PAUSED) {
            return say("settings cannot change now: " + phaseText.get(), true);
        }
        if (!pending()) {
            return say("nothing to apply: the settings are those in force", false);
        }
        String refused = applier.apply(inForce, draft, phase == Phase.BEFORE_RUN);
        if (refused != null) {
            return say(refused, true);
        }
        awaiting = phase == Phase.PAUSED ? changedPaths() : List.of();
        say("applying " + String.join(", ", changedPaths()) + "…", false);
        return null;
    }

    /** Throws the draft away: the fields show the settings in force again. */
    public void revert() {
        draft = inForce;
        fields.values().forEach(f -> f.invalid.set(false));
        refresh();
        say("", false);
    }

    private void refresh() {
        for (SettingField f : fields.values()) {
            if (!f.invalid.get() && draft != null) {
                f.text.set(RecordFields.format(RecordFields.value(draft, f.path())));
            }
            f.changed.set(inForce != null && draft != null && !Objects.equals(RecordFields.value(draft, f.path()),
                    RecordFields.value(inForce, f.path())));
        }
        updateCanApply();
    }

    private void updateCanApply() {
        canApply.set((phase == Phase.BEFORE_RUN || phase == Phase.PAUSED) && pending()
                && fields.values().stream().noneMatch(f -> f.invalid.get()));
    }

    private boolean pending() {
        return draft != null && !draft.equals(inForce);
    }

    /** The paths whose draft value differs from the one in force. */
    public List<String> changedPaths() {
        return fields.values().stream().filter(f -> f.changed.get()).map(SettingField::path).toList();
    }

    private String say(String text, boolean isError) {
        message.set(text);
        messageIsError.set(isError);
        return isError ? text : null;
    }

    /** The field at {@code path}, or null. */
    public SettingField field(String path) {
        return fields.get(path);
    }

    /** Whether {@code path} may change while the run is paused. */
    public boolean isLiveSafe(String path) {
        return liveSafe.contains(path);
    }

    public Record draft() {
        return draft;
    }

    public Record inForce() {
        return inForce;
    }

    public Phase phase() {
        return phase;
    }

    /** The fields and groups of the experiment shown; replaced when another experiment is loaded. */
    public ReadOnlyObjectProperty<SettingGroup> formProperty() {
        return form;
    }

    /** The last edit's or Apply's outcome, one line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** What may change now, one line. */
    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }
}
