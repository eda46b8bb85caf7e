package org.latentlab.ui.gan;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.GanTheory;
import org.latentlab.train.GanView;

import java.awt.image.BufferedImage;

/**
 * What G and D look like now: for 2-D data the points canvas (D's heat map, the manifold warp, the arrows of
 * −∇ₓ L_G, the modes) with its layer toggles and legend, and for toy mixtures "D* vs D" below it
 * ({@link OptimalDPanel}); for images the grid of G(z) for fixed codes, with the
 * clicked cell enlarged beside it.
 */
final class GanPictures extends VBox {

    private final PointsCanvas pointsCanvas = new PointsCanvas();
    private final ImageGrid imageGrid = new ImageGrid();
    /** An energy-based GAN's reconstructions by D (rows x, D(x), G(z), D(G(z))), under the samples. */
    private final ReconstructionStrip reconstructionGrid = new ReconstructionStrip();
    private final VBox reconstructionBox;
    private final ImageView enlarged = new ImageView();
    private final Label enlargedLabel = new Label("Click a cell to enlarge it");
    private final StackPane viewHolder = new StackPane();
    private final HBox layerToggles = new HBox(12);
    private final Label legend = new Label();
    private final CheckBox heatToggle = check("Heat map: D(x)", "heatToggle", true);
    private final Node imageRow;
    private final OptimalDPanel optimalPanel;

    GanPictures(OptimalDViewModel optimal) {
        super(6);
        optimalPanel = new OptimalDPanel(optimal);
        pointsCanvas.setId("pointsCanvas");
        imageGrid.setId("imageGrid");
        viewHolder.getStyleClass().add("view-pane");
        viewHolder.setPadding(new Insets(6));
        CheckBox warp = check("Manifold warp: G(grid of z)", "warpToggle", true);
        CheckBox arrows = check("Arrows: −∇ₓ L_G", "arrowsToggle", false);
        CheckBox modes = check("Modes (3σ; green = covered)", "modesToggle", true);
        Runnable layers = () -> pointsCanvas.setLayers(heatToggle.isSelected(), warp.isSelected(),
                arrows.isSelected(), modes.isSelected());
        for (CheckBox c : new CheckBox[] {heatToggle, warp, arrows, modes}) {
            c.setOnAction(e -> layers.run());
        }
        layerToggles.getChildren().addAll(heatToggle, warp, arrows, modes);
        legend.setId("viewLegend");
        legend.setWrapText(true);
        legend.getStyleClass().add("legend");
        enlarged.setId("enlargedImage");
        enlarged.setFitWidth(196);
        enlarged.setFitHeight(196);
        enlarged.setSmooth(false);
        enlargedLabel.setId("enlargedLabel");
        imageGrid.selectedProperty().addListener((o, a, b) -> updateEnlarged());
        VBox side = new VBox(8, GanBenchView.titled("Enlarged"), enlarged, enlargedLabel);
        side.setPadding(new Insets(0, 0, 0, 10));
        HBox row = new HBox(imageGrid, side);
        HBox.setHgrow(imageGrid, Priority.ALWAYS);
        reconstructionGrid.setId("reconstructionGrid");
        Label reconstructionNote = new Label("D is an autoencoder: its energy is the squared error between a row"
                + " and the row under it. D learns to rebuild digits (low energy) and not G's samples (energy up to"
                + " the margin)");
        reconstructionNote.setWrapText(true);
        reconstructionNote.getStyleClass().add("legend");
        reconstructionBox = new VBox(4, GanBenchView.titled("D's reconstructions"), reconstructionGrid,
                reconstructionNote);
        reconstructionBox.setId("reconstructions");
        VBox images = new VBox(6, row, reconstructionBox);
        VBox.setVgrow(row, Priority.ALWAYS);
        imageRow = images;
        getChildren().addAll(GanBenchView.titled("Generator and discriminator"), viewHolder, layerToggles, legend,
                optimalPanel);
        VBox.setVgrow(viewHolder, Priority.ALWAYS);
        setPadding(new Insets(6, 6, 6, 10));
    }

    /** Prepares for an experiment: the points canvas for 2-D data, the image grid otherwise. */
    void show(GanExperiment s) {
        boolean points = s.generator().output().size() == 2;
        viewHolder.getChildren().setAll(points ? pointsCanvas : imageRow);
        layerToggles.setVisible(points);
        layerToggles.setManaged(points);
        // a BiGAN's D judges (x, z) pairs: D* = p_data / (p_data + p_G) over x alone is not its optimum
        boolean theory = points && GanTheory.appliesTo(s.dataset()) && !s.learnsEncoder();
        optimalPanel.setVisible(theory);
        optimalPanel.setManaged(theory);
        ScoreLabels labels = ScoreLabels.of(s);
        heatToggle.setText(labels.heatToggle());
        boolean colour = !points && s.generator().output().isImage() && s.generator().output().channels() == 3;
        legend.setText(points ? labels.heatLegend()
                : "each cell is G(z) for one fixed code z, so it shows how that code evolves; pixels mapped from"
                + " [-1, 1] to " + (colour ? "dark..full red, green and blue, one colour per channel"
                : "black..white"));
        pointsCanvas.setView(null);
        enlarged.setImage(null);
        boolean reconstructions = !points && s.energyBased();
        reconstructionBox.setVisible(reconstructions);
        reconstructionBox.setManaged(reconstructions);
    }

    /** Draws a new view of the run. */
    void show(GanView v) {
        if (v instanceof GanView.Points p) {
            pointsCanvas.setView(p);
        } else if (v instanceof GanView.Images i) {
            imageGrid.setView(i);
            if (i.reconstructions() != null) {
                reconstructionGrid.setView(i.reconstructions());
            }
            updateEnlarged();
        }
    }

    private void updateEnlarged() {
        GanView.Images v = imageGrid.getView();
        int k = imageGrid.selectedProperty().get();
        if (v != null && k >= 0 && k < v.count()) {
            enlarged.setImage(ImageGrid.cellImage(v, k, 7));
            enlargedLabel.setText("cell " + (k + 1) + " of " + v.count() + ", iteration " + v.iteration());
        }
    }

    /** The 2-D view or the image grid as shown now (FX thread). */
    BufferedImage picture() {
        Node node = viewHolder.getChildren().isEmpty() ? viewHolder : viewHolder.getChildren().get(0);
        return SwingFXUtils.fromFXImage(node.snapshot(null, null), null);
    }

    private static CheckBox check(String text, String id, boolean selected) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setSelected(selected);
        return c;
    }
}
