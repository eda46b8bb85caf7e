package org.latentlab.ui.gan;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.latentlab.ui.common.Controls;

/**
 * The GAN bench's "Remedies" row under the learning rates: R1's γ, historical averaging's λ, the unrolled GAN's k
 * and the feature-matching layer, editable while the run does not run and applied with the learning rates; then
 * PacGAN's packing and minibatch discrimination, shown only, since they shape D. Layout and binding only: the
 * parsing and checks are the {@link GanRemediesForm}'s, Apply is the bench's.
 */
final class GanRemediesBar extends HBox {

    static final String R1_TIP = "R1, the zero-centred gradient penalty (Mescheder et al. 2018, \"Which training"
            + " methods for GANs do actually converge?\"): D's loss gains γ/2 · E‖∇ₓ D(x)‖² at the real examples,"
            + " which damps the circling of the game around its equilibrium.\n0 = off. D must have no batch norm or"
            + " minibatch discrimination (they make each score depend on the whole batch).";
    static final String AVERAGING_TIP = "Historical averaging (Salimans et al. 2016, \"Improved techniques for"
            + " training GANs\"): each player's loss gains λ‖θ − θ̄‖², θ̄ the mean of its past parameters, which"
            + " pulls against the cycling that drops modes and finds them again.\n0 = off. Switched on during a run,"
            + " θ̄ starts at the current parameters.";
    static final String UNROLL_TIP = "Unrolled GAN (Metz et al. 2017, \"Unrolled generative adversarial"
            + " networks\"): G's update is taken against D as it will be after k more updates on fresh batches (the"
            + " first-order form), so G gains nothing by crowding onto the mode D favours now.\n0 = the plain GAN;"
            + " each G step costs k extra D updates.";
    static final String FEATURE_TIP = "Feature matching (Salimans et al. 2016, \"Improved techniques for training"
            + " GANs\"): G's loss becomes ‖E f(x) − E f(G(z))‖², f the activations of the chosen hidden layer of D,"
            + " so G matches the statistics of the data instead of chasing D's current verdict.\noff = G's GAN loss.";
    static final String PACKING_TIP = "PacGAN (Lin et al. 2018, \"PacGAN: the power of two samples in generative"
            + " adversarial networks\"): D scores packs of m samples together, so a generator that repeats itself is"
            + " easy to catch.\nm sets D's input size (m × the data size), so it is fixed for a run: set it in the"
            + " network builder (D's input) or the experiment file (training.packing).\nSpectral normalisation (Miyato et al."
            + " 2018, \"Spectral normalization for generative adversarial networks\"): each of D's weight matrices"
            + " divided by its largest singular value (one power iteration a step), so D is at most 1-Lipschitz layer"
            + " by layer; fixed for a run: set training.spectralNorm in the experiment file.";
    static final String MINIBATCH_TIP = "Minibatch discrimination (Salimans et al. 2016, \"Improved techniques for"
            + " training GANs\"): a layer of D that adds, for each example, how close it is to the rest of its batch"
            + " (L1 distances through a learned tensor), so D sees when a batch has collapsed.\nA layer of D, fixed"
            + " for a run: add it in the network builder (palette: Minibatch discr.) or the experiment file.";

    GanRemediesBar(GanRemediesForm form, Runnable apply) {
        super(6);
        setId("remediesBar");
        getStyleClass().add("toolbar-row");
        setAlignment(Pos.CENTER_LEFT);
        TextField r1 = field("r1GammaField", 56, R1_TIP, form.r1GammaProperty(), form);
        TextField averaging = field("historicalAveragingField", 56, AVERAGING_TIP, form.historicalAveragingProperty(),
                form);
        TextField unroll = field("unrollStepsField", 40, UNROLL_TIP, form.unrollStepsProperty(), form);
        ComboBox<String> layer = new ComboBox<>(form.featureLayers());
        layer.setId("featureMatchingChoice");
        layer.valueProperty().bindBidirectional(form.featureLayerProperty());
        layer.setTooltip(tip(FEATURE_TIP));
        layer.disableProperty().bind(form.editableProperty().not());
        Button applyButton = Controls.idButton("applyRemediesButton", "Apply", "Apply the remedies, with the learning"
                + " rates and k (while the run does not run)", apply);
        applyButton.disableProperty().bind(form.canApplyProperty().not());
        form.invalidProperty().addListener((o, a, bad) -> {
            r1.getStyleClass().remove("field-error");
            if (bad) {
                r1.getStyleClass().add("field-error");
            }
        });
        Label packing = fixed("packingLabel", PACKING_TIP);
        packing.textProperty().bind(form.packingProperty());
        Label minibatch = fixed("minibatchLabel", MINIBATCH_TIP);
        minibatch.textProperty().bind(form.minibatchProperty());
        Label note = fixed("shapeNote", PACKING_TIP);
        note.setText("(shape D: set in the builder)");
        note.getStyleClass().add("description");
        // in a narrow window the note gives up its width first, so Apply and the choice keep their whole text
        note.setMinWidth(0);
        applyButton.setMinWidth(Region.USE_PREF_SIZE);
        layer.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(title(), label("R1 γ", R1_TIP, r1), r1, label("hist. avg λ", AVERAGING_TIP, averaging),
                averaging, label("unroll k", UNROLL_TIP, unroll), unroll, label("feature matching", FEATURE_TIP, layer),
                layer, applyButton, new Separator(Orientation.VERTICAL), packing, minibatch, note);
    }

    private static Label title() {
        Label l = new Label("Remedies");
        l.getStyleClass().add("section-title");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String id, double width, String tip, StringProperty text, GanRemediesForm form) {
        TextField f = Controls.field(id, "", width);
        f.textProperty().bindBidirectional(text);
        f.setTooltip(tip(tip));
        f.disableProperty().bind(form.editableProperty().not());
        return f;
    }

    /** The caption of a control, explaining it as the control does and greyed with it. */
    private static Label label(String text, String tip, Control target) {
        Label l = new Label(text);
        l.setTooltip(tip(tip));
        l.setLabelFor(target);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.disableProperty().bind(target.disableProperty());
        return l;
    }

    private static Label fixed(String id, String tip) {
        Label l = new Label();
        l.setId(id);
        l.setTooltip(tip(tip));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(460);
        t.setShowDuration(Duration.seconds(30));
        return t;
    }
}
