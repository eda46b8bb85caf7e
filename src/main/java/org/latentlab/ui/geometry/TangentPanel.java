package org.latentlab.ui.geometry;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.latentlab.experiment.ManifoldSensitivity;
import org.latentlab.experiment.geometry.TangentComparison;
import org.latentlab.ui.common.NumberField;

import java.io.File;

/**
 * The tangent vectors of the data manifold as three autoencoders' encoders see it, side by side on the same test
 * digit (Rifai et al. 2011): per column the singular values of J = ∂c/∂x, the top right-singular vectors as images,
 * the digit moved along a chosen one and decoded, and the sensitivity ‖∂c/∂x‖_F on and off the manifold. Layout and
 * binding only; the state and the jobs are {@link TangentViewModel}'s.
 */
final class TangentPanel extends BorderPane {

    private static final TangentComparison.Variant[] VARIANTS = TangentComparison.Variant.values();

    private final TangentViewModel vm;
    private final TangentColumn[] columns = new TangentColumn[TangentViewModel.COLUMNS];

    TangentPanel(Window owner, TangentViewModel vm) {
        this.vm = vm;
        TextField iterations = new NumberField("tangent-iterations", 5, vm.iterationsProperty());
        Button train = new Button("Train the three here");
        train.setId("tangent-train");
        train.setTooltip(new Tooltip("train the plain, denoising and contractive autoencoders (same network, data,"
                + " seed and optimiser) for this many iterations each, into new folders under " + vm.runsRoot()));
        train.setOnAction(e -> vm.trainAll());
        Spinner<Integer> index = spinner("tangent-index", 0, 99_999, 90, vm.indexProperty());
        index.setEditable(true);
        Spinner<Integer> shown = spinner("tangent-k", 1, 16, 70, vm.shownProperty());
        Spinner<Integer> vector = spinner("tangent-vector", 1, 16, 70, vm.vectorProperty());
        vm.vectorMaxProperty().addListener((o, a, b) ->
                ((SpinnerValueFactory.IntegerSpinnerValueFactory) vector.getValueFactory()).setMax(b.intValue()));
        Slider t = new Slider(-6, 6, 0);
        t.valueProperty().bindBidirectional(vm.tProperty());
        t.setId("tangent-t");
        t.setPrefWidth(260);
        t.setShowTickMarks(true);
        t.setShowTickLabels(true);
        t.setMajorTickUnit(2);
        Label tValue = new Label();
        tValue.textProperty().bind(vm.tTextProperty());
        tValue.setMinWidth(70);
        tValue.setId("tangent-t-value");
        Button compute = new Button("Tangents");
        compute.setId("tangent-compute");
        compute.setOnAction(e -> vm.computeTangents());
        TextField points = new NumberField("tangent-points", 4, vm.pointsProperty());
        ComboBox<ManifoldSensitivity.OffManifold> offKind = new ComboBox<>();
        offKind.getItems().addAll(ManifoldSensitivity.OffManifold.values());
        offKind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ManifoldSensitivity.OffManifold k) {
                return k == null ? "" : k == ManifoldSensitivity.OffManifold.NOISY_EXAMPLES ? "test digits + noise σ"
                        : "uniform noise";
            }

            @Override
            public ManifoldSensitivity.OffManifold fromString(String s) {
                return null;
            }
        });
        offKind.valueProperty().bindBidirectional(vm.offKindProperty());
        offKind.setId("tangent-off");
        TextField sigma = new NumberField("tangent-sigma", 4, vm.sigmaProperty());
        Button sensitivity = new Button("Sensitivity");
        sensitivity.setId("tangent-sensitivity");
        sensitivity.setOnAction(e -> vm.computeSensitivity());

        Label explain = new Label("The encoder's Jacobian J = ∂c/∂x at a test digit: its right singular vectors with"
                + " the largest σ are the directions the code follows, the tangent plane of the digit manifold as the"
                + " encoder sees it (Rifai et al. 2011). A contractive AE should keep few large σ and tangents that"
                + " look like deformations of the digit; moving x along one and decoding shows what it changes.");
        explain.getStyleClass().add("description");
        explain.setWrapText(true);
        HBox modelsRow = row(new Label("Models: a plain, a denoising and a contractive autoencoder, trained here for"),
                iterations, new Label("iterations each"), train, new Label("or Open run… in each column below"));
        Label compared = new Label();
        compared.setId("tangent-compared");
        compared.setWrapText(true);
        compared.textProperty().bind(vm.comparedProperty());
        HBox tangentRow = row(new Label("Test digit (held-out index)"), index, new Label("tangent vectors shown"),
                shown, compute, new Label("move along v"), vector, t, tValue);
        HBox sensitivityRow = row(new Label("Sensitivity ‖∂c/∂x‖_F at"), points,
                new Label("test digits vs off the manifold:"), offKind, new Label("σ"), sigma, sensitivity);
        VBox top = new VBox(4, explain, modelsRow, compared, tangentRow, sensitivityRow,
                new TaskBar("tangent", vm.tasks()));
        top.setPadding(new Insets(6));
        setTop(top);

        ImageView digit = new ImageView();
        digit.setId("tangent-digit");
        Label digitCaption = new Label("test digit");
        vm.digitProperty().addListener((o, a, r) -> {
            int[] hw = TangentViewModel.imageSize(r);
            digit.setImage(PixelImages.grey(r.input(), hw[0], hw[1], 3));
            digitCaption.setText("test digit " + r.index());
        });
        VBox digitBox = new VBox(4, digitCaption, digit);
        digitBox.setPadding(new Insets(6));
        digitBox.setMinWidth(110);
        HBox columnsBox = new HBox(6);
        columnsBox.getChildren().add(digitBox);
        for (int i = 0; i < columns.length; i++) {
            int c = i;
            columns[i] = new TangentColumn(VARIANTS[i].heading(), "tangent-" + i, vm.column(i), vm.barScaleProperty());
            Button open = new Button("Open run…");
            open.setId("tangent-" + i + "-open");
            open.setOnAction(e -> {
                File dir = ModelSource.chooseRun(owner, vm.runsRoot(), "An autoencoder or VAE run folder (or one of"
                        + " its checkpoints) for column " + (c + 1));
                if (dir != null) {
                    vm.open(c, dir.toPath());
                }
            });
            columns[i].addToHeader(open);
            HBox.setHgrow(columns[i], Priority.ALWAYS);
            columns[i].setMaxWidth(Double.MAX_VALUE);
            columnsBox.getChildren().add(columns[i]);
        }
        columnsBox.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(columnsBox);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    private static HBox row(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, double width,
                                            javafx.beans.property.ObjectProperty<Integer> bound) {
        Spinner<Integer> s = new Spinner<>(min, max, bound.get());
        s.getValueFactory().valueProperty().bindBidirectional(bound);
        s.setPrefWidth(width);
        s.setId(id);
        return s;
    }

    TangentViewModel viewModel() {
        return vm;
    }

    TangentColumn column(int i) {
        return columns[i];
    }
}
