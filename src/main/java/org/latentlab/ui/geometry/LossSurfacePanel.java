package org.latentlab.ui.geometry;

import org.latentlab.ui.common.Controls;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.experiment.geometry.LineResult;
import org.latentlab.experiment.geometry.SliceOptions;
import org.latentlab.ui.common.ChartStyle;
import org.latentlab.ui.common.NumberField;

import java.io.File;
import java.nio.file.Path;

/**
 * The loss surface of a network around a checkpoint: the 1-D line as a chart, the 2-D slice as a heat map with
 * contours and in 3-D with the training trajectory on it, and the results as text. Layout and binding only; the
 * state and the jobs are {@link LossSurfaceViewModel}'s.
 */
final class LossSurfacePanel extends BorderPane {

    private final Window owner;
    private final LossSurfaceViewModel vm;
    private final ContourCanvas contour = new ContourCanvas();
    private final SurfaceCanvas3D mesh = new SurfaceCanvas3D();
    private final XYSeriesCollection lineData = new XYSeriesCollection();
    private final JFreeChart lineChart;
    private final SplitPane surfaces;

    LossSurfacePanel(Window owner, LossSurfaceViewModel vm) {
        this.owner = owner;
        this.vm = vm;
        ModelSource source = new ModelSource(owner, "surface", vm.source());
        ComboBox<Path> checkpoint = new ComboBox<>(vm.checkpoints());
        checkpoint.setId("surface-checkpoint");
        checkpoint.setConverter(names(p -> p.getFileName().toString(), "—"));
        checkpoint.valueProperty().bindBidirectional(vm.checkpointProperty());
        ComboBox<?> part = LossPartChooser.create("surface-part",
                "for a GAN: whose loss, over whose parameters; autoencoders have one loss", vm.loss());
        TextField examples = new NumberField("surface-examples", 5, vm.loss().examplesProperty());
        ComboBox<LossSurfaceViewModel.LineStart> lineFrom = new ComboBox<>(vm.lineStarts());
        lineFrom.setId("surface-line-from");
        lineFrom.valueProperty().bindBidirectional(vm.lineStartProperty());
        TextField linePoints = new NumberField("surface-line-points", 4, vm.linePointsProperty());
        ComboBox<SliceOptions.Directions> directions = new ComboBox<>();
        directions.getItems().addAll(SliceOptions.Directions.values());
        directions.setConverter(names(d -> switch (d) {
            case RANDOM -> "two random filter-normalised directions";
            case HESSIAN -> "top-2 Hessian eigenvectors";
            case PCA -> "principal components of the trajectory";
        }, ""));
        directions.valueProperty().bindBidirectional(vm.directionsProperty());
        directions.setId("surface-directions");
        CheckBox fit = new CheckBox("fit range to the trajectory");
        fit.selectedProperty().bindBidirectional(vm.fitProperty());
        fit.setId("surface-fit");
        fit.setTooltip(new Tooltip("first project the trajectory (a 2 x 2 scan), then choose the range that holds it;"
                + " random directions are nearly orthogonal to the path, so this suits the principal components"));
        TextField grid = new NumberField("surface-grid", 4, vm.gridProperty());
        TextField range = new NumberField("surface-range", 4, vm.rangeProperty());

        Button lineButton = button("Line", "surface-line", null);
        lineButton.setOnAction(e -> vm.computeLine());
        Button scan = button("Scan slice", "surface-scan",
                "scan the plane; a scan stopped earlier on the same plane and grid continues");
        scan.setOnAction(e -> vm.computeSlice());
        Button continueScan = button("Continue scan", "surface-continue",
                "compute the cells the stopped scan has not computed yet");
        continueScan.disableProperty().bind(vm.canContinueProperty().not());
        continueScan.setOnAction(e -> vm.computeSlice());
        Button png = button("Export PNG…", "surface-png", null);
        png.setOnAction(e -> exportPng());
        Button csv = button("Export CSV…", "surface-csv", null);
        csv.setOnAction(e -> exportCsv());

        Label explain = new Label("Li et al. 2018: the loss on a plane through the trained weights θ, "
                + "L(θ + a·d₁ + b·d₂), with the training run (orange, labelled by iteration) projected onto it. "
                + "Goodfellow et al. 2015: the loss along the straight line from the initial to the final weights,"
                + " α from −0.5 to 1.5 (α = 0: start, α = 1: the checkpoint).");
        explain.getStyleClass().add("description");
        explain.setWrapText(true);
        HBox lossRow = row(new Label("At checkpoint"), checkpoint, new Label("Loss"), part, new Label("examples"),
                examples);
        HBox lineRow = row(new Label("1-D line from"), lineFrom, new Label("to the checkpoint; points"), linePoints,
                lineButton);
        HBox sliceRow = row(new Label("2-D slice along"), directions, new Label("grid"), grid,
                new Label("range ±"), range, fit, scan, continueScan, png, csv);
        VBox top = new VBox(4, explain, source, lossRow, lineRow, sliceRow, new TaskBar("surface", vm.tasks()));
        top.setPadding(new Insets(6));
        setTop(top);

        contour.setId("surface-contour");
        contour.setColourBar(true);
        contour.setAxisNames("a (along d₁)", "b (along d₂)");
        contour.setShowField(false);
        contour.setPlaceholder("The 2-D slice appears here, row by row as it is scanned.");
        mesh.setId("surface-mesh");
        vm.shownGridProperty().addListener((o, was, g) -> {
            contour.setGrid(g);
            mesh.setGrid(g);
        });
        vm.trackProperty().addListener((o, was, p) -> {
            contour.setTrack(p);
            mesh.setTrack(p);
        });
        surfaces = new SplitPane(contour, mesh);
        surfaces.setDividerPositions(0.46);
        lineChart = ChartStyle.apply(ChartFactory.createXYLineChart("1-D line: press Line", "α", "loss", lineData,
                PlotOrientation.VERTICAL, false, false, false));
        ((XYPlot) lineChart.getPlot()).setRenderer(ChartStyle.lines(ChartStyle.BLUE, 5));
        vm.lineProperty().addListener((o, was, r) -> showLine(r));
        TextArea report = new TextArea();
        report.setEditable(false);
        report.setWrapText(true);
        report.setId("surface-report");
        report.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        report.textProperty().bind(vm.reportProperty());
        SplitPane bottom = new SplitPane(ChartStyle.viewer(lineChart, "surface-line-chart"), report);
        bottom.setDividerPositions(0.55);
        SplitPane centre = new SplitPane(surfaces, bottom);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.7);
        setCenter(centre);
    }

    private static HBox row(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Button button(String text, String id, String tooltip) {
        return Controls.idButton(id, text, tooltip, null);
    }

    private static <T> StringConverter<T> names(java.util.function.Function<T, String> name, String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? none : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private void showLine(LineResult r) {
        lineData.removeAllSeries();
        XYPlot plot = (XYPlot) lineChart.getPlot();
        plot.clearDomainMarkers();
        if (r == null) {
            return;
        }
        XYSeries s = new XYSeries("loss", false, true);
        for (int i = 0; i < r.alpha().length; i++) {
            if (Double.isFinite(r.loss()[i])) {
                s.add(r.alpha()[i], r.loss()[i]);
            }
        }
        lineData.addSeries(s);
        plot.addDomainMarker(ChartStyle.marker(0, "θ₀"));
        plot.addDomainMarker(ChartStyle.marker(1, "θ₁"));
        lineChart.setTitle("loss along θ(α) = (1 − α)·θ₀ + α·θ₁");
    }

    private void exportPng() {
        if (!vm.canExportPng()) {
            return;
        }
        File f = save("Save the slice as PNG", "PNG image", "*.png", "loss-surface.png");
        if (f != null) {
            vm.writePng(SwingFXUtils.fromFXImage(surfaces.snapshot(null, null), null), f.toPath());
        }
    }

    private void exportCsv() {
        if (!vm.canExportCsv()) {
            return;
        }
        File f = save("Save as CSV (the slice, its trajectory and the line, as computed)", "CSV", "*.csv",
                "loss-surface.csv");
        if (f != null) {
            vm.exportCsv(f.toPath());
        }
    }

    private File save(String title, String kind, String pattern, String name) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        fc.setInitialFileName(name);
        return fc.showSaveDialog(owner);
    }

    LossSurfaceViewModel viewModel() {
        return vm;
    }

    ContourCanvas contour() {
        return contour;
    }
}
