package org.latentlab.ui.reconstruction;

import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.latentlab.train.ReconstructionView;

/**
 * Which RBM of a deep belief net the bench's pictures show, "layer 2 of 3: 784-500-<b>250</b>" with the shown
 * layer's units in bold, and the pictures' titles that go with it. Hidden for any other model.
 */
final class StackCaption extends TextFlow {

    private final Text lead = new Text();
    private final Text below = new Text();
    private final Text units = new Text();

    StackCaption() {
        setId("model-stack-layer");
        Font base = Font.getDefault();
        lead.setFont(Font.font(base.getFamily(), FontWeight.NORMAL, base.getSize() + 2));
        below.setFont(lead.getFont());
        units.setFont(Font.font(base.getFamily(), FontWeight.BOLD, base.getSize() + 2));
        getChildren().addAll(lead, below, units);
        getStyleClass().add("stack-caption");
        show(null, null, null, null);
    }

    /**
     * Shows {@code layer} (null: hides) and titles the three pictures for it, or with {@code captions} when the
     * model names them itself (a sigmoid belief net).
     */
    void show(ReconstructionView.StackLayer layer, ReconstructionView.Captions captions, Label reconstructions,
              Label filters, Label samples) {
        show(layer, reconstructions, filters, samples);
        if (captions != null && reconstructions != null) {
            reconstructions.setText(captions.reconstructions());
            filters.setText(captions.filters());
            samples.setText(captions.samples());
        }
    }

    /** Shows {@code layer} (null: hides) and titles the three pictures for it. */
    void show(ReconstructionView.StackLayer layer, Label reconstructions, Label filters, Label samples) {
        boolean on = layer != null;
        setVisible(on);
        setManaged(on);
        if (reconstructions != null) {
            for (Label l : new Label[] {reconstructions, filters, samples}) {
                l.setWrapText(true);
            }
            reconstructions.setText(on ? layer.reconstructionsTitle() : "reconstructions");
            filters.setText(on ? layer.filtersTitle() : "first-layer filters");
            samples.setText(on ? layer.samplesTitle() : "samples");
        }
        if (!on) {
            return;
        }
        String sizes = layer.sizesUpTo();
        int cut = sizes.lastIndexOf('-');
        lead.setText("DBN " + layer.lead());
        below.setText(sizes.substring(0, cut + 1));
        units.setText(sizes.substring(cut + 1));
    }

    /** What the caption reads, for tests. */
    String text() {
        return isVisible() ? lead.getText() + below.getText() + units.getText() : "";
    }
}
