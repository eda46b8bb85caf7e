package org.latentlab.ui.gan;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.train.BiganView;

import java.util.Locale;

/**
 * A BiGAN's encoder on the GAN bench (Donahue et al. 2017): reconstructions G(E(x)) of held-out examples beside the
 * originals, and the held-out examples' codes E(x) coloured by label, each a picture of its own, with the held-out
 * reconstruction error. Shown only for experiments that learn an encoder.
 */
final class BiganPane extends VBox {

    private final EncoderCanvases.Reconstructions reconstructions = new EncoderCanvases.Reconstructions();
    private final EncoderCanvases.Codes codes = new EncoderCanvases.Codes();
    private final Label error = new Label("no encoder view yet");
    private final Label reconstructionsTitle = GanBenchView.titled("Held-out x and G(E(x))");

    BiganPane() {
        super(4);
        setId("biganPane");
        error.setId("biganError");
        error.setTooltip(new javafx.scene.control.Tooltip("E is trained only through D, never on this error;"
                + " images are measured on [0, 1] pixels"));
        reconstructions.setPrefSize(250, 250);
        codes.setPrefSize(250, 250);
        VBox left = new VBox(2, reconstructionsTitle, reconstructions);
        VBox right = new VBox(2, GanBenchView.titled("Codes E(x) of held-out examples"), codes);
        VBox.setVgrow(reconstructions, Priority.ALWAYS);
        VBox.setVgrow(codes, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox row = new HBox(10, left, right);
        VBox.setVgrow(row, Priority.ALWAYS);
        getChildren().addAll(row, error);
        setPadding(new Insets(2, 6, 4, 10));
        setMinHeight(230);
        setPrefHeight(290);
    }

    /** Shows the pane for an experiment with an encoder, hides it otherwise. */
    void show(GanExperiment s) {
        boolean on = s != null && s.learnsEncoder();
        setVisible(on);
        setManaged(on);
        reconstructions.setView(null);
        codes.setView(null);
        error.setText("no encoder view yet");
        if (on) {
            reconstructionsTitle.setText(s.generator().output().size() == 2 ? "Held-out x → G(E(x))"
                    : "Held-out x (rows 1, 3, ..) and G(E(x)) (framed rows below them)");
        }
    }

    void show(BiganView v) {
        if (v == null) {
            return;
        }
        reconstructions.setView(v);
        codes.setView(v);
        error.setText(String.format(Locale.ROOT, "iteration %d: held-out MSE of G(E(x)) %.4f per %s (%d examples)",
                v.iteration(), v.heldOutMse(), v.points() ? "coordinate" : "pixel", v.encoded()));
    }
}
