package org.latentlab.ui.gan;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentlab.experiment.evaluate.NeighbourGallery;
import org.latentlab.latent.ImageShape;
import org.latentlab.ui.common.ImageConversion;

import java.util.Arrays;
import java.util.Locale;

/**
 * The nearest-neighbour gallery: one row per generated image, the image first, then its nearest training images in
 * pixel space and in the classifier's feature space, each with its distance; a line above says what it shows.
 */
final class NearestGalleryPane extends VBox {

    private static final double SIZE = 48;

    private final GridPane grid = new GridPane();

    NearestGalleryPane(GanScoresViewModel vm) {
        super(2);
        setId("galleryPane");
        setPadding(new Insets(4, 0, 0, 0));
        Label note = new Label();
        note.setId("galleryNoteLabel");
        note.setWrapText(true);
        note.textProperty().bind(vm.galleryStatusProperty());
        grid.setId("galleryGrid");
        grid.setHgap(3);
        grid.setVgap(1);
        getChildren().addAll(GanBenchView.titled("Nearest-neighbour gallery"), note, grid);
        vm.galleryProperty().addListener((o, a, g) -> show(g));
    }

    private void show(GanScoresViewModel.Gallery shown) {
        grid.getChildren().clear();
        if (shown == null) {
            return;
        }
        NeighbourGallery g = shown.neighbours();
        int k = NeighbourGallery.NEIGHBOURS;
        grid.add(header("G(z)", 1), 0, 0);
        grid.add(header("nearest training images\nin pixel space (distance)", k), 2, 0, k, 1);
        grid.add(header("nearest training images\nby classifier features", k), 3 + k, 0, k, 1);
        int[] dims = g.shape();
        ImageShape shape = ImageShape.of(dims);
        int d = dims[0] * dims[1] * dims[2];
        float[] queries = g.queries();
        for (int q = 0; q < g.size(); q++) {
            grid.add(cell(Arrays.copyOfRange(queries, q * d, (q + 1) * d), shape, ""), 0, q + 1);
            grid.add(spacer(), 1, q + 1);
            int[] byPixels = g.pixels().indicesOf(q);
            double[] pixelDistances = g.pixels().distancesOf(q);
            int[] byFeatures = g.features().indicesOf(q);
            double[] featureDistances = g.features().distancesOf(q);
            for (int j = 0; j < k; j++) {
                grid.add(cell(g.training().example(byPixels[j]), shape, distance(pixelDistances[j])), 2 + j, q + 1);
                grid.add(cell(g.training().example(byFeatures[j]), shape, distance(featureDistances[j])), 3 + k + j,
                        q + 1);
            }
            grid.add(spacer(), 2 + k, q + 1);
        }
    }

    private static String distance(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    /** A column header no wider than the {@code cells} images below it, so it never widens their columns. */
    private static Label header(String text, int cells) {
        Label l = new Label(text);
        l.setStyle("-fx-font-size: 10px;");
        l.setMinHeight(Region.USE_PREF_SIZE);
        double width = cells * (SIZE + 3) - 3;
        l.setPrefWidth(width);
        l.setMaxWidth(width);
        l.setMinWidth(0);
        return l;
    }

    private static VBox spacer() {
        VBox v = new VBox();
        v.setMinWidth(10);
        return v;
    }

    private static VBox cell(float[] pixels, ImageShape shape, String caption) {
        ImageView view = new ImageView(ImageConversion.picture(pixels, shape));
        view.setFitWidth(SIZE);
        view.setFitHeight(SIZE);
        view.setSmooth(false);
        Label l = new Label(caption);
        l.setStyle("-fx-font-size: 10px;");
        VBox box = new VBox(0, view, l);
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().add("gallery-cell");
        return box;
    }
}
