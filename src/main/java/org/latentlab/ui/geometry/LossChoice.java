package org.latentlab.ui.geometry;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.geometry.LossSpec;
import org.latentlab.ui.common.NumberInput;

/**
 * Which loss a section analyses, as every network section asks it: the number of examples it is measured on and,
 * for a GAN, whose loss (D's with G fixed, or G's with D fixed; the choice is offered only for a GAN).
 */
final class LossChoice {

    /** The most examples a loss is measured on here. */
    static final int MAX_EXAMPLES = 10_000;

    private final StringProperty examples;
    private final ObjectProperty<GeometryModels.Part> part =
            new SimpleObjectProperty<>(GeometryModels.Part.DISCRIMINATOR);
    private final ReadOnlyBooleanWrapper gan = new ReadOnlyBooleanWrapper(false);

    LossChoice(int defaultExamples) {
        examples = new SimpleStringProperty(Integer.toString(defaultExamples));
    }

    /**
     * The loss as chosen, seed 1.
     *
     * @throws org.latentlab.core.LabException "examples: a whole number from 1 to 10000" for anything else
     */
    LossSpec spec() {
        return new LossSpec(NumberInput.wholeNumber(examples.get(), "examples", 1, MAX_EXAMPLES), part.get(), 1);
    }

    /** Whether the model is a GAN, so that whose loss is a choice. */
    void setGan(boolean isGan) {
        gan.set(isGan);
    }

    StringProperty examplesProperty() {
        return examples;
    }

    ObjectProperty<GeometryModels.Part> partProperty() {
        return part;
    }

    ReadOnlyBooleanProperty ganProperty() {
        return gan.getReadOnlyProperty();
    }
}
