package org.latentlab.ui.gan;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.core.LabException;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.model.LayerSpec;
import org.latentlab.train.GanSettings;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.NumberInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The GAN bench's remedies for mode collapse as a person sets them, beside the learning rates and with the same
 * rules ({@link GanSettingsForm}): text bound to the fields, filled from the settings in force whenever the run is
 * not running, editable while it does not run, parsed and checked only on Apply. The remedies the trainer takes
 * during a run are editable: R1's γ, historical averaging's λ, the unrolled GAN's k and the feature-matching layer
 * (one of D's hidden layers, or off). Those that shape D are only shown: PacGAN's packing (D's input size),
 * spectral normalisation (D's weights reparametrised) and minibatch discrimination (a layer of D), set in the network
 * builder or the experiment file.
 */
public final class GanRemediesForm {

    /** The feature-matching choice that keeps G's GAN loss. */
    public static final String OFF = "off";

    /** The remedies parsed on Apply, ready to be laid over the settings in force on the training thread. */
    record Remedies(double r1Gamma, double historicalAveraging, int unrollSteps, String featureLayer) {

        /** {@code t} with these remedies; its learning rates, k, loss and packing as they are. */
        GanSettings applyTo(GanSettings t) {
            return t.withR1(r1Gamma).withHistoricalAveraging(historicalAveraging).withUnrolling(unrollSteps)
                    .withFeatureMatching(featureLayer);
        }
    }

    private final StringProperty r1Gamma = new SimpleStringProperty("");
    private final StringProperty historicalAveraging = new SimpleStringProperty("");
    private final StringProperty unrollSteps = new SimpleStringProperty("");
    private final ObservableList<String> featureLayers = FXCollections.observableArrayList(OFF);
    private final ObjectProperty<String> featureLayer = new SimpleObjectProperty<>(OFF);
    private final ReadOnlyStringWrapper packing = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper minibatch = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(false);
    private Remedies parsed;

    /** Offers D's hidden layers for feature matching and shows the remedies that shape D. */
    void prepare(GanExperiment s) {
        List<String> choices = new ArrayList<>();
        choices.add(OFF);
        choices.addAll(GanExperiment.featureMatchingLayers(s.discriminator()));
        featureLayers.setAll(choices);
        int m = s.training().packing();
        packing.set("packing m = " + m + (m == 1 ? " (off)" : "") + " · spectral norm "
                + (s.training().spectralNorm() ? "on" : "off"));
        List<String> layers = new ArrayList<>();
        for (LayerSpec l : s.discriminator().layers()) {
            if (l instanceof LayerSpec.MinibatchDiscrimination) {
                layers.add("'" + l.name() + "'");
            }
        }
        minibatch.set("minibatch discr. " + (layers.isEmpty() ? "off" : "in D: " + String.join(", ", layers)));
    }

    /** Fills the fields with the settings in force. */
    void show(GanSettings t) {
        r1Gamma.set(number(t.r1Gamma()));
        historicalAveraging.set(number(t.historicalAveraging()));
        unrollSteps.set(Integer.toString(t.unrollSteps()));
        featureLayer.set(t.matchesFeatures() ? t.featureMatching() : OFF);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
    }

    /** Fields are editable while the run does not run; Apply needs a run that is not running. */
    void follow(RunState s) {
        editable.set(s != RunState.RUNNING);
        canApply.set(s != RunState.RUNNING && s != RunState.STARTING);
    }

    /**
     * Parses the fields and checks them, laid over {@code current}, against the experiment {@code s} (R1 refuses D's
     * layers that couple the batch; the layer must be one of D's); null when they can be applied (then
     * {@link #parsed()} holds them), else what is wrong, in one line.
     */
    String check(GanExperiment s, GanSettings current) {
        String problem = problem(s, current);
        invalid.set(problem != null);
        return problem;
    }

    private String problem(GanExperiment s, GanSettings current) {
        Remedies r;
        try {
            r = new Remedies(weight(r1Gamma.get(), "R1 γ"), weight(historicalAveraging.get(), "historical averaging λ"),
                    NumberInput.wholeNumber(unrollSteps.get(), "unroll k (0 = off)", 0, GanSettings.MAX_UNROLL),
                    OFF.equals(featureLayer.get()) || featureLayer.get() == null ? "" : featureLayer.get());
        } catch (LabException e) {
            return e.getMessage();
        }
        try {
            s.withTraining(r.applyTo(current));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        parsed = r;
        return null;
    }

    /** A remedy's weight: a number from 0 (off) to 10⁶. */
    private static double weight(String text, String field) {
        double v = NumberInput.number(text, field + " (0 = off)");
        if (v < 0 || v > 1e6) {
            throw new LabException(field + ": a number from 0 (off) to 1e6, not " + text.trim());
        }
        return v;
    }

    /** The remedies of the last Apply that passed {@link #check}. */
    Remedies parsed() {
        return parsed;
    }

    /** R1's γ as typed (0 = off). */
    public StringProperty r1GammaProperty() {
        return r1Gamma;
    }

    /** Historical averaging's λ as typed (0 = off). */
    public StringProperty historicalAveragingProperty() {
        return historicalAveraging;
    }

    /** The unrolled GAN's k as typed (0 = off). */
    public StringProperty unrollStepsProperty() {
        return unrollSteps;
    }

    /** The feature-matching layer chosen, or {@link #OFF}. */
    public ObjectProperty<String> featureLayerProperty() {
        return featureLayer;
    }

    /** {@link #OFF}, then D's hidden layers that feature matching may compare. */
    public ObservableList<String> featureLayers() {
        return featureLayers;
    }

    /**
     * "packing m = 2 · spectral norm off": PacGAN's pack size and whether D's weights are spectrally normalised
     * (Miyato et al. 2018), both fixed for a run.
     */
    public ReadOnlyStringProperty packingProperty() {
        return packing.getReadOnlyProperty();
    }

    /** "minibatch discr. in D: 'mbd'" or "minibatch discr. off": a layer of D, fixed for a run. */
    public ReadOnlyStringProperty minibatchProperty() {
        return minibatch.getReadOnlyProperty();
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
