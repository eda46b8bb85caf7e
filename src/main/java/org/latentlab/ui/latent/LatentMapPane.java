package org.latentlab.ui.latent;

import static org.latentlab.ui.latent.StudioControls.button;
import static org.latentlab.ui.latent.StudioControls.doubleField;
import static org.latentlab.ui.latent.StudioControls.field;
import static org.latentlab.ui.latent.StudioControls.intField;
import static org.latentlab.ui.latent.StudioControls.styled;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Optional;

/** The latent map tab: the plane, dimensions, cells and range of the grid, and the decoded grid to click. */
final class LatentMapPane extends VBox {

    private final LatentMapViewModel vm;
    private final ComboBox<String> plane = new ComboBox<>();
    private final Spinner<Integer> dimX = new Spinner<>(0, 0, 0);
    private final Spinner<Integer> dimY = new Spinner<>(0, 0, 0);
    private final Spinner<Integer> cells = new Spinner<>(2, 40, 20);
    private final ComboBox<String> range = new ComboBox<>();
    private final TextField low = field("-2", 50, "latent-map-low");
    private final TextField high = field("2", 50, "latent-map-high");
    private final ImageGridCanvas grid = new ImageGridCanvas("latent-map", 26);
    private final Label caption = styled("", "legend");
    private LoadedModel model;

    LatentMapPane(LatentMapViewModel vm) {
        super(6);
        this.vm = vm;
        plane.getItems().setAll("two code dimensions", "principal plane (PC1 × PC2)");
        plane.setValue(plane.getItems().get(0));
        plane.setId("latent-map-plane");
        dimX.setId("latent-map-x");
        dimY.setId("latent-map-y");
        cells.setId("latent-map-cells");
        for (Spinner<Integer> s : List.of(dimX, dimY, cells)) {
            s.setEditable(true);
            s.setPrefWidth(72);
        }
        range.getItems().setAll("linear (prior sd)", "Gaussian quantiles 0.05–0.95");
        range.setValue(range.getItems().get(0));
        range.setId("latent-map-range");
        dimX.disableProperty().bind(plane.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        dimY.disableProperty().bind(plane.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        low.disableProperty().bind(range.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        high.disableProperty().bind(range.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        FlowPane controls = new FlowPane(6, 6, plane, new Label("x"), dimX, new Label("y"), dimY,
                new Label("cells"), cells, range, new Label("from"), low, new Label("to"), high,
                button("latent-map-draw", "Draw map", "decode the grid (dimensions: the other code values are held"
                        + " at the current code)", this::draw));
        controls.setAlignment(Pos.CENTER_LEFT);
        grid.setOnCell(vm::pickCell);
        Label hint = styled("Click a cell to load its code into the sliders. Ranges are in standard deviations of"
                + " the prior (or of the data along each principal direction).", "description");
        getChildren().addAll(controls, hint, grid, caption);
        VBox.setVgrow(grid, Priority.ALWAYS);
        setPadding(new Insets(8));
        vm.mapProperty().addListener((o, a, r) -> {
            grid.setImages(r == null ? null : r.display(), r == null ? null : r.shape(),
                    r == null ? 0 : r.map().rows(), r == null ? 0 : r.map().columns());
            caption.setText(r == null ? "" : r.map().toString());
        });
    }

    /** The controls show the default map of the model just opened. */
    void show(LoadedModel l) {
        model = l;
        // the selectors show the map drawn at load (an InfoGAN's opens on c1 × c2)
        LatentMapViewModel.MapSpec spec = vm.defaultMap(l);
        dimX.setValueFactory(new IntegerSpinnerValueFactory(0, l.codeSize() - 1, spec.dimX()));
        dimY.setValueFactory(new IntegerSpinnerValueFactory(0, l.codeSize() - 1, spec.dimY()));
        plane.getSelectionModel().select(spec.principalPlane() ? 1 : 0);
        range.getSelectionModel().select(spec.quantiles() ? 1 : 0);
    }

    private void draw() {
        if (model == null) {
            return;
        }
        var n = intField(cells.getEditor(), 2, 40);
        var x = intField(dimX.getEditor(), 0, model.codeSize() - 1);
        var y = intField(dimY.getEditor(), 0, model.codeSize() - 1);
        boolean quantiles = range.getSelectionModel().getSelectedIndex() == 1;
        Optional<Double> lo = quantiles ? Optional.of(-2.0) : doubleField(low);
        Optional<Double> hi = quantiles ? Optional.of(2.0) : doubleField(high);
        if (n.isEmpty() || x.isEmpty() || y.isEmpty() || lo.isEmpty() || hi.isEmpty()) {
            return;
        }
        vm.computeMap(new LatentMapViewModel.MapSpec(plane.getSelectionModel().getSelectedIndex() == 1, x.get(),
                y.get(), n.get(), quantiles, lo.get(), hi.get()));
    }
}
