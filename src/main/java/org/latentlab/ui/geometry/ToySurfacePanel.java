package org.latentlab.ui.geometry;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.latentlab.analysis.toy.OptimizerPath;
import org.latentlab.ui.common.NumberField;

/**
 * The teaching surfaces: pick a function (or type one in x and y), see it as contours with the descent field and
 * as a 3-D mesh; click a point to run the chosen optimiser from it and read, at the start and at the end of the
 * path, the gradient, the Hessian, its eigenvalues and eigenvectors (drawn on the plot) and the verdict. Layout and
 * binding only; the state and the jobs are {@link ToySurfaceViewModel}'s.
 */
final class ToySurfacePanel extends BorderPane {

    private final ToySurfaceViewModel vm;
    private final ContourCanvas contour = new ContourCanvas();
    private final SurfaceCanvas3D mesh = new SurfaceCanvas3D();

    ToySurfacePanel(ToySurfaceViewModel vm) {
        this.vm = vm;
        ComboBox<ToySurfaceViewModel.Choice> function = new ComboBox<>(vm.choices());
        function.valueProperty().bindBidirectional(vm.choiceProperty());
        function.setId("toy-function");
        TextField expression = new TextField();
        expression.textProperty().bindBidirectional(vm.expressionProperty());
        expression.setPrefColumnCount(18);
        expression.setId("toy-expression");
        expression.setOnAction(e -> vm.plotTyped());
        TextField third = new NumberField(null, 4, vm.thirdProperty());
        ComboBox<OptimizerPath.Method> method = new ComboBox<>();
        method.getItems().addAll(OptimizerPath.Method.values());
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(OptimizerPath.Method m) {
                return m == null ? "" : ToyReport.label(m);
            }

            @Override
            public OptimizerPath.Method fromString(String s) {
                return null;
            }
        });
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setId("toy-method");
        TextField stepSize = new NumberField(null, 5, vm.stepSizeProperty());
        TextField steps = new NumberField(null, 4, vm.stepsProperty());
        CheckBox field = new CheckBox("descent field −∇L");
        field.selectedProperty().bindBidirectional(vm.showFieldProperty());
        CheckBox keep = new CheckBox("keep earlier paths");
        keep.selectedProperty().bindBidirectional(vm.keepPathsProperty());
        TextArea report = new TextArea();
        report.textProperty().bind(vm.reportProperty());
        report.setEditable(false);
        report.setWrapText(true);
        report.setId("toy-report");
        report.setPrefRowCount(22);
        report.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setId("toy-status");
        contour.setId("toy-contour");

        Button plot = new Button("Plot");
        plot.setId("toy-plot");
        plot.setOnAction(e -> vm.replot());
        Button clear = new Button("Clear paths");
        clear.setOnAction(e -> vm.clearPaths());
        contour.setOnPick(vm::runFrom);
        contour.setShowField(vm.showFieldProperty().get());
        vm.showFieldProperty().addListener((o, was, on) -> contour.setShowField(on));
        vm.gridProperty().addListener((o, was, g) -> {
            contour.setGrid(g);
            mesh.setGrid(g);
        });
        vm.paths().addListener((ListChangeListener<OptimizerPath>) c -> {
            contour.setPaths(vm.paths());
            mesh.setPaths(vm.paths());
        });
        vm.probeProperty().addListener((o, was, p) -> contour.setProbe(p));

        HBox row1 = new HBox(8, new Label("Surface"), function, new Label("w₃ ="), third, new Label("or L(x, y) ="),
                expression, plot);
        HBox row2 = new HBox(8, new Label("Click the plot to run"), method, new Label("step η"), stepSize,
                new Label("steps"), steps, field, keep, clear);
        row1.setAlignment(Pos.CENTER_LEFT);
        row2.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, row1, row2);
        top.setPadding(new Insets(6));
        setTop(top);

        SplitPane plots = new SplitPane(contour, mesh);
        plots.setOrientation(Orientation.HORIZONTAL);
        plots.setDividerPositions(0.55);
        VBox side = new VBox(6, new Label("At the start and the end of the last path"), report);
        VBox.setVgrow(report, Priority.ALWAYS);
        side.setPadding(new Insets(6));
        side.setPrefWidth(380);
        setCenter(plots);
        setRight(side);
        HBox bottom = new HBox(status);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        setBottom(bottom);
        vm.replot();
    }

    ToySurfaceViewModel viewModel() {
        return vm;
    }

    ContourCanvas contour() {
        return contour;
    }
}
