package org.latentlab.ui.latent;

import org.latentlab.ui.common.ChartStyle;
import static org.latentlab.ui.latent.StudioControls.bigView;
import static org.latentlab.ui.latent.StudioControls.button;
import static org.latentlab.ui.latent.StudioControls.captioned;
import static org.latentlab.ui.latent.StudioControls.doubleField;
import static org.latentlab.ui.latent.StudioControls.field;
import static org.latentlab.ui.latent.StudioControls.intField;
import static org.latentlab.ui.latent.StudioControls.showPicture;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.latent.Inversion;

import java.util.Optional;

/**
 * The inversion tab: an example, the start and the search's settings; the target, the decoded code as the search
 * runs and the nearest training image; the objective per step; the result with the memorisation check.
 */
final class InversionPane extends VBox {

    private final InversionViewModel vm;
    private final TextField index = field("0", 60, "latent-inversion-index");
    private final ComboBox<Inversion.Start> start = new ComboBox<>();
    private final TextField steps = field("500", 60, "latent-inversion-steps");
    private final TextField rate = field("0.05", 60, "latent-inversion-lr");
    private final TextField lambda = field("0.01", 60, "latent-inversion-lambda");
    private final ImageView target = bigView("latent-inversion-target", 150);
    private final ImageView current = bigView("latent-inversion-current", 150);
    private final ImageView nearest = bigView("latent-inversion-nearest", 150);
    private LoadedModel model;

    InversionPane(InversionViewModel vm) {
        super(8);
        this.vm = vm;
        start.getItems().setAll(Inversion.Start.values());
        start.setValue(Inversion.Start.PRIOR);
        start.setId("latent-inversion-start");
        start.setConverter(StudioControls.names(s -> s == Inversion.Start.PRIOR ? "random code (prior)"
                : "En(x) (encoder)"));
        Button run = button("latent-invert", "Invert", "search for the code whose image is closest to the example"
                + " (Adam on z)", this::invert);
        Button cancel = button("latent-inversion-cancel", "Cancel", "stop the search; the best code so far is kept",
                vm::cancel);
        run.disableProperty().bind(vm.invertingProperty());
        cancel.disableProperty().bind(vm.invertingProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("latent-inversion-progress");
        progress.setPrefWidth(120);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.invertingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        FlowPane controls = new FlowPane(6, 6, new Label("example #"), index, new Label("start"), start,
                new Label("steps"), steps, new Label("lr"), rate, new Label("λ"), lambda, run, cancel,
                button("latent-inversion-load", "Load code", "put the code found into the sliders",
                        vm::loadInverted), progress);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox pictures = new HBox(12, captioned("target x", target), captioned("decoded z, as it runs", current),
                captioned("nearest training image to it", nearest));
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(vm.objective());
        data.addSeries(vm.reconstructionError());
        JFreeChart chart = ChartFactory.createXYLineChart("inversion objective", "step", "value", data,
                PlotOrientation.VERTICAL, true, false, false);
        LogAxis log = new LogAxis("value (log scale)");
        log.setSmallestValue(1e-6);
        ((XYPlot) chart.getPlot()).setRangeAxis(log);
        ChartViewer viewer = ChartStyle.viewer(ChartStyle.apply(chart), "latent-inversion-chart");
        viewer.setMinHeight(200);
        Label result = new Label();
        result.setId("latent-inversion-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.messageProperty());
        vm.errorProperty().addListener((o, a, err) -> {
            result.getStyleClass().remove("message-error");
            if (err) {
                result.getStyleClass().add("message-error");
            }
        });
        getChildren().addAll(controls, pictures, result, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        setPadding(new Insets(8));
        vm.targetProperty().addListener((o, a, x) -> showPicture(target, x, shape()));
        vm.currentProperty().addListener((o, a, x) -> showPicture(current, x, shape()));
        vm.nearestProperty().addListener((o, a, x) -> showPicture(nearest, x, shape()));
    }

    private org.latentlab.latent.ImageShape shape() {
        return model == null ? null : model.shape();
    }

    /** The start the model allows (the encoder's code when it has one) and the example tip. */
    void show(LoadedModel l) {
        model = l;
        start.setValue(l.hasEncoder() ? Inversion.Start.ENCODER : Inversion.Start.PRIOR);
        index.setTooltip(new Tooltip(l.exampleNoun() + " index, 0 to " + (l.examples().size() - 1)));
    }

    private void invert() {
        Optional<Integer> i = intField(index, 0, Integer.MAX_VALUE);
        Optional<Integer> n = intField(steps, 1, 100_000);
        Optional<Double> lr = doubleField(rate);
        Optional<Double> l = doubleField(lambda);
        if (i.isPresent() && n.isPresent() && lr.isPresent() && l.isPresent()) {
            vm.invert(i.get(), start.getValue(), n.get(), lr.get(), l.get());
        }
    }
}
