package org.latentlab.ui.gan;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.latentlab.train.GanView;

/**
 * "D* vs D": the optimal discriminator of the generator now beside the learned D on the same grid, the gap between
 * them, and a caption saying how p_G was estimated. Layout and binding only; the state is the
 * {@link OptimalDViewModel}'s.
 */
final class OptimalDPanel extends VBox {

    private final OptimalDViewModel vm;
    private final HeatCanvas optimalCanvas = new HeatCanvas();
    private final HeatCanvas learnedCanvas = new HeatCanvas();

    OptimalDPanel(OptimalDViewModel vm) {
        super(4);
        this.vm = vm;
        setId("optimalPanel");
        optimalCanvas.setId("optimalCanvas");
        learnedCanvas.setId("learnedCanvas");
        Label learnedTitle = new Label();
        learnedTitle.textProperty().bind(vm.learnedTitleProperty());
        VBox left = new VBox(2, new Label("D* (optimal)"), optimalCanvas);
        VBox right = new VBox(2, learnedTitle, learnedCanvas);
        VBox.setVgrow(optimalCanvas, Priority.ALWAYS);
        VBox.setVgrow(learnedCanvas, Priority.ALWAYS);
        CheckBox smooth = new CheckBox("smooth p_data by the kernel");
        smooth.setId("optimalSmoothToggle");
        smooth.setMnemonicParsing(false);
        smooth.setTooltip(new Tooltip("on (default): D* of the game with instance noise of the kernel's width, where"
                + " a G that matches the data gives ½; off: against the exact, sharp p_data"));
        smooth.selectedProperty().bindBidirectional(vm.smoothedProperty());
        Label gap = new Label();
        gap.setId("optimalGapLabel");
        gap.getStyleClass().add("section-value");
        gap.textProperty().bind(vm.gapTextProperty());
        Label caption = new Label();
        caption.setId("optimalCaption");
        caption.setWrapText(true);
        caption.getStyleClass().add("legend");
        caption.textProperty().bind(vm.captionProperty());
        VBox side = new VBox(6, gap, smooth, caption);
        side.setMinWidth(180);
        HBox.setHgrow(side, Priority.ALWAYS);
        HBox row = new HBox(10, left, right, side);
        getChildren().addAll(GanBenchView.titled("D* vs D"), row);
        setPadding(new Insets(4, 0, 0, 0));
        vm.optimalProperty().addListener((o, a, b) -> redraw());
        vm.learnedProperty().addListener((o, a, b) -> redraw());
    }

    private void redraw() {
        GanView.Points frame = vm.points();
        double[] b = frame == null ? null : frame.bounds();
        float[] modes = frame == null ? null : frame.modes();
        optimalCanvas.show(vm.optimalProperty().get(), vm.resolution(), true, b, modes);
        learnedCanvas.show(vm.learnedProperty().get(), vm.resolution(), vm.learnedIsProbability(), b, modes);
    }
}
