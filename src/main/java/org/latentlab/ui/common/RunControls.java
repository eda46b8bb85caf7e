package org.latentlab.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.train.RunState;

import java.util.Locale;

/**
 * Which run controls a training bench offers in each state of its run, for its ViewModel to expose and its view to
 * bind: Start (labelled Resume once paused) and Step while the run is ready or paused, Pause only while it runs,
 * Reset once there is a run. A state of null means nothing is loaded yet. No scene graph: tested without a screen.
 */
public final class RunControls {

    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canStep = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canReset = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper startLabel = new ReadOnlyStringWrapper("Start");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");

    /** Sets every control from the run's state (null: nothing loaded). */
    public void show(RunState state) {
        boolean ready = state == RunState.READY || state == RunState.PAUSED;
        canStart.set(ready);
        canStep.set(ready);
        canPause.set(state == RunState.RUNNING);
        canReset.set(state != null && state != RunState.STARTING && state != RunState.CLOSED);
        startLabel.set(state == RunState.PAUSED ? "Resume" : "Start");
        stateText.set(state == null ? "" : state.name().toLowerCase(Locale.ROOT));
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    /** Step, and on the GAN bench Step D and Step G as well. */
    public ReadOnlyBooleanProperty canStepProperty() {
        return canStep.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResetProperty() {
        return canReset.getReadOnlyProperty();
    }

    /** "Start", or "Resume" while paused. */
    public ReadOnlyStringProperty startLabelProperty() {
        return startLabel.getReadOnlyProperty();
    }

    /** The state in lower case ("running"), empty while nothing is loaded. */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }
}
