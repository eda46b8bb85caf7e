package org.latentlab.ui.gan;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.train.GanSettings;
import org.latentlab.train.RunState;

/**
 * The GAN bench's learning rates and k as a person types them: text, bound to the fields, filled from the settings
 * in force whenever the run is not running, parsed and checked only on Apply. Editable while the run does not run.
 */
public final class GanSettingsForm {

    private final StringProperty discriminatorRate = new SimpleStringProperty("");
    private final StringProperty generatorRate = new SimpleStringProperty("");
    private final StringProperty discriminatorSteps = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(false);
    private double parsedD;
    private double parsedG;
    private int parsedK;

    /** Fills the fields with the settings in force. */
    void show(GanSettings t) {
        discriminatorRate.set(Double.toString(t.discriminatorOptimizer().learningRate()));
        generatorRate.set(Double.toString(t.generatorOptimizer().learningRate()));
        discriminatorSteps.set(Integer.toString(t.discriminatorSteps()));
    }

    /** Fields are editable while the run does not run; Apply needs a run that is not running. */
    void follow(RunState s) {
        editable.set(s != RunState.RUNNING);
        canApply.set(s != RunState.RUNNING && s != RunState.STARTING);
    }

    /**
     * Parses the fields and checks them against {@code current}; null when they can be applied (then
     * {@link #discriminatorRate()} and the others hold them), else what is wrong, in one line.
     */
    String check(GanSettings current) {
        String problem = problem(current);
        invalid.set(problem != null);
        return problem;
    }

    private String problem(GanSettings current) {
        try {
            parsedD = Double.parseDouble(discriminatorRate.get().trim());
            parsedG = Double.parseDouble(generatorRate.get().trim());
            parsedK = Integer.parseInt(discriminatorSteps.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            return "learning rates must be numbers (e.g. 2e-4) and k a whole number";
        }
        try {
            current.withLearningRates(parsedD, parsedG).withDiscriminatorSteps(parsedK);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    double discriminatorRate() {
        return parsedD;
    }

    double generatorRate() {
        return parsedG;
    }

    int discriminatorSteps() {
        return parsedK;
    }

    /** D's learning rate as typed. */
    public StringProperty discriminatorRateProperty() {
        return discriminatorRate;
    }

    /** G's learning rate as typed. */
    public StringProperty generatorRateProperty() {
        return generatorRate;
    }

    /** k, D's updates per iteration, as typed. */
    public StringProperty discriminatorStepsProperty() {
        return discriminatorSteps;
    }

    /** True after an Apply that was refused, until one succeeds. */
    public ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }
}
