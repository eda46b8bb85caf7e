package org.latentlab.ui.gan;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.analysis.game.GamePath;
import org.latentlab.ui.common.ChartStyle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;

/**
 * The "xy game" panel: sliders for the step size and the number of steps, the two paths of
 * {@link BilinearGameViewModel} in one square plot (same scale on both axes, centred on the equilibrium), the
 * distances reached and the caption. Layout and binding only.
 */
final class BilinearGameView extends VBox {

    private final BilinearGameViewModel vm;
    private final XYSeries simultaneous = new XYSeries("simultaneous steps", false, true);
    private final XYSeries alternating = new XYSeries("alternating steps", false, true);
    private final JFreeChart chart;

    BilinearGameView(BilinearGameViewModel vm) {
        super(8);
        this.vm = vm;
        setId("xyGameView");
        Slider eta = new Slider(BilinearGameViewModel.MIN_ETA, BilinearGameViewModel.MAX_ETA, vm.etaProperty().get());
        eta.setId("xyEtaSlider");
        eta.valueProperty().bindBidirectional(vm.etaProperty());
        Slider steps = new Slider(BilinearGameViewModel.MIN_STEPS, BilinearGameViewModel.MAX_STEPS,
                vm.stepsProperty().get());
        steps.setId("xyStepsSlider");
        steps.setBlockIncrement(10);
        steps.valueProperty().addListener((o, a, b) -> vm.stepsProperty().set((int) Math.round(b.doubleValue())));
        Label etaValue = new Label();
        etaValue.textProperty().bind(vm.etaProperty().asString(Locale.ROOT, "η = %.2f"));
        Label stepsValue = new Label();
        stepsValue.textProperty().bind(vm.stepsProperty().asString("%d steps"));
        GridPane sliders = new GridPane();
        sliders.setHgap(8);
        sliders.setVgap(4);
        sliders.addRow(0, new Label("step size η"), eta, etaValue);
        sliders.addRow(1, new Label("steps"), steps, stepsValue);
        GridPane.setHgrow(eta, Priority.ALWAYS);
        GridPane.setHgrow(steps, Priority.ALWAYS);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(simultaneous);
        data.addSeries(alternating);
        chart = ChartFactory.createXYLineChart("min_x max_y x·y from (1, 0)", "x (minimises)", "y (maximises)", data,
                PlotOrientation.VERTICAL, true, true, false);
        ChartStyle.apply(chart);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, ChartStyle.RED);
        r.setSeriesPaint(1, ChartStyle.BLUE);
        r.setSeriesStroke(0, new BasicStroke(1.2f));
        r.setSeriesStroke(1, new BasicStroke(1.6f));
        chart.getXYPlot().setRenderer(r);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("xyGameChart");
        viewer.setMinSize(360, 360);
        viewer.setPrefSize(560, 560);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("xyGameSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label caption = new Label(BilinearGameViewModel.CAPTION);
        caption.setId("xyGameCaption");
        caption.setWrapText(true);
        caption.getStyleClass().add("legend");
        getChildren().addAll(GanBenchView.titled("The simplest game that does not converge"), sliders, viewer,
                summary, caption);
        setPadding(new Insets(10));
        vm.alternatingProperty().addListener((o, a, b) -> redraw());
        vm.simultaneousProperty().addListener((o, a, b) -> redraw());
        redraw();
    }

    private void redraw() {
        fill(simultaneous, vm.simultaneousProperty().get());
        fill(alternating, vm.alternatingProperty().get());
        double e = vm.extent();
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setRange(-e, e);
        plot.getRangeAxis().setRange(-e, e);
    }

    private static void fill(XYSeries series, GamePath p) {
        series.clear();
        double[] x = p.x();
        double[] y = p.y();
        for (int t = 0; t < x.length; t++) {
            series.add(x[t], y[t], false);
        }
        series.fireSeriesChanged();
    }

    /** Points drawn on the simultaneous and alternating paths (tests). */
    int[] pointCounts() {
        return new int[] {simultaneous.getItemCount(), alternating.getItemCount()};
    }
}
